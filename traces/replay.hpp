#pragma once
/// \file
/// Re-executes a trace on a transition system and checks it step by step: the variables and
/// processes match, the initial state is the system's, each recorded action exists, is enabled
/// and leads to the recorded state (or fails with the recorded message), and the final state
/// really violates the property the trace names.

#include "model/transition_system.hpp"
#include "traces/trace.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace ilv {

/// The outcome of `replay`.
struct ReplayResult {
    /// True when every step replayed and the final state confirms the violation.
    bool ok = false;
    /// 1-based index of the step where the trace diverged; the step count when only the final
    /// confirmation failed; 0 when it diverged before the first step (or on success).
    std::size_t step = 0;
    /// "replay confirms: invariant 'mutex' violated after 5 steps" on success, otherwise the
    /// first mismatch ("trace step 7: action 'p1.enter' is disabled").
    std::string message;
};

/// The liveness property a lasso claims to violate, as replay needs it.
struct LivenessReplay {
    /// `finitely often STEP`: by ActionId, the actions that fire STEP (the cycle must take one).
    /// Unused for `leadsto`.
    std::vector<bool> step_actions;
    /// `P leadsto Q`: P (some state from which Q never holds again must satisfy it). A lasso is
    /// checked as `leadsto` exactly when both P and Q are set.
    std::function<bool(ConstStateView)> premise;
    /// `P leadsto Q`: Q (no state of the cycle, nor after that P-state, may satisfy it).
    std::function<bool(ConstStateView)> consequence;
};

/// Replays `trace` on `sys`. `state_violates` decides whether a state breaks the trace's
/// invariant; it is called only for invariant traces (and must be set for them). A liveness
/// lasso must close on the state before `loop_start` (or, with an empty cycle, stop in a state
/// without successor) and, under weak fairness, let every process that is enabled (has a
/// successor) in every state of the cycle take a step in it. With `liveness`, the cycle must
/// also fire STEP (`finitely often`), or follow a P-state after which Q never holds (`leadsto`).
[[nodiscard]] ReplayResult replay(const TransitionSystem& sys, const Trace& trace,
                                  const std::function<bool(ConstStateView)>& state_violates,
                                  const LivenessReplay* liveness = nullptr);

} // namespace ilv
