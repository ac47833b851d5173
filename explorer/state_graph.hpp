#pragma once
/// \file
/// The reachable state graph of a small system, kept whole (states and every transition) so
/// that it can be drawn: `interleave graph` writes it in Graphviz DOT.

#include "model/ids.hpp"
#include "model/transition_system.hpp"

#include <cstdint>
#include <vector>

namespace ilv {

/// One transition of the graph.
struct StateGraphEdge {
    StateId from = 0;    ///< the source state
    StateId to = 0;      ///< the target state
    ActionId action = 0; ///< the action taken
};

/// Every state found (as slot values, in breadth-first order: state 0 is the initial one) and
/// every transition between them.
struct StateGraph {
    std::vector<std::vector<std::int64_t>> states; ///< slot values, by StateId
    std::vector<StateGraphEdge> edges;             ///< in the order the search generated them
    std::vector<bool> expanded;                    ///< by state: its successors were generated
    std::vector<bool> deadlock; ///< by state: nothing is enabled and it is not a valid end
    std::vector<bool> failing;  ///< by state: some enabled step fails there (assert, runtime)
    bool complete = true;       ///< false when `max_states` stopped the search
};

/// Explores `system` breadth first, keeping at most `max_states` states (at least 1).
[[nodiscard]] StateGraph explore_state_graph(const TransitionSystem& system,
                                             std::uint64_t max_states);

} // namespace ilv
