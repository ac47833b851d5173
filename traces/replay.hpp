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

/// Replays `trace` on `sys`. `state_violates` decides whether a state breaks the trace's
/// invariant; it is called only for invariant traces (and must be set for them). Liveness
/// traces are confirmed by checking that the cycle closes.
[[nodiscard]] ReplayResult replay(const TransitionSystem& sys, const Trace& trace,
                                  const std::function<bool(ConstStateView)>& state_violates);

} // namespace ilv
