// The story of a counterexample: step comments from the model source, grouping by process,
// changed variables, the cycle marker and the closing sentence.
#include "traces/trace_story.hpp"

#include <doctest/doctest.h>

using namespace ilv;

namespace {

Trace two_step_trace() {
    Trace t;
    t.model_name = "m";
    t.model_path = "m.ilv";
    t.property = {"mutex", "invariant", {{9, 1, 0}, {9, 5, 0}}, "invariant 'mutex' is false", ""};
    t.variables = {{"flag", SlotKind::Bool, 0, 1, {}},
                   {"p[0].@", SlotKind::Location, 0, 1, {"idle", "cs"}}};
    t.processes = {"p[0]", "p[1]"};
    t.initial = {0, 0};
    TraceStep a;
    a.action = "p[0].enter";
    a.step = "enter";
    a.process = 0;
    a.where = {{4, 3, 0}, {4, 8, 0}};
    a.state = {1, 1};
    TraceStep b = a;
    b.action = "p[1].look";
    b.step = "look";
    b.process = 1;
    b.where = {{6, 3, 0}, {6, 8, 0}};
    t.steps = {a, b};
    return t;
}

const char* const source = "model m;\n"
                           "process p {\n"
                           "  // takes the lock\n"
                           "  step enter: idle -> cs { flag = true; }\n"
                           "  // ---- a ruler, not a description\n"
                           "  step look: idle -> idle { }   // only looks\n";

} // namespace

TEST_CASE("trace_story: comments above a line, or trailing, describe it") {
    CHECK(comment_for_line(source, 4) == "takes the lock");
    CHECK(comment_for_line(source, 6) == "only looks");
    CHECK(comment_for_line(source, 1).empty());
    CHECK(comment_for_line(source, 99).empty());
}

TEST_CASE("trace_story: plain text groups steps by process and lists changes") {
    const std::string story = trace_story(two_step_trace(), StoryOptions{false, source});
    CHECK(story == "invariant 'mutex' of model m, 2 steps.\n\n"
                   "p[0]:\n"
                   "   1. enter: takes the lock [flag = true]\n"
                   "p[1]:\n"
                   "   2. look: only looks\n"
                   "Then: invariant 'mutex' is false (m.ilv:9).\n");
}

TEST_CASE("trace_story: markdown marks the cycle of a lasso and failed steps") {
    Trace t = two_step_trace();
    t.property.kind = "liveness";
    t.loop_start = 1;
    t.steps[1].failed = false;
    std::string story = trace_story(t, StoryOptions{true, ""});
    CHECK(story.find("(a cycle from step 2)") != std::string::npos);
    CHECK(story.find("*The cycle starts here and repeats forever:*") < story.find("2. look"));
    t.loop_start = 2; // the lasso of a run that stops: no cycle of steps
    t.property.fairness = "weak";
    story = trace_story(t, StoryOptions{false, ""});
    CHECK(story.find(", 2 steps, then the run stops with no step enabled, under weak fairness.") !=
          std::string::npos);
    CHECK(story.find("cycle starts here") == std::string::npos);
    t.loop_start.reset();
    t.property.fairness.clear();
    t.steps[1].failed = true;
    t.steps[1].error = "division by zero";
    t.steps[1].state.clear();
    story = trace_story(t, StoryOptions{false, ""});
    CHECK(story.find("2. look — FAILS: division by zero") != std::string::npos);
}
