// Several models in one run: the exit code order, the combined JSON and summary, and how
// directories are searched.
#include "cli/check_many.hpp"

#include "sample_runs.hpp"

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ilv;
using namespace ilv::cli;

namespace {

ModelRun with_code(int code) {
    ModelRun run = test::broken_run();
    run.exit_code = code;
    return run;
}

} // namespace

TEST_CASE("unit: the worst exit code orders 4 > 2 > 1 > 3 > 0") {
    CHECK(worst_exit_code({}) == 0);
    CHECK(worst_exit_code({with_code(0), with_code(3)}) == 3);
    CHECK(worst_exit_code({with_code(3), with_code(1), with_code(0)}) == 1);
    CHECK(worst_exit_code({with_code(1), with_code(2), with_code(3)}) == 2);
    CHECK(worst_exit_code({with_code(2), with_code(4), with_code(1)}) == 4);
}

TEST_CASE("unit: the combined JSON has result, exit code, totals and one object per model") {
    ModelRun holds = test::checked_run();
    holds.exit_code = 0;
    holds.report->properties.resize(1);
    const nlohmann::json j =
        nlohmann::json::parse(render_many_json({test::checked_run(), holds, test::broken_run()}));
    CHECK(j["result"] == "error");
    CHECK(j["exit_code"] == 2);
    CHECK(j["total"] == nlohmann::json{{"models", 3},
                                       {"holds", 1},
                                       {"violated", 1},
                                       {"incomplete", 0},
                                       {"errors", 1},
                                       {"states", 200},
                                       {"transitions", 500}});
    REQUIRE(j["models"].size() == 3);
    CHECK(j["models"][0]["model"] == "m");
    CHECK(j["models"][0]["exit_code"] == 1);
    CHECK(j["models"][0]["properties"].size() == 5);
    CHECK(j["models"][2]["path"] == "bad.ilv");
    CHECK(j["models"][2]["result"] == "error");
    CHECK(j["models"][2]["diagnostics"].get<std::string>().find("[E0403]") != std::string::npos);
}

TEST_CASE("unit: the combined summary ends with the totals and the worst result") {
    const std::string text = render_many_summary({test::checked_run(), test::broken_run()});
    CHECK(text.find("model bad.ilv: not checked (error, exit 2)\n") != std::string::npos);
    const std::string tail = "total: 2 models: 0 hold, 1 violated, 0 incomplete, 1 not checked; "
                             "states 100, transitions 250\nresult: ERROR\n";
    CHECK(text.size() >= tail.size());
    CHECK(text.substr(text.size() - tail.size()) == tail);
}

TEST_CASE("unit: directories are searched recursively for .ilv files, sorted") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(ILV_BINARY_DIR) / "check_many_test_dir";
    fs::remove_all(dir);
    fs::create_directories(dir / "b" / "deep");
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "empty");
    for (const char* f : {"z.ilv", "b/deep/y.ilv", "a/x.ilv", "a/notes.txt", "b/w.ilv"}) {
        std::ofstream(dir / f) << "model m;\n";
    }
    const std::string root = dir.generic_string();
    std::vector<std::string> paths;
    for (const ModelInput& in : expand_inputs({root, "single.ilv", root + "/empty"})) {
        paths.push_back(in.path.substr(0, root.size()) == root ? in.path.substr(root.size())
                                                               : in.path);
        CHECK(in.error.empty() == (in.path != root + "/empty"));
    }
    CHECK(paths == std::vector<std::string>{"/a/x.ilv", "/b/deep/y.ilv", "/b/w.ilv", "/z.ilv",
                                            "single.ilv", "/empty"});
    CHECK(is_multi_model({root}));
    CHECK(is_multi_model({"a.ilv", "b.ilv"}));
    CHECK_FALSE(is_multi_model({"a.ilv"}));
    fs::remove_all(dir);
}
