#include "tests/traces/sample_traces.hpp"
#include "traces/trace_json.hpp"

#include <random>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ilv;
using Json = nlohmann::ordered_json;

namespace {

/// The reader's error for `text`, which must be rejected.
std::string error_of_text(const std::string& text) {
    std::string error;
    const std::optional<Trace> trace = trace_from_json(text, error);
    CHECK_FALSE(trace.has_value());
    return error;
}

std::string error_of(const Json& doc) {
    return error_of_text(doc.dump());
}

Json doc_of(const Trace& trace) {
    return Json::parse(trace_to_json(trace));
}

Json invariant_doc() {
    return doc_of(test::invariant_sample());
}

} // namespace

TEST_CASE("trace_json errors: text that is not JSON reports where parsing stopped") {
    std::string error;
    TextPosition at;
    CHECK_FALSE(trace_from_json("hello", error, &at).has_value());
    CHECK(error.rfind("invalid JSON: syntax error while parsing value", 0) == 0);
    CHECK(at.line == 1);
    CHECK(at.column == 1); // no JSON value starts with "h"
    CHECK(trace_error_line("t.json", error, at).rfind("t.json:1:1: error: invalid JSON: ", 0) == 0);
    CHECK(error_of_text("").rfind("invalid JSON: ", 0) == 0);
    const std::string text = trace_to_json(test::invariant_sample());
    // Cut inside the fourth line: the parser runs out of input there.
    std::size_t cut = 0;
    for (int line = 0; line < 3; ++line) {
        cut = text.find('\n', cut) + 1;
    }
    const std::string truncated = text.substr(0, cut + 10);
    at = {};
    CHECK_FALSE(trace_from_json(truncated, error, &at).has_value());
    CHECK(error.rfind("invalid JSON: ", 0) == 0);
    CHECK(at.line == 4);
    CHECK(at.column == 11); // one past the last of the 10 characters kept
    CHECK(error_of_text(R"({"format": "interleave-trace", "version": 1e999})")
              .rfind("invalid JSON: ", 0) == 0);
    // Not a syntax error: no position.
    CHECK(trace_error_line("t.json", "cannot read: is a directory", TextPosition{}) ==
          "t.json: error: cannot read: is a directory");
}

TEST_CASE("trace_json errors: binary garbage and deep nesting are rejected") {
    std::string garbage;
    for (int i = 0; i < 256; ++i) {
        garbage.push_back(static_cast<char>(255 - i));
    }
    CHECK(error_of_text(garbage).rfind("invalid JSON: ", 0) == 0);
    CHECK(error_of_text(std::string(100000, '[')).rfind("invalid JSON: ", 0) == 0);
    const std::string nested = std::string(10000, '[') + std::string(10000, ']');
    CHECK(error_of_text(nested) ==
          "not an interleave trace (expected a JSON object, found an array)");
}

TEST_CASE("trace_json errors: the header identifies format and version") {
    Json doc = invariant_doc();
    doc.erase("format");
    CHECK(error_of(doc) == "not an interleave trace (format field missing)");
    doc["format"] = "spin-trail";
    CHECK(error_of(doc) == "not an interleave trace (format is \"spin-trail\")");
    doc["format"] = 7;
    CHECK(error_of(doc) == "not an interleave trace (format is an integer)");
    doc = invariant_doc();
    doc["version"] = 2;
    CHECK(error_of(doc) == "unsupported trace version 2 (this build reads version 1)");
    doc["version"] = "1";
    CHECK(error_of(doc) == "version: expected an integer, found a string");
    doc.erase("version");
    CHECK(error_of(doc) == "version: missing");
    CHECK(error_of_text("42") ==
          "not an interleave trace (expected a JSON object, found an integer)");
}

TEST_CASE("trace_json errors: model, defines and property fields are typed") {
    Json doc = invariant_doc();
    doc.erase("model");
    CHECK(error_of(doc) == "model: missing");
    doc = invariant_doc();
    doc["model"]["digest"] = 12;
    CHECK(error_of(doc) == "model.digest: expected a string, found an integer");
    doc["model"]["digest"] = "XYZ";
    CHECK(error_of(doc) == "model.digest: expected 16 lowercase hex digits, found \"XYZ\"");
    doc = invariant_doc();
    doc["defines"]["DEBUG"] = "on";
    CHECK(error_of(doc) == "defines.DEBUG: expected an integer, found a string");
    doc["defines"] = Json::array();
    CHECK(error_of(doc) == "defines: expected an object, found an array");
    doc = invariant_doc();
    doc["property"]["kind"] = "safety";
    CHECK(error_of(doc) == "property.kind: unknown kind \"safety\" (expected invariant, assert, "
                           "runtime, deadlock or liveness)");
    doc = invariant_doc();
    doc["property"]["location"] = "line 4";
    CHECK(error_of(doc) == "property.location: expected an object or null, found a string");
    doc["property"]["location"] = Json::parse(R"({"line": -1, "column": 2})");
    CHECK(error_of(doc) == "property.location.line: integer -1 out of range");
    doc["property"]["location"] = Json::parse(R"({"line": 0, "column": 2})");
    CHECK(error_of(doc) ==
          "property.location.line: lines count from 1 (an unknown location is null)");
    doc["property"]["location"] = Json::parse(R"({"line": 1})");
    CHECK(error_of(doc) == "property.location.column: missing");
    doc = invariant_doc();
    doc["property"].erase("message");
    CHECK(error_of(doc) == "property.message: missing");
}

TEST_CASE("trace_json errors: variables are checked by type") {
    Json doc = invariant_doc();
    doc["variables"][1]["type"] = "float";
    CHECK(error_of(doc) ==
          "variables[1].type: unknown type \"float\" (expected int, bool, enum or location)");
    doc = invariant_doc();
    doc["variables"][0].erase("lower");
    CHECK(error_of(doc) == "variables[0].lower: missing");
    doc = invariant_doc();
    doc["variables"][0]["lower"] = 3;
    CHECK(error_of(doc) == "variables[0]: lower 3 exceeds upper 2");
    doc = invariant_doc();
    doc["variables"][1]["values"] = Json::array();
    CHECK(error_of(doc) == "variables[1].values: expected at least one value");
    doc["variables"][1]["values"] = Json::parse(R"(["IDLE", 3])");
    CHECK(error_of(doc) == "variables[1].values[1]: expected a string, found an integer");
    doc = invariant_doc();
    doc["variables"][2]["name"] = "count";
    CHECK(error_of(doc) == "variables[2].name: duplicate 'count'");
    doc["variables"] = Json::object();
    CHECK(error_of(doc) == "variables: expected an array, found an object");
    doc = invariant_doc();
    doc["variables"][3] = 5;
    CHECK(error_of(doc) == "variables[3]: expected an object, found an integer");
    doc = invariant_doc();
    doc["processes"] = "p[0]";
    CHECK(error_of(doc) == "processes: expected an array, found a string");
}

TEST_CASE("trace_json errors: states must match the variables in count and range") {
    Json doc = invariant_doc();
    doc["initial"].erase(4);
    CHECK(error_of(doc) == "initial: expected 5 values, found 4");
    doc = invariant_doc();
    doc["initial"][0] = 7;
    CHECK(error_of(doc) == "initial[0]: value 7 out of range 0..2 for 'count'");
    doc["initial"][2] = 1.5;
    CHECK(error_of(doc) == "initial[2]: expected an integer, found a fractional number");
    doc = invariant_doc();
    doc["steps"][1]["state"].push_back(0);
    CHECK(error_of(doc) == "steps[1].state: expected 5 values, found 6");
    doc = invariant_doc();
    doc["steps"][1]["state"][4] = 2;
    CHECK(error_of(doc) == "steps[1].state[4]: value 2 out of range 0..1 for 'p[1].@'");
    doc["steps"][1]["state"][4] = Json::parse("18446744073709551615");
    CHECK(error_of(doc) == "steps[1].state[4]: integer 18446744073709551615 out of range");
    doc = invariant_doc();
    doc["steps"][0].erase("state");
    CHECK(error_of(doc) == "steps[0].state: missing");
}

TEST_CASE("trace_json errors: step fields are typed and consistent") {
    Json doc = invariant_doc();
    doc["steps"] = 3;
    CHECK(error_of(doc) == "steps: expected an array, found an integer");
    doc = invariant_doc();
    doc["steps"][0] = Json::array();
    CHECK(error_of(doc) == "steps[0]: expected an object, found an array");
    doc = invariant_doc();
    doc["steps"][0]["process"] = 9;
    CHECK(error_of(doc) == "steps[0].process: 9 is not a process index (2 processes)");
    doc = invariant_doc();
    doc["steps"][0]["process_name"] = "p[1]";
    CHECK(error_of(doc) == "steps[0].process_name: \"p[1]\" is not process 0 (\"p[0]\")");
    doc = invariant_doc();
    doc["steps"][0]["params"] = Json::parse("[1]");
    CHECK(error_of(doc) == "steps[0].params[0]: expected a string, found an integer");
    doc = invariant_doc();
    doc["steps"][0].erase("action");
    CHECK(error_of(doc) == "steps[0].action: missing");
    doc = invariant_doc();
    doc["steps"][0]["failed"] = "yes";
    CHECK(error_of(doc) == "steps[0].failed: expected a boolean, found a string");
}

TEST_CASE("trace_json errors: failed steps come last, without state, for step failures only") {
    Json doc = doc_of(test::runtime_sample()); // four steps, the last one failed
    doc["steps"][3]["state"] = Json::parse("[2, 0, 1, 1, 1]");
    CHECK(error_of(doc) == "steps[3].state: a failed step has no state");
    doc = doc_of(test::runtime_sample());
    doc["steps"][3].erase("error");
    CHECK(error_of(doc) == "steps[3].error: missing");
    doc = doc_of(test::runtime_sample());
    doc["steps"][0]["failed"] = true;
    doc["steps"][0]["error"] = "boom";
    doc["steps"][0]["error_location"] = nullptr;
    CHECK(error_of(doc) == "steps[0].failed: only the last step may fail");
    doc = doc_of(test::runtime_sample());
    doc["steps"].erase(3);
    CHECK(error_of(doc) == "steps: an assert or runtime violation ends with a failed step");
    doc = doc_of(test::runtime_sample());
    doc["property"]["kind"] = "invariant";
    CHECK(error_of(doc) ==
          "steps[3].failed: only assert and runtime violations end with a failed step");
}

TEST_CASE("trace_json errors: loop_start belongs to liveness and points at a step") {
    Json doc = doc_of(test::lasso_sample()); // three steps
    doc.erase("loop_start");
    CHECK(error_of(doc) == "loop_start: missing");
    doc["loop_start"] = "1";
    CHECK(error_of(doc) == "loop_start: expected an integer or null, found a string");
    doc["loop_start"] = 4; // 3 would be an empty cycle: the run stops in the last state
    CHECK(error_of(doc) == "loop_start: 4 exceeds the number of steps (3)");
    doc["loop_start"] = -1;
    CHECK(error_of(doc) == "loop_start: integer -1 out of range");
    doc["loop_start"] = nullptr;
    CHECK(error_of(doc) == "loop_start: a liveness violation needs a loop start");
    doc = invariant_doc();
    doc["loop_start"] = 0;
    CHECK(error_of(doc) == "loop_start: only a liveness violation has a loop start");
}

TEST_CASE("trace_json errors: fairness belongs to liveness and is weak or none") {
    Json doc = doc_of(test::lasso_sample());
    doc["property"].erase("fairness");
    CHECK(error_of(doc) ==
          "property.fairness: a liveness violation names its fairness, \"weak\" or \"none\"");
    doc["property"]["fairness"] = "strong";
    CHECK(error_of(doc) ==
          "property.fairness: a liveness violation names its fairness, \"weak\" or \"none\"");
    doc["property"]["fairness"] = 1;
    CHECK(error_of(doc) == "property.fairness: expected a string, found an integer");
    doc = invariant_doc();
    doc["property"]["fairness"] = "weak";
    CHECK(error_of(doc) == "property.fairness: only a liveness violation has a fairness");
}

TEST_CASE("trace_json errors: every truncation and random corruption fails cleanly") {
    const std::string text = trace_to_json(test::runtime_sample());
    std::string error;
    REQUIRE(text.back() == '\n');
    for (std::size_t n = 0; n + 1 < text.size(); ++n) { // every cut short of the final newline
        error.clear();
        const bool accepted =
            trace_from_json(std::string_view(text).substr(0, n), error).has_value();
        CHECK_FALSE(accepted);
        CHECK_FALSE(error.empty());
    }
    std::mt19937 random(20240611U);
    std::uniform_int_distribution<std::size_t> position(0, text.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 500; ++round) {
        std::string corrupt = text;
        corrupt[position(random)] = static_cast<char>(byte(random));
        error.clear();
        const bool accepted = trace_from_json(corrupt, error).has_value();
        CHECK(accepted == error.empty());
    }
}
