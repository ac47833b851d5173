// The SARIF writer: required fields, one result per violation at the property's line, the
// counterexample as a code flow, open results and notifications for incomplete runs.
#include "cli/sarif_report.hpp"

#include "sample_runs.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ilv;
using namespace ilv::cli;
using nlohmann::json;

namespace {

json sarif(const std::vector<ModelRun>& runs) {
    return json::parse(render_sarif(runs));
}

/// The results of the only run whose ruleId is `id`.
std::vector<json> results_for(const json& log, const std::string& id) {
    std::vector<json> out;
    for (const json& r : log["runs"][0]["results"]) {
        if (r["ruleId"] == id) {
            out.push_back(r);
        }
    }
    return out;
}

json region(const json& location) {
    return location["physicalLocation"]["region"];
}

} // namespace

TEST_CASE("unit: path_uri keeps relative paths relative and percent-encodes") {
    CHECK(path_uri("specs/a b/m.ilv") == "specs/a%20b/m.ilv");
    CHECK(path_uri("/abs/x#1.ilv") == "file:///abs/x%231.ilv");
    CHECK(path_uri("caf\xC3\xA9.ilv") == "caf%C3%A9.ilv");
}

TEST_CASE("unit: SARIF log has the 2.1.0 version, schema, tool and one rule per property") {
    const json log = sarif({test::checked_run(), test::broken_run()});
    CHECK(log["version"] == "2.1.0");
    CHECK(log["$schema"].get<std::string>().find("sarif-schema-2.1.0.json") != std::string::npos);
    REQUIRE(log["runs"].size() == 1);
    const json& driver = log["runs"][0]["tool"]["driver"];
    CHECK(driver["name"] == "interleave");
    std::vector<std::string> ids;
    for (const json& rule : driver["rules"]) {
        ids.push_back(rule["id"]);
    }
    CHECK(ids == std::vector<std::string>{"m.mutex", "m.safe", "m.deadlock", "m.eventually",
                                          "m.quiet", "E0403"});
}

TEST_CASE("unit: a SARIF violation is an error at the property's line with a code flow") {
    const std::vector<json> safe = results_for(sarif({test::checked_run()}), "m.safe");
    REQUIRE(safe.size() == 1);
    const json& r = safe[0];
    CHECK(r["level"] == "error");
    CHECK(r["kind"] == "fail");
    CHECK(r["message"]["text"].get<std::string>().find("traces/m.safe.trace.json") !=
          std::string::npos);
    const json& place = r["locations"][0];
    CHECK(place["physicalLocation"]["artifactLocation"]["uri"] == "dir/m.ilv");
    CHECK(region(place) == json{{"startLine", 12}, {"startColumn", 3}});
    const json& steps = r["codeFlows"][0]["threadFlows"][0]["locations"];
    REQUIRE(steps.size() == 2);
    CHECK(region(steps[0]["location"]) == json{{"startLine", 4}, {"startColumn", 5}});
    CHECK(region(steps[1]["location"]) == json{{"startLine", 6}, {"startColumn", 7}});
    CHECK(steps[1]["location"]["message"]["text"] == "step 2: p[1].look & <see>");
}

TEST_CASE("unit: a SARIF deadlock with no declaration is placed where its trace ends") {
    const std::vector<json> dl = results_for(sarif({test::checked_run()}), "m.deadlock");
    REQUIRE(dl.size() == 1);
    CHECK(region(dl[0]["locations"][0]) == json{{"startLine", 6}, {"startColumn", 7}});
}

TEST_CASE("unit: a SARIF lasso marks where its cycle starts") {
    ModelRun run = test::checked_run();
    run.report->properties[1] = test::violated("live", PropertyKind::Liveness, 30, 1);
    const std::vector<json> live = results_for(sarif({run}), "m.live");
    REQUIRE(live.size() == 1);
    const json& steps = live[0]["codeFlows"][0]["threadFlows"][0]["locations"];
    CHECK(steps[0]["location"]["message"]["text"] == "step 1: p[0].enter");
    CHECK(steps[1]["location"]["message"]["text"].get<std::string>().find("cycle starts here") !=
          std::string::npos);
}

TEST_CASE("unit: SARIF makes an incomplete run visible: open results, a notification, a flag") {
    const json log = sarif({test::checked_run()});
    const std::vector<json> open = results_for(log, "m.eventually");
    REQUIRE(open.size() == 1);
    CHECK(open[0]["kind"] == "open");
    CHECK(open[0]["level"] == "none");
    CHECK(region(open[0]["locations"][0])["startLine"] == 20);
    CHECK(results_for(log, "m.mutex").empty());
    CHECK(results_for(log, "m.quiet").empty());
    const json& run = log["runs"][0];
    CHECK(run["properties"]["incomplete"] == true);
    const json& notes = run["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["level"] == "warning");
    CHECK(notes[0]["message"]["text"].get<std::string>().find("state_limit") != std::string::npos);
}

TEST_CASE("unit: SARIF reports front-end errors as results at the diagnostic") {
    const json log = sarif({test::broken_run()});
    const std::vector<json> errors = results_for(log, "E0403");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]["level"] == "error");
    CHECK(region(errors[0]["locations"][0]) == json{{"startLine", 2}, {"startColumn", 15}});
    CHECK(log["runs"][0]["properties"]["exit_code"] == 2);
    CHECK(log["runs"][0]["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("unit: a complete SARIF run without violations has no results and no notification") {
    ModelRun run = test::checked_run();
    run.report->search.outcome = Outcome::Complete;
    run.report->properties.resize(1);
    run.exit_code = 0;
    const json log = sarif({run});
    CHECK(log["runs"][0]["results"].empty());
    CHECK_FALSE(log["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
    CHECK(log["runs"][0]["properties"]["incomplete"] == false);
}
