#include "explorer/state_graph.hpp"

#include "explorer/search.hpp"

#include <algorithm>

namespace ilv {

namespace {

/// Records states, edges, deadlocks and failures as the search reports them.
class GraphRecorder final : public Observer {
public:
    GraphRecorder(const StateLayout& layout, StateGraph& graph) : layout_(layout), graph_(graph) {}

    Next on_state(StateId id, ConstStateView s, std::uint32_t /*depth*/) override {
        grow(id);
        graph_.states[id] = layout_.unpack(s);
        return Next::Continue;
    }

    Next on_failure(StateId from, const StepFailure& /*f*/, std::uint32_t /*depth*/) override {
        grow(from);
        graph_.failing[from] = true;
        return Next::Continue;
    }

    Next on_deadlock(StateId id, ConstStateView /*s*/, std::uint32_t /*depth*/) override {
        grow(id);
        graph_.deadlock[id] = true;
        return Next::Continue;
    }

    void on_edge(StateId from, ActionId a, StateId to, bool /*is_new*/) override {
        grow(std::max(from, to));
        graph_.expanded[from] = true;
        graph_.edges.push_back(StateGraphEdge{from, to, a});
    }

private:
    void grow(StateId id) {
        if (graph_.states.size() <= id) {
            graph_.states.resize(id + 1);
            graph_.expanded.resize(id + 1, false);
            graph_.deadlock.resize(id + 1, false);
            graph_.failing.resize(id + 1, false);
        }
    }

    const StateLayout& layout_;
    StateGraph& graph_;
};

} // namespace

StateGraph explore_state_graph(const TransitionSystem& system, std::uint64_t max_states) {
    StateGraph graph;
    SearchOptions options;
    options.max_states = std::max<std::uint64_t>(max_states, 1);
    options.report_edges = true;
    GraphRecorder recorder(system.layout(), graph);
    Explorer explorer(system, options);
    const SearchResult result = explorer.run(recorder);
    graph.complete = result.outcome == Outcome::Complete;
    for (std::size_t id = 0; id < graph.states.size(); ++id) {
        graph.expanded[id] = graph.expanded[id] || graph.deadlock[id] || graph.complete;
    }
    return graph;
}

} // namespace ilv
