#include "traces/digest.hpp"

#include <doctest/doctest.h>

using namespace ilv;

TEST_CASE("digest: matches the published FNV-1a 64 test vectors") {
    // Vectors from the FNV reference test suite (Fowler/Noll/Vo).
    CHECK(model_digest("") == "cbf29ce484222325");
    CHECK(model_digest("a") == "af63dc4c8601ec8c");
    CHECK(model_digest("foobar") == "85944171f73967e8");
}

TEST_CASE("digest: is 16 lowercase hex digits and sensitive to every byte") {
    const std::string a = model_digest("model m;\nvar x: 0..1 = 0;\n");
    const std::string b = model_digest("model m;\nvar x: 0..1 = 1;\n");
    CHECK(a.size() == 16);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a != b);
    CHECK(model_digest(std::string_view("a\0b", 3)) != model_digest("ab"));
}
