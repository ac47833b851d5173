#include "properties/scc_oracle.hpp"

#include <algorithm>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

namespace ilv {
namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

/// Whether component `c` (of `comp`) holds a cycle that takes a `required` edge (any edge when
/// `required` is empty) and, with `weak`, is weakly fair. Uses the cycle through every internal
/// edge: it visits every member, so a process escapes it only by being disabled in a member.
bool component_is_bad(const LabelledGraph& g, const std::vector<std::size_t>& comp, std::size_t c,
                      const std::vector<bool>& required, bool weak) {
    bool internal = false;
    bool wanted = required.empty();
    std::vector<bool> steps(g.processes, false);
    std::vector<bool> always_enabled(g.processes, true);
    for (StateId s = 0; s < g.states; ++s) {
        if (comp[s] != c) {
            continue;
        }
        std::vector<bool> enabled(g.processes, false);
        for (const LabelledGraph::Edge& e : g.edges) {
            if (e.from != s) {
                continue;
            }
            enabled[e.process] = true;
            if (comp[e.to] == c) {
                internal = true;
                steps[e.process] = true;
                wanted = wanted || required[e.action];
            }
        }
        for (std::size_t p = 0; p < g.processes; ++p) {
            always_enabled[p] = always_enabled[p] && enabled[p];
        }
    }
    bool fair = true;
    for (std::size_t p = 0; weak && p < g.processes; ++p) {
        fair = fair && (!always_enabled[p] || steps[p]);
    }
    return internal && wanted && fair;
}

/// The states in bad components of the `keep` subgraph.
std::vector<bool> bad_states(const LabelledGraph& g, const std::vector<bool>& keep,
                             const std::vector<bool>& required, bool weak) {
    const std::vector<std::size_t> comp = strong_components_of(g, keep);
    std::vector<int> verdict(g.states, -1); // by component: unknown, no (0), yes (1)
    std::vector<bool> bad(g.states, false);
    for (StateId s = 0; s < g.states; ++s) {
        if (!keep[s]) {
            continue;
        }
        int& v = verdict[comp[s]];
        if (v < 0) {
            v = component_is_bad(g, comp, comp[s], required, weak) ? 1 : 0;
        }
        bad[s] = v == 1;
    }
    return bad;
}

} // namespace

std::vector<std::size_t> strong_components_of(const LabelledGraph& g,
                                              const std::vector<bool>& keep) {
    BoostGraph graph(g.states);
    for (const LabelledGraph::Edge& e : g.edges) {
        if (keep[e.from] && keep[e.to]) {
            boost::add_edge(e.from, e.to, graph);
        }
    }
    std::vector<std::size_t> comp(g.states, 0);
    boost::strong_components(graph, boost::make_iterator_property_map(
                                        comp.begin(), boost::get(boost::vertex_index, graph)));
    for (StateId s = 0; s < g.states; ++s) {
        comp[s] = keep[s] ? comp[s] : no_state;
    }
    return comp;
}

bool oracle_finitely_often_violated(const LabelledGraph& g, const std::vector<bool>& required,
                                    bool weak) {
    const std::vector<bool> bad = bad_states(g, std::vector<bool>(g.states, true), required, weak);
    return std::find(bad.begin(), bad.end(), true) != bad.end();
}

bool oracle_leadsto_violated(const LabelledGraph& g, const std::vector<bool>& premise,
                             const std::vector<bool>& goal, bool weak) {
    std::vector<bool> keep(g.states);
    std::vector<bool> target(g.states);
    for (StateId s = 0; s < g.states; ++s) {
        keep[s] = !goal[s];
    }
    const std::vector<bool> bad = bad_states(g, keep, {}, weak);
    for (StateId s = 0; s < g.states; ++s) {
        const bool stops = std::none_of(g.edges.begin(), g.edges.end(),
                                        [s](const LabelledGraph::Edge& e) { return e.from == s; });
        target[s] = keep[s] && (bad[s] || stops);
    }
    for (StateId start = 0; start < g.states; ++start) {
        if (!premise[start] || !keep[start]) {
            continue;
        }
        std::vector<bool> seen(g.states, false);
        std::vector<StateId> todo{start};
        seen[start] = true;
        while (!todo.empty()) {
            const StateId s = todo.back();
            todo.pop_back();
            if (target[s]) {
                return true;
            }
            for (const LabelledGraph::Edge& e : g.edges) {
                if (e.from == s && keep[e.to] && !seen[e.to]) {
                    seen[e.to] = true;
                    todo.push_back(e.to);
                }
            }
        }
    }
    return false;
}

} // namespace ilv
