#pragma once
/// \file
/// The liveness test oracle: the same verdicts as the explorer's fair-cycle pass, computed the
/// plain way over an explicit graph, with Boost.Graph's `strong_components` for the components
/// and the fairness condition checked member by member from its definition. Small graphs only
/// (everything is stored); this is the only file that includes Boost.Graph.

#include "model/ids.hpp"

#include <cstddef>
#include <vector>

namespace ilv {

/// An explicit labelled graph over states 0..states-1.
struct LabelledGraph {
    /// One transition and the process that takes it.
    struct Edge {
        StateId from = 0;      ///< source state
        StateId to = 0;        ///< target state
        ActionId action = 0;   ///< the action taken (for STEP)
        ProcessId process = 0; ///< the process that takes it (for fairness)
    };

    std::size_t states = 0;    ///< number of states
    std::size_t processes = 0; ///< number of processes
    std::vector<Edge> edges;   ///< every transition, parallel edges allowed
};

/// The component of each state in the subgraph of the `keep` states (edges between kept states
/// only), numbered from 0; `no_state` for states not kept.
[[nodiscard]] std::vector<std::size_t> strong_components_of(const LabelledGraph& g,
                                                            const std::vector<bool>& keep);

/// True when some cycle takes an edge whose action is `required`, and, with `weak`, is weakly
/// fair (a process with an edge out of every state of the cycle takes one in it).
[[nodiscard]] bool oracle_finitely_often_violated(const LabelledGraph& g,
                                                  const std::vector<bool>& required, bool weak);

/// True when from a state with `premise` and not `goal`, a (weakly fair, with `weak`) cycle or a
/// state without edges is reachable through states without `goal`.
[[nodiscard]] bool oracle_leadsto_violated(const LabelledGraph& g, const std::vector<bool>& premise,
                                           const std::vector<bool>& goal, bool weak);

} // namespace ilv
