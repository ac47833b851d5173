#pragma once
/// \file
/// Liveness over the graph a complete search stored: finds a reachable strongly connected
/// component that holds a fair cycle with the wanted shape, and returns a lasso through it.
/// One pass is an iterative SCC search (Pearce's one-array variant of Tarjan: "A space-efficient
/// algorithm for finding strongly connected components", IPL 2016) over the stored states;
/// each state's successors are regenerated once, when it is entered, and mapped to ids with the
/// store's index, so only the edges of the current depth-first path are held. While a component
/// is open, its depth-first frames carry what the fairness check needs (an internal edge? a
/// wanted edge? which processes are excused?), merged into the parent frame when a child turns
/// out to share its component. docs/liveness.md gives the argument and costs.

#include "explorer/search.hpp"
#include "model/transition_system.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ilv {

/// Which cycles count as executions.
enum class Fairness {
    None, ///< every cycle
    Weak, ///< a process enabled in every state of the cycle takes a step in it (the default)
};

/// What one pass looks for.
struct CycleQuery {
    /// Cycles must be fair in this sense.
    Fairness fairness = Fairness::Weak;
    /// By ActionId: the cycle must take one of these edges (`finitely often`). Empty: any cycle.
    std::vector<bool> required;
    /// States outside the searched subgraph (`leadsto`: the Q-states). Unset: none.
    std::function<bool(ConstStateView)> excluded;
    /// Where the search starts (`leadsto`: the P-states); the lasso's prefix passes through the
    /// first such state that reaches a counterexample. Unset: every state.
    std::function<bool(ConstStateView)> start;
    /// A state with no successor at all also ends a counterexample (`leadsto`: a run that stops
    /// without meeting Q).
    bool terminal_counts = false;
};

/// Limits of a pass (the same ones the search obeys).
struct CycleLimits {
    /// Polled between expansions; raising it ends the pass as incomplete.
    const std::atomic<bool>* interrupt = nullptr;
    /// 0 = unlimited; the pass refuses to start or stops (incomplete) above this process RSS.
    std::uint64_t memory_limit_bytes = 0;
};

/// A lasso over stored states: a prefix from the initial state, then a cycle back to the state
/// before `steps[loop_start]`. `loop_start == steps.size()` means the cycle is empty: the run
/// stops in the last state, which has no successor.
struct Lasso {
    std::vector<std::pair<ActionId, StateId>> steps; ///< each action and the state after it
    std::size_t loop_start = 0;                      ///< index of the first step of the cycle
    /// With a start predicate: the steps before the start state the prefix passes (0: initial).
    std::size_t start_steps = 0;
};

/// How a pass ended.
enum class CycleVerdict {
    Absent,     ///< no counterexample exists
    Found,      ///< `lasso` is a counterexample
    Incomplete, ///< interrupted, over the memory limit, or too many states
};

/// The answer of `find_lasso`.
struct CycleResult {
    CycleVerdict verdict = CycleVerdict::Absent; ///< the answer
    Lasso lasso;                                 ///< Found only
    std::string reason;                          ///< Incomplete only: why
};

/// The most states a pass handles (ids and depth-first numbers share 31 bits).
inline constexpr std::size_t max_liveness_states = (std::size_t{1} << 31) - 4;

/// Searches the states stored by a complete run of `explorer` over `system` for a reachable
/// counterexample to `query`: a fair component (see `CycleQuery`) reachable from a start state
/// through non-excluded states, with a wanted edge when `required` is set, or a terminal state
/// when `terminal_counts`. Deterministic: start states are tried in id order.
[[nodiscard]] CycleResult find_lasso(const Explorer& explorer, const TransitionSystem& system,
                                     const CycleQuery& query, const CycleLimits& limits);

} // namespace ilv
