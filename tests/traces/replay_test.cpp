#include "traces/replay.hpp"

#include "tests/traces/sample_traces.hpp"
#include "traces/trace_json.hpp"

#include <doctest/doctest.h>

using namespace ilv;
using test::ToySystem;

namespace {

/// The toy system's `mutex` invariant is violated when both processes are at crit.
bool both_critical(ConstStateView s) {
    const ToySystem sys;
    return sys.layout().get(s, ToySystem::first_location) == 1 &&
           sys.layout().get(s, ToySystem::first_location + 1) == 1;
}

ReplayResult replay_toy(const Trace& trace) {
    const ToySystem sys;
    return replay(sys, trace, both_critical);
}

ReplayResult replay_graph(const Trace& trace, std::vector<std::int64_t> ends = {}) {
    const test::ExplicitGraphSystem sys(3, 2, {{0, 0, 1}, {1, 1, 2}}, std::move(ends));
    return replay(sys, trace, nullptr);
}

void check_fails(const ReplayResult& result, std::size_t step, const std::string& message) {
    CHECK_FALSE(result.ok);
    CHECK(result.step == step);
    CHECK(result.message == message);
}

} // namespace

TEST_CASE("replay: confirms each kind of violation") {
    ReplayResult r = replay_toy(test::invariant_sample());
    CHECK(r.ok);
    CHECK(r.message == "replay confirms: invariant 'mutex' violated after 2 steps");
    r = replay_toy(test::runtime_sample());
    CHECK(r.ok);
    CHECK(r.message == "replay confirms: runtime 'runtime_error' violated after 4 steps");
    r = replay_toy(test::assert_sample());
    CHECK(r.ok);
    CHECK(r.message == "replay confirms: assert 'p.check.assert1' violated after 3 steps");
    r = replay_graph(test::deadlock_sample());
    CHECK(r.ok);
    CHECK(r.message == "replay confirms: deadlock 'deadlock' violated after 2 steps");
    r = replay_toy(test::lasso_sample());
    CHECK(r.ok);
    CHECK(r.message == "replay confirms: liveness 'no_spin' violated after 3 steps");
    CHECK(r.step == 0);
}

TEST_CASE("replay: a trace read back from JSON replays like the original") {
    std::string error;
    const std::optional<Trace> back = trace_from_json(trace_to_json(test::runtime_sample()), error);
    REQUIRE(back.has_value());
    CHECK(replay_toy(*back).ok);
}

TEST_CASE("replay: rejects a trace of another model before the first step") {
    check_fails(replay_graph(test::invariant_sample()), 0,
                "the model's variables differ from the trace's: the model has 1, the trace has 5");
    Trace trace = test::invariant_sample();
    trace.variables[0].upper = 3;
    check_fails(replay_toy(trace), 0,
                "the model's variables differ from the trace's: variables[0] is 'count: int "
                "0..2' in the model, 'count: int 0..3' in the trace");
    trace = test::invariant_sample();
    trace.variables[1].labels[1] = "FREE";
    check_fails(replay_toy(trace), 0,
                "the model's variables differ from the trace's: variables[1] is 'mode: enum "
                "{IDLE, BUSY}' in the model, 'mode: enum {IDLE, FREE}' in the trace");
    trace = test::invariant_sample();
    trace.processes[1] = "q";
    check_fails(replay_toy(trace), 0,
                "the model's processes differ from the trace's: processes[1] is 'p[1]' in the "
                "model, 'q' in the trace");
    trace = test::invariant_sample();
    trace.initial[2] = 1;
    check_fails(replay_toy(trace), 0,
                "the initial state differs in done: expected true, got false");
    trace = test::lasso_sample();
    trace.loop_start.reset();
    check_fails(replay_toy(trace), 0,
                "invalid trace: loop_start: a liveness violation needs a loop start");
}

TEST_CASE("replay: names the step whose action is unknown, misplaced or disabled") {
    Trace trace = test::invariant_sample();
    trace.steps[1].action = "p[1].fly";
    check_fails(replay_toy(trace), 2, "trace step 2: no action 'p[1].fly' in the model");
    trace = test::invariant_sample();
    trace.steps[0].process = 1;
    check_fails(replay_toy(trace), 1,
                "trace step 1: action 'p[0].enter' belongs to process 'p[0]', not 'p[1]'");
    trace = test::invariant_sample();
    trace.steps[1].action = "p[0].enter"; // p[0] is already at crit
    trace.steps[1].process = 0;
    check_fails(replay_toy(trace), 2, "trace step 2: action 'p[0].enter' is disabled");
}

TEST_CASE("replay: names the first variable where the recorded state differs") {
    Trace trace = test::invariant_sample();
    trace.steps[1].state[0] = 1; // p[1].enter really makes count 2
    check_fails(replay_toy(trace), 2,
                "trace step 2: 'p[1].enter' does not lead to the recorded state; differs in "
                "count: expected 1, got 2");
    trace = test::lasso_sample();
    // toss offers done=false and done=true; the closer one (done=true) is compared, and
    // the location is shown by name.
    trace.steps[0].state = {0, 0, 1, 1, 0};
    check_fails(replay_toy(trace), 1,
                "trace step 1: 'p[0].toss' does not lead to the recorded state; differs in "
                "p[0].@: expected crit, got idle");
    trace.steps[0].state = {1, 0, 0, 0, 0}; // now done=false is the closer successor
    check_fails(replay_toy(trace), 1,
                "trace step 1: 'p[0].toss' does not lead to the recorded state; differs in "
                "count: expected 1, got 0");
}

TEST_CASE("replay: a failed step must fail the same way") {
    Trace trace = test::runtime_sample();
    trace.steps[3].error = "division by zero";
    check_fails(replay_toy(trace), 4,
                "trace step 4: 'p[0].bump' fails with \"value 3 out of range 0..2 for "
                "'count'\"; the trace records \"division by zero\"");
    trace = test::runtime_sample();
    trace.property.kind = "assert";
    check_fails(replay_toy(trace), 4,
                "trace step 4: 'p[0].bump' fails as recorded but with a runtime error, not an "
                "assert violation");
    trace = test::assert_sample();
    trace.steps[1].action = "p[1].set(IDLE)";
    trace.steps[1].params = {"IDLE"};
    trace.steps[1].state = {1, 0, 0, 0, 1};
    check_fails(replay_toy(trace), 3,
                "trace step 3: 'p[1].check' does not fail; the trace records \"assertion "
                "failed: mode is idle\"");
    trace = test::runtime_sample();
    trace.property.kind = "invariant";
    trace.steps[3].failed = false;
    trace.steps[3].error.clear();
    trace.steps[3].error_where = {};
    trace.steps[3].state = {2, 0, 1, 1, 1};
    check_fails(replay_toy(trace), 4,
                "trace step 4: 'p[0].bump' fails: value 3 out of range 0..2 for 'count'");
}

TEST_CASE("replay: the final state must really violate the property") {
    const ToySystem sys;
    const ReplayResult holds =
        replay(sys, test::invariant_sample(), [](ConstStateView) { return false; });
    check_fails(holds, 2, "invariant 'mutex' holds in the final state");

    Trace trace = test::deadlock_sample();
    trace.steps.pop_back(); // state 1, where a1 is enabled
    check_fails(replay_graph(trace), 1,
                "the final state is not a deadlock: action 'a1' is enabled");
    check_fails(replay_graph(test::deadlock_sample(), {2}), 2,
                "the final state is a valid end state, not a deadlock");

    trace = test::lasso_sample();
    trace.loop_start = 0; // the state before step 1 still has done = false
    check_fails(replay_toy(trace), 3,
                "the cycle does not close: the final state differs from the state before step "
                "1; it differs in done: expected false, got true");
}
