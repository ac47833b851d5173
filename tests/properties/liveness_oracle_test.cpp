// The fair-cycle pass against the Boost.Graph oracle on seeded random systems: the same
// verdict for `finitely often` and `leadsto`, under weak fairness and none, on every seed; and
// every lasso found replays as a counterexample of its property.
#include "explorer/fair_cycles.hpp"
#include "properties/scc_oracle.hpp"
#include "support/random_fair_graph.hpp"
#include "traces/replay.hpp"
#include "traces/trace_builder.hpp"

#include <random>

#include <doctest/doctest.h>

namespace ilv {
namespace {

using test::RandomFairSystem;

/// Records every edge of a search as a labelled graph over state ids.
class EdgeRecorder final : public Observer {
public:
    EdgeRecorder(const TransitionSystem& sys, LabelledGraph& graph) : sys_(sys), graph_(graph) {}

    void on_edge(StateId from, ActionId a, StateId to, bool /*is_new*/) override {
        graph_.edges.push_back({from, to, a, sys_.actions()[a].process});
    }

private:
    const TransitionSystem& sys_;
    LabelledGraph& graph_;
};

/// Random labels of one seed: premise and goal by node, required actions.
struct Labels {
    std::vector<bool> premise;
    std::vector<bool> goal;
    std::vector<bool> required;
};

Labels draw_labels(const RandomFairSystem& sys, std::uint64_t seed) {
    std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
    Labels l;
    for (std::int64_t n = 0; n < sys.nodes(); ++n) {
        l.premise.push_back(rng() % 2 == 0);
        l.goal.push_back(rng() % 3 == 0);
    }
    for (std::size_t a = 0; a < sys.actions().size(); ++a) {
        l.required.push_back(rng() % 3 == 0);
    }
    return l;
}

/// By state id, the label of each stored state's node.
std::vector<bool> by_id(const Explorer& e, const RandomFairSystem& sys,
                        const std::vector<bool>& by_node) {
    std::vector<bool> out;
    for (StateId id = 0; id < e.size(); ++id) {
        out.push_back(by_node[static_cast<std::size_t>(sys.node(e.state(id)))]);
    }
    return out;
}

std::function<bool(ConstStateView)> node_in(const RandomFairSystem& sys,
                                            const std::vector<bool>& set) {
    return [&sys, &set](ConstStateView s) { return set[static_cast<std::size_t>(sys.node(s))]; };
}

/// Replays a found lasso as a trace; "" when replay confirms it.
std::string replay_lasso(const Explorer& e, const RandomFairSystem& sys, const Lasso& lasso,
                         const LivenessReplay& property, Fairness fairness) {
    TracePath path;
    for (const auto& [action, id] : lasso.steps) {
        const ConstStateView s = e.state(id);
        path.emplace_back(action, std::vector<Word>(s.begin(), s.end()));
    }
    std::vector<Word> initial(sys.layout().words());
    sys.initial(initial);
    Trace trace = build_trace(sys, initial, path);
    trace.model_digest = "0123456789abcdef";
    trace.property = TraceProperty{
        "live", "liveness", {}, "lasso", fairness == Fairness::Weak ? "weak" : "none"};
    trace.loop_start = lasso.loop_start;
    const ReplayResult r = replay(sys, trace, {}, &property);
    return r.ok ? "" : r.message;
}

/// One pass against the oracle's verdict; 1 when it found a lasso (which must replay).
int check_pass(const Explorer& explorer, const RandomFairSystem& sys, const CycleQuery& query,
               bool oracle, const LivenessReplay& property, const char* what) {
    const CycleResult r = find_lasso(explorer, sys, query, {});
    INFO(what << (query.fairness == Fairness::Weak ? ", weak fairness" : ", no fairness"));
    CHECK((r.verdict == CycleVerdict::Found) == oracle);
    CHECK(r.verdict != CycleVerdict::Incomplete);
    if (r.verdict != CycleVerdict::Found) {
        return 0;
    }
    CHECK(replay_lasso(explorer, sys, r.lasso, property, query.fairness) == "");
    return 1;
}

/// Checks one seed in all four modes; returns how many passes found a counterexample.
int check_seed(std::uint64_t seed) {
    const RandomFairSystem sys(seed);
    LabelledGraph graph;
    SearchOptions options;
    options.report_edges = true;
    Explorer explorer(sys, options);
    EdgeRecorder recorder(sys, graph);
    REQUIRE(explorer.run(recorder).outcome == Outcome::Complete);
    graph.states = explorer.size();
    graph.processes = sys.processes().size();
    const Labels l = draw_labels(sys, seed);
    INFO("seed " << seed);
    int found = 0;
    for (const Fairness fairness : {Fairness::Weak, Fairness::None}) {
        const bool weak = fairness == Fairness::Weak;
        CycleQuery fo;
        fo.fairness = fairness;
        fo.required = l.required;
        CycleQuery lt;
        lt.fairness = fairness;
        lt.start = node_in(sys, l.premise);
        lt.excluded = node_in(sys, l.goal);
        lt.terminal_counts = true;
        const bool fo_oracle = oracle_finitely_often_violated(graph, l.required, weak);
        const bool lt_oracle = oracle_leadsto_violated(graph, by_id(explorer, sys, l.premise),
                                                       by_id(explorer, sys, l.goal), weak);
        LivenessReplay fo_replay{l.required, {}, {}};
        LivenessReplay lt_replay{{}, node_in(sys, l.premise), node_in(sys, l.goal)};
        found += check_pass(explorer, sys, fo, fo_oracle, fo_replay, "finitely often");
        found += check_pass(explorer, sys, lt, lt_oracle, lt_replay, "leadsto");
    }
    return found;
}

} // namespace

TEST_CASE("unit: liveness agrees with the Boost.Graph oracle on 1200 random systems") {
    int found = 0;
    for (std::uint64_t seed = 0; seed < 1200; ++seed) {
        found += check_seed(seed);
    }
    // Both answers must be common, or the comparison says little (4800 passes in all).
    CHECK(found > 600);
    CHECK(found < 4200);
}

TEST_CASE("unit: scc_oracle: components of a kept subgraph") {
    // 0 <-> 1 -> 2 <-> 3, with 3 not kept: components {0, 1} and {2}.
    LabelledGraph g;
    g.states = 4;
    g.processes = 1;
    g.edges = {{0, 1, 0, 0}, {1, 0, 0, 0}, {1, 2, 0, 0}, {2, 3, 0, 0}, {3, 2, 0, 0}};
    const std::vector<std::size_t> comp = strong_components_of(g, {true, true, true, false});
    CHECK(comp[0] == comp[1]);
    CHECK(comp[1] != comp[2]);
    CHECK(comp[3] == no_state);
    // Only the kept subgraph matters: 2 -> 3 -> 2 is no cycle of it, so no leadsto violation
    // from 2 with goal 3 (2 still has an edge, into the goal).
    CHECK_FALSE(
        oracle_leadsto_violated(g, {false, false, true, false}, {false, false, false, true}, true));
    CHECK(oracle_leadsto_violated(g, {true, false, false, false}, {false, false, false, true},
                                  true)); // the cycle 0 <-> 1
    CHECK(oracle_finitely_often_violated(g, {true}, true));
}

} // namespace ilv
