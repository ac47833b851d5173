#include "model/parser.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

using namespace ilv;

TEST_CASE("fuzz: valid seeds parse cleanly and invalid seeds report errors") {
    const std::filesystem::path dir = std::filesystem::path(ILV_SOURCE_DIR) / "tests/fuzz/corpus";
    int valid = 0;
    int invalid = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        Diagnostics diags;
        (void)parse_model(text.str(), diags);
        INFO(name, "\n", render_all(diags, name, text.str()));
        if (name.rfind("valid_", 0) == 0) {
            CHECK_FALSE(diags.has_errors());
            ++valid;
        } else {
            CHECK(diags.has_errors());
            ++invalid;
        }
    }
    CHECK(valid >= 3);
    CHECK(invalid >= 5);
}
