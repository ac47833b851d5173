#include "traces/trace_json.hpp"

#include "tests/traces/sample_traces.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ilv;
using Json = nlohmann::ordered_json;

namespace {

std::vector<Trace> all_samples() {
    return {test::invariant_sample(), test::runtime_sample(), test::assert_sample(),
            test::deadlock_sample(), test::lasso_sample()};
}

Trace tiny_trace() {
    Trace t;
    t.model_name = "g";
    t.model_path = "g.ilv";
    t.model_digest = "0123456789abcdef";
    t.defines = {{"N", 3}};
    t.property = TraceProperty{"deadlock", "deadlock", SourceRange{}, "no step is enabled", ""};
    t.variables = {{"node", SlotKind::Int, 0, 2, {}},
                   {"flag", SlotKind::Bool, 0, 1, {}},
                   {"p.@", SlotKind::Location, 0, 1, {"idle", "busy"}}};
    t.processes = {"p"};
    t.initial = {0, 0, 0};
    TraceStep step;
    step.action = "p.go";
    step.step = "go";
    step.where = SourceRange{{3, 5, 0}, {}};
    step.state = {1, 1, 1};
    t.steps = {step};
    return t;
}

} // namespace

TEST_CASE("trace_json: every sample shape survives write then read unchanged") {
    for (const Trace& trace : all_samples()) {
        CAPTURE(trace.property.kind);
        std::string error;
        const std::optional<Trace> back = trace_from_json(trace_to_json(trace), error);
        REQUIRE_MESSAGE(back.has_value(), error);
        CHECK(*back == trace);
    }
}

TEST_CASE("trace_json: writes the documented layout byte for byte") {
    const std::string expected = R"({
  "format": "interleave-trace",
  "version": 1,
  "model": {"name": "g", "path": "g.ilv", "digest": "0123456789abcdef"},
  "defines": {"N": 3},
  "property": {
    "name": "deadlock",
    "kind": "deadlock",
    "location": null,
    "message": "no step is enabled"
  },
  "variables": [
    {"name": "node", "type": "int", "lower": 0, "upper": 2},
    {"name": "flag", "type": "bool"},
    {"name": "p.@", "type": "location", "values": ["idle", "busy"]}
  ],
  "processes": ["p"],
  "initial": [0, 0, 0],
  "steps": [
    {
      "process": 0,
      "process_name": "p",
      "step": "go",
      "params": [],
      "action": "p.go",
      "location": {"line": 3, "column": 5},
      "state": [1, 1, 1]
    }
  ],
  "loop_start": null
}
)";
    CHECK(trace_to_json(tiny_trace()) == expected);
    CHECK(trace_to_json(tiny_trace()) == trace_to_json(tiny_trace()));
}

TEST_CASE("trace_json: keeps defines in their given order") {
    const Trace trace = test::invariant_sample(); // OPENERS, DEBUG, BIAS: not sorted
    const std::string text = trace_to_json(trace);
    const std::size_t openers = text.find("\"OPENERS\"");
    const std::size_t debug = text.find("\"DEBUG\"");
    const std::size_t bias = text.find("\"BIAS\"");
    CHECK(openers < debug);
    CHECK(debug < bias);
    std::string error;
    const std::optional<Trace> back = trace_from_json(text, error);
    REQUIRE(back.has_value());
    const std::vector<std::pair<std::string, std::int64_t>> defines{
        {"OPENERS", 2}, {"DEBUG", 0}, {"BIAS", -3}};
    CHECK(back->defines == defines);
}

TEST_CASE("trace_json: variables carry what is needed to render every value") {
    const Json doc = Json::parse(trace_to_json(test::invariant_sample()));
    const Json& vars = doc["variables"];
    REQUIRE(vars.size() == 5);
    CHECK(vars[0] == Json::parse(R"({"name": "count", "type": "int", "lower": 0, "upper": 2})"));
    CHECK(vars[1] ==
          Json::parse(R"({"name": "mode", "type": "enum", "values": ["IDLE", "BUSY"]})"));
    CHECK(vars[2] == Json::parse(R"({"name": "done", "type": "bool"})"));
    CHECK(vars[4] ==
          Json::parse(R"({"name": "p[1].@", "type": "location", "values": ["idle", "crit"]})"));
    CHECK(doc["processes"] == Json::parse(R"(["p[0]", "p[1]"])"));
    CHECK(doc["initial"] == Json::parse("[0, 0, 0, 0, 0]"));
    // After p[0].enter and p[1].enter: count 2, both processes at crit (index 1).
    const Json& last = doc["steps"][1];
    CHECK(last["state"] == Json::parse("[2, 0, 0, 1, 1]"));
    CHECK(last["process"] == 1);
    CHECK(last["process_name"] == "p[1]");
    CHECK(last["action"] == "p[1].enter");
    CHECK(last["location"] == Json::parse(R"({"line": 10, "column": 3})"));
    CHECK(doc["property"]["location"] == Json::parse(R"({"line": 40, "column": 1})"));
}

TEST_CASE("trace_json: a failed step has error fields and no state") {
    const Json doc = Json::parse(trace_to_json(test::runtime_sample()));
    const Json& last = doc["steps"].back();
    CHECK(last["failed"] == true);
    CHECK(last["error"] == "value 3 out of range 0..2 for 'count'");
    CHECK(last["error_location"] == Json::parse(R"({"line": 30, "column": 5})"));
    CHECK_FALSE(last.contains("state"));
    CHECK_FALSE(doc["steps"][0].contains("failed"));
    CHECK(doc["property"]["location"].is_null());
}

TEST_CASE("trace_json: a lasso records its loop start") {
    const Json doc = Json::parse(trace_to_json(test::lasso_sample()));
    CHECK(doc["loop_start"] == 1);
    CHECK(doc["property"]["kind"] == "liveness");
    CHECK(doc["property"]["fairness"] == "none");
    CHECK_FALSE(
        Json::parse(trace_to_json(test::invariant_sample()))["property"].contains("fairness"));
}

TEST_CASE("trace_json: strings are escaped and invalid UTF-8 does not throw") {
    Trace trace = test::invariant_sample();
    trace.property.message = "quote \" backslash \\ newline \n tab \t";
    std::string error;
    std::optional<Trace> back = trace_from_json(trace_to_json(trace), error);
    REQUIRE(back.has_value());
    CHECK(back->property.message == trace.property.message);
    trace.property.message = "bad \xff byte";
    const std::string text = trace_to_json(trace);
    back = trace_from_json(text, error);
    REQUIRE(back.has_value());
    CHECK(back->property.message == "bad \xEF\xBF\xBD byte"); // U+FFFD replacement character
}
