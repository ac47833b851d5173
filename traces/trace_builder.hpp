#pragma once
/// \file
/// Turns a path found by the explorer (actions and the packed states they led to) into a
/// `Trace`: the variables and processes come from the system, each step's names and location
/// from its `ActionInfo`, each state is unpacked. The caller fills model, defines and property.

#include "model/transition_system.hpp"
#include "traces/trace.hpp"

#include <utility>
#include <vector>

namespace ilv {

/// A path from the initial state: each action taken with the packed state it produced.
using TracePath = std::vector<std::pair<ActionId, std::vector<Word>>>;

/// The trace's description of `layout`'s slots, in slot order. Enum and location slots must
/// range over the indices of their labels (0..labels-1), bools over 0..1.
[[nodiscard]] std::vector<TraceVariable> trace_variables(const StateLayout& layout);

/// A trace of `path` from `initial` in `sys`; locations keep only their begin line and column
/// (what the JSON form stores). Each action must exist and each state have layout().words().
[[nodiscard]] Trace build_trace(const TransitionSystem& sys, ConstStateView initial,
                                const TracePath& path);

/// Appends the step that failed while expanding the trace's final state (an assert or runtime
/// error) as its last step, carrying the failure's message and location and no state.
void append_failed_step(Trace& trace, const TransitionSystem& sys, const StepFailure& failure);

} // namespace ilv
