// Replay of liveness lassos: the cycle must close or the run stop, be fair when the trace says
// weak fairness, and violate the property (fire STEP, or avoid the goal after a premise state).
#include "support/process_graph.hpp"
#include "traces/replay.hpp"
#include "traces/trace_builder.hpp"

#include <set>

#include <doctest/doctest.h>

namespace ilv {
namespace {

using test::ProcessGraphSystem;

/// p0 cycles 0 -> 1 -> 0 (a0); p1 (a1) can leave to node 2 from 0 and 1, and loops there.
/// Node 3 is reached from 2 by p0 (a2) and has no successor.
const ProcessGraphSystem& graph() {
    static const ProcessGraphSystem sys(
        4, {0, 1, 0}, {{0, 0, 1}, {1, 0, 0}, {0, 1, 2}, {1, 1, 2}, {2, 1, 2}, {2, 2, 3}});
    return sys;
}

Trace lasso(const std::vector<std::pair<ActionId, std::int64_t>>& steps, std::size_t loop_start,
            const std::string& fairness) {
    const ProcessGraphSystem& sys = graph();
    TracePath path;
    for (const auto& [action, node] : steps) {
        std::vector<Word> state(sys.layout().words(), 0);
        sys.layout().set(state, 0, node);
        path.emplace_back(action, state);
    }
    std::vector<Word> initial(sys.layout().words(), 0);
    Trace t = build_trace(sys, initial, path);
    t.model_digest = "0123456789abcdef";
    t.property = TraceProperty{"live", "liveness", {}, "lasso", fairness};
    t.loop_start = loop_start;
    return t;
}

std::function<bool(ConstStateView)> at(std::set<std::int64_t> nodes) {
    return [nodes](ConstStateView s) { return nodes.count(graph().node(s)) > 0; };
}

std::string replay_message(const Trace& t, const LivenessReplay* property) {
    const ReplayResult r = replay(graph(), t, {}, property);
    return r.ok ? "ok" : r.message;
}

} // namespace

TEST_CASE("unit: replay checks that a lasso is weakly fair when the trace says so") {
    const Trace unfair = lasso({{0, 1}, {0, 0}}, 0, "weak");
    CHECK(replay_message(unfair, nullptr) ==
          "the cycle is not weakly fair: process 'p1' is enabled in every state of the cycle "
          "but never steps");
    CHECK(replay_message(lasso({{0, 1}, {0, 0}}, 0, "none"), nullptr) == "ok");
    // p1's loop at node 2 is not fair either: p0 can step there (a2) and never does.
    CHECK(replay_message(lasso({{1, 2}, {1, 2}}, 1, "weak"), nullptr) ==
          "the cycle is not weakly fair: process 'p0' is enabled in every state of the cycle "
          "but never steps");
}

TEST_CASE("unit: replay checks that a finitely-often lasso fires its step") {
    const LivenessReplay fires_a0{{true, false, false}, {}, {}};
    const LivenessReplay fires_a1{{false, true, false}, {}, {}};
    const Trace cycle = lasso({{0, 1}, {0, 0}}, 0, "none");
    CHECK(replay_message(cycle, &fires_a0) == "ok");
    CHECK(replay_message(cycle, &fires_a1) == "the cycle never fires the property's step");
    // Firing a1 in the prefix only does not count.
    CHECK(replay_message(lasso({{1, 2}, {2, 3}}, 2, "weak"), &fires_a1) ==
          "the cycle is empty, so it fires no step");
}

TEST_CASE("unit: replay checks that a leadsto lasso avoids the goal after a premise state") {
    const LivenessReplay from_0_to_2{{}, at({0}), at({2})};
    const LivenessReplay from_0_to_1{{}, at({0}), at({1})};
    const LivenessReplay from_1_to_0{{}, at({1}), at({0})};
    const Trace cycle = lasso({{0, 1}, {0, 0}}, 0, "none");
    CHECK(replay_message(cycle, &from_0_to_2) == "ok");
    CHECK(replay_message(cycle, &from_0_to_1) ==
          "the goal holds in the state after step 1, inside the cycle");
    // Goal node 0 holds initially and in the cycle.
    CHECK(replay_message(cycle, &from_1_to_0) ==
          "the goal holds in the initial state, inside the cycle");
    // 0 -> 2 -> 3 stops at node 3: the goal node 1 is never met after the premise node 0.
    const Trace stops = lasso({{1, 2}, {2, 3}}, 2, "weak");
    CHECK(replay_message(stops, &from_0_to_1) == "ok");
    const LivenessReplay from_3_to_2{{}, at({3}), at({2})};
    CHECK(replay_message(lasso({{1, 2}, {2, 3}}, 2, "weak"), &from_3_to_2) == "ok");
    const LivenessReplay from_0_goal_2{{}, at({0}), at({2})};
    CHECK(replay_message(stops, &from_0_goal_2) ==
          "no state after the last goal state satisfies the premise");
}

TEST_CASE("unit: replay checks that an empty cycle ends in a state without successor") {
    CHECK(replay_message(lasso({{1, 2}}, 1, "weak"), nullptr) ==
          "the run does not stop: process 'p0' can still step in the final state");
    CHECK(replay_message(lasso({{1, 2}, {2, 3}}, 2, "weak"), nullptr) == "ok");
}

} // namespace ilv
