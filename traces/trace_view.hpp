#pragma once
/// \file
/// What every view of a trace needs, computed from the trace alone: values as people read
/// them, array grouping, the state before and after each step, and what each step changed.
/// The terminal view (trace_text) and the browser view (trace_html) share it.

#include "traces/trace.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ilv {

/// A run of variables shown as one row: the elements `base[0]`..`base[n-1]` of an array
/// (in that order, one after the other in the trace) or a single variable.
struct VariableGroup {
    std::string name;      ///< "flag" for an array, the variable's name otherwise
    std::size_t first = 0; ///< index of the first variable
    std::size_t count = 1; ///< number of variables
    bool array = false;    ///< elements `name[0]`.. rather than one scalar
};

/// Groups consecutive array elements of `variables` so that views can show `flag` as one
/// array and say which of its elements changed. Every variable is in exactly one group.
[[nodiscard]] std::vector<VariableGroup>
group_variables(const std::vector<TraceVariable>& variables);

/// `value` of `variable` as shown: `true`, `BUSY`, `idle` or the number (also for a value
/// outside the labels, which a validated trace never has).
[[nodiscard]] std::string format_value(const TraceVariable& variable, std::int64_t value);

/// The process whose location `variable` holds ("p[0]" for "p[0].@"), or empty.
[[nodiscard]] std::string location_owner(const TraceVariable& variable);

/// The state before step `k` (0-based): the initial state for 0, else the state after step
/// `k - 1`. `k` may be `steps.size()` (the final state) unless the last step failed.
[[nodiscard]] const std::vector<std::int64_t>& state_before(const Trace& trace, std::size_t k);

/// The last state the trace reaches: after the last step that did not fail, or the initial state.
[[nodiscard]] const std::vector<std::int64_t>& final_state(const Trace& trace);

/// Indices of the variables whose value differs between `before` and `after` (same length).
[[nodiscard]] std::vector<std::size_t> changed_variables(const std::vector<std::int64_t>& before,
                                                         const std::vector<std::int64_t>& after);

/// The variables step `k` changed (none for a failed step, which reaches no state).
[[nodiscard]] std::vector<std::size_t> step_changes(const Trace& trace, std::size_t k);

/// The step as a person names it: `take_left` or `ioctl(UNTIL_STOP)`.
[[nodiscard]] std::string step_label(const TraceStep& step);

/// True for a lasso whose "cycle" is the final state itself: the run stops there (no step is
/// enabled), so it stays in that state forever; the trace has no cycle of steps to mark.
[[nodiscard]] bool stops_at_end(const Trace& trace);

/// True when step `k` belongs to the cycle of a lasso.
[[nodiscard]] bool in_cycle(const Trace& trace, std::size_t k);

/// One line saying what the property is and that it fails: "invariant mutex", "deadlock",
/// "assert p.check.assert1", "liveness progress (a cycle)".
[[nodiscard]] std::string property_title(const TraceProperty& property);

} // namespace ilv
