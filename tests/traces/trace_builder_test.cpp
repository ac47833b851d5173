#include "traces/trace_builder.hpp"

#include "tests/traces/sample_traces.hpp"
#include "traces/trace_validate.hpp"

#include <doctest/doctest.h>

using namespace ilv;

TEST_CASE("trace_builder: describes every slot kind of the layout") {
    const test::ToySystem sys;
    const std::vector<TraceVariable> expected{
        {"count", SlotKind::Int, 0, 2, {}},
        {"mode", SlotKind::Enum, 0, 1, {"IDLE", "BUSY"}},
        {"done", SlotKind::Bool, 0, 1, {}},
        {"p[0].@", SlotKind::Location, 0, 1, {"idle", "crit"}},
        {"p[1].@", SlotKind::Location, 0, 1, {"idle", "crit"}},
    };
    CHECK(trace_variables(sys.layout()) == expected);
}

TEST_CASE("trace_builder: fills processes, initial state and steps from the system") {
    const Trace trace = test::assert_sample(); // p[1].enter, p[1].set(BUSY), p[1].check fails
    CHECK(trace.processes == std::vector<std::string>{"p[0]", "p[1]"});
    CHECK(trace.initial == std::vector<std::int64_t>{0, 0, 0, 0, 0});
    REQUIRE(trace.steps.size() == 3);
    const TraceStep& enter = trace.steps[0];
    CHECK(enter.action == "p[1].enter");
    CHECK(enter.process == 1);
    CHECK(enter.step == "enter");
    CHECK(enter.params.empty());
    CHECK(enter.where == SourceRange{{10, 3, 0}, {}}); // begin line and column only
    CHECK(enter.state == std::vector<std::int64_t>{1, 0, 0, 0, 1});
    const TraceStep& set = trace.steps[1];
    CHECK(set.action == "p[1].set(BUSY)");
    CHECK(set.step == "set");
    CHECK(set.params == std::vector<std::string>{"BUSY"});
    CHECK(set.where.begin.line == 13);
    CHECK(set.state == std::vector<std::int64_t>{1, 1, 0, 0, 1});
    CHECK_FALSE(set.failed);
}

TEST_CASE("trace_builder: a failed last step carries the failure and no state") {
    const Trace trace = test::runtime_sample();
    REQUIRE(trace.steps.size() == 4);
    const TraceStep& bump = trace.steps.back();
    CHECK(bump.action == "p[0].bump");
    CHECK(bump.process == 0);
    CHECK(bump.failed);
    CHECK(bump.error == "value 3 out of range 0..2 for 'count'");
    CHECK(bump.error_where == SourceRange{{30, 5, 0}, {}});
    CHECK(bump.where.begin.line == 15);
    CHECK(bump.state.empty());
    // toss chose done = true, then both entered: count 2, both at crit.
    CHECK(trace.steps[2].state == std::vector<std::int64_t>{2, 0, 1, 1, 1});
}

TEST_CASE("trace_builder: unknown action locations stay unknown") {
    const Trace trace = test::deadlock_sample();
    REQUIRE(trace.steps.size() == 2);
    CHECK(trace.steps[1].action == "a1");
    CHECK(trace.steps[1].where == SourceRange{});
    CHECK(trace.steps[1].state == std::vector<std::int64_t>{2});
}

TEST_CASE("trace_builder: every sample passes validation") {
    for (const Trace& trace :
         {test::invariant_sample(), test::runtime_sample(), test::assert_sample(),
          test::deadlock_sample(), test::lasso_sample()}) {
        CAPTURE(trace.property.kind);
        CHECK(validate_trace(trace).empty());
    }
}
