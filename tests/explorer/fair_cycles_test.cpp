// Hand-made graphs whose liveness verdicts and lassos are worked out in the comments.
#include "explorer/fair_cycles.hpp"

#include "support/process_graph.hpp"

#include <set>

#include <doctest/doctest.h>

namespace ilv {
namespace {

using test::ProcessGraphSystem;

/// A pass's answer, with the lasso written as (action, node) pairs.
struct PassOutcome {
    CycleVerdict verdict = CycleVerdict::Absent;
    std::vector<std::pair<ActionId, std::int64_t>> steps;
    std::size_t loop_start = 0;
    std::size_t start_steps = 0;
    std::string reason;
};

PassOutcome check(const ProcessGraphSystem& sys, const CycleQuery& query, CycleLimits limits = {}) {
    Explorer explorer(sys, {});
    Observer quiet;
    REQUIRE(explorer.run(quiet).outcome == ilv::Outcome::Complete);
    const CycleResult r = find_lasso(explorer, sys, query, limits);
    PassOutcome out{r.verdict, {}, r.lasso.loop_start, r.lasso.start_steps, r.reason};
    for (const auto& [action, id] : r.lasso.steps) {
        out.steps.emplace_back(action, sys.node(explorer.state(id)));
    }
    return out;
}

std::function<bool(ConstStateView)> at(const ProcessGraphSystem& sys,
                                       std::set<std::int64_t> nodes) {
    return [&sys, nodes](ConstStateView s) { return nodes.count(sys.node(s)) > 0; };
}

CycleQuery finitely_often(std::vector<bool> required, Fairness fairness) {
    CycleQuery q;
    q.required = std::move(required);
    q.fairness = fairness;
    return q;
}

CycleQuery leadsto(const ProcessGraphSystem& sys, std::set<std::int64_t> premise,
                   std::set<std::int64_t> goal, Fairness fairness) {
    CycleQuery q;
    q.start = at(sys, std::move(premise));
    q.excluded = at(sys, std::move(goal));
    q.terminal_counts = true;
    q.fairness = fairness;
    return q;
}

using Steps = std::vector<std::pair<ActionId, std::int64_t>>;

} // namespace

TEST_CASE("unit: fair_cycles: a self loop beside a process enabled all along it is unfair") {
    // p0 loops on node 0 (a0); p1 can always leave node 0 (a1) and loops on node 1.
    const ProcessGraphSystem sys(2, {0, 1}, {{0, 0, 0}, {0, 1, 1}, {1, 1, 1}});
    CHECK(check(sys, finitely_often({true, false}, Fairness::Weak)).verdict ==
          CycleVerdict::Absent);
    const PassOutcome none = check(sys, finitely_often({true, false}, Fairness::None));
    CHECK(none.verdict == CycleVerdict::Found);
    CHECK(none.steps == Steps{{0, 0}});
    CHECK(none.loop_start == 0);
    // p1's own loop on node 1 is fair: p0 is disabled there.
    const PassOutcome p1 = check(sys, finitely_often({false, true}, Fairness::Weak));
    CHECK(p1.verdict == CycleVerdict::Found);
    CHECK(p1.steps == Steps{{1, 1}, {1, 1}});
    CHECK(p1.loop_start == 1);
}

TEST_CASE("unit: fair_cycles: a cycle through a state that disables the other process is fair") {
    // p0 cycles 0 -> 1 -> 0; p1 can leave from node 0 only, so it is not enabled all along.
    const ProcessGraphSystem sys(3, {0, 1}, {{0, 0, 1}, {1, 0, 0}, {0, 1, 2}, {2, 1, 2}});
    const PassOutcome weak = check(sys, finitely_often({true, false}, Fairness::Weak));
    CHECK(weak.verdict == CycleVerdict::Found);
    CHECK(weak.steps == Steps{{0, 1}, {0, 0}});
    CHECK(weak.loop_start == 0);
    // Once p1 can also leave from node 1, it is enabled in every state of the only cycle.
    const ProcessGraphSystem both(3, {0, 1},
                                  {{0, 0, 1}, {1, 0, 0}, {0, 1, 2}, {1, 1, 2}, {2, 1, 2}});
    CHECK(check(both, finitely_often({true, false}, Fairness::Weak)).verdict ==
          CycleVerdict::Absent);
    CHECK(check(both, finitely_often({true, false}, Fairness::None)).verdict ==
          CycleVerdict::Found);
}

TEST_CASE("unit: fair_cycles: the weakly fair cycle visits what excuses each process") {
    // Component {0, 1, 2}: p0 steps 0 -> 1 -> 2 -> 0 (a0, a1, a2). p1 (a3) can leave the
    // component to node 3 from nodes 0 and 1, but not from node 2: a fair cycle must pass 2.
    const ProcessGraphSystem sys(
        4, {0, 0, 0, 1}, {{0, 0, 1}, {1, 1, 2}, {2, 2, 0}, {0, 3, 3}, {1, 3, 3}, {3, 3, 3}});
    const PassOutcome weak =
        check(sys, finitely_often({true, false, false, false}, Fairness::Weak));
    CHECK(weak.verdict == CycleVerdict::Found);
    CHECK(weak.steps == Steps{{0, 1}, {1, 2}, {2, 0}});
}

TEST_CASE("unit: fair_cycles: leadsto is violated by a run that stops without the goal") {
    // 0 -> 1 -> 2; node 2 only has a failing action, so it has no successor: the run stops.
    const ProcessGraphSystem sys(3, {0, 0}, {{0, 0, 1}, {1, 0, 2}, {2, 1, -1}});
    const PassOutcome o = check(sys, leadsto(sys, {0}, {}, Fairness::Weak));
    CHECK(o.verdict == CycleVerdict::Found);
    CHECK(o.steps == Steps{{0, 1}, {0, 2}});
    CHECK(o.loop_start == 2); // the cycle is empty
    CHECK(check(sys, leadsto(sys, {0}, {2}, Fairness::Weak)).verdict == CycleVerdict::Absent);
}

TEST_CASE("unit: fair_cycles: the leadsto prefix passes the premise state, then avoids the goal") {
    // 0 -> 1 -> 2 -> 3 -> 2: from the premise node 1, the cycle 2 <-> 3 never meets the goal.
    const ProcessGraphSystem sys(4, {0}, {{0, 0, 1}, {1, 0, 2}, {2, 0, 3}, {3, 0, 2}});
    const PassOutcome o = check(sys, leadsto(sys, {1}, {0}, Fairness::Weak));
    CHECK(o.verdict == CycleVerdict::Found);
    CHECK(o.start_steps == 1);
    CHECK(o.steps == Steps{{0, 1}, {0, 2}, {0, 3}, {0, 2}});
    CHECK(o.loop_start == 2);
    // With node 3 a goal, node 2 still has a successor (into the goal): no counterexample.
    CHECK(check(sys, leadsto(sys, {1}, {3}, Fairness::Weak)).verdict == CycleVerdict::Absent);
    // A premise state that is a goal state starts nothing.
    CHECK(check(sys, leadsto(sys, {2}, {2}, Fairness::Weak)).verdict == CycleVerdict::Absent);
}

TEST_CASE("unit: fair_cycles: a step into a goal state still counts as enabled for fairness") {
    // p0 loops on node 0; p1's only step leads to the goal node 1.
    const ProcessGraphSystem sys(2, {0, 1}, {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}});
    CHECK(check(sys, leadsto(sys, {0}, {1}, Fairness::Weak)).verdict == CycleVerdict::Absent);
    const PassOutcome none = check(sys, leadsto(sys, {0}, {1}, Fairness::None));
    CHECK(none.verdict == CycleVerdict::Found);
    CHECK(none.steps == Steps{{0, 0}});
}

TEST_CASE("unit: fair_cycles: a memory limit or an interrupt makes the pass incomplete") {
    std::vector<test::ProcessEdge> chain;
    for (std::int64_t n = 0; n + 1 < 2000; ++n) {
        chain.push_back({n, 0, n + 1});
    }
    const ProcessGraphSystem sys(2000, {0}, chain);
    const PassOutcome tight =
        check(sys, finitely_often({true}, Fairness::Weak), CycleLimits{nullptr, 1});
    CHECK(tight.verdict == CycleVerdict::Incomplete);
    CHECK(tight.reason == "the memory limit leaves no room for the liveness pass");
    const std::atomic<bool> stop{true};
    const PassOutcome stopped =
        check(sys, finitely_often({true}, Fairness::Weak), CycleLimits{&stop, 0});
    CHECK(stopped.verdict == CycleVerdict::Incomplete);
    CHECK(stopped.reason == "interrupted");
    CHECK(check(sys, finitely_often({true}, Fairness::Weak)).verdict == CycleVerdict::Absent);
}

} // namespace ilv
