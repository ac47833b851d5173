#pragma once
/// \file
/// The liveness half of replay: given the packed states a lasso trace went through, checks that
/// the cycle closes (or that the run stops), that it is fair when the trace says so, and that it
/// really violates the property. Enabledness is recomputed from the system, not read from the
/// trace, so a lasso found under a wrong notion of fairness is caught.

#include "model/transition_system.hpp"
#include "traces/replay.hpp"
#include "traces/trace.hpp"

#include <string>
#include <vector>

namespace ilv {

/// "" when the lasso of `trace` is a counterexample, else the first problem. `states` holds
/// the packed initial state and the state after each step (`trace.steps.size() + 1` entries),
/// already checked to follow the system and, for a non-empty cycle, to close. `liveness` may be
/// null (then only the stop of an empty cycle and fairness are checked).
[[nodiscard]] std::string check_lasso(const TransitionSystem& sys, const Trace& trace,
                                      const std::vector<std::vector<Word>>& states,
                                      const LivenessReplay* liveness);

} // namespace ilv
