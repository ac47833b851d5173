#include "traces/trace_builder.hpp"

#include "model/invariant.hpp"

namespace ilv {
namespace {

/// The part of a source range that the JSON form keeps.
SourceRange begin_only(const SourceRange& where) {
    return SourceRange{SourceLoc{where.begin.line, where.begin.column, 0}, SourceLoc{}};
}

TraceStep step_for(const ActionInfo& info) {
    TraceStep step;
    step.action = info.name;
    step.process = info.process;
    step.step = info.step;
    step.params = info.params;
    step.where = begin_only(info.where);
    return step;
}

const ActionInfo& action_info(const TransitionSystem& sys, ActionId action) {
    ILV_ASSERT(action < sys.actions().size(), "trace path names an action the system lacks");
    return sys.actions()[action];
}

} // namespace

std::vector<TraceVariable> trace_variables(const StateLayout& layout) {
    std::vector<TraceVariable> out;
    out.reserve(layout.slots().size());
    for (const Slot& slot : layout.slots()) {
        const bool labelled = slot.kind == SlotKind::Enum || slot.kind == SlotKind::Location;
        ILV_ASSERT(!labelled || (slot.lower == 0 &&
                                 static_cast<std::int64_t>(slot.labels.size()) == slot.upper + 1),
                   "enum and location slots range over the indices of their labels");
        ILV_ASSERT(slot.kind != SlotKind::Bool || (slot.lower == 0 && slot.upper == 1),
                   "bool slots range over 0..1");
        out.push_back(TraceVariable{slot.name, slot.kind, slot.lower, slot.upper,
                                    labelled ? slot.labels : std::vector<std::string>{}});
    }
    return out;
}

Trace build_trace(const TransitionSystem& sys, ConstStateView initial, const TracePath& path) {
    const StateLayout& layout = sys.layout();
    ILV_ASSERT(initial.size() == layout.words(), "initial state has the layout's width");
    Trace trace;
    trace.variables = trace_variables(layout);
    trace.processes.assign(sys.processes().begin(), sys.processes().end());
    trace.initial = layout.unpack(initial);
    trace.steps.reserve(path.size());
    for (const auto& [action, state] : path) {
        ILV_ASSERT(state.size() == layout.words(), "path states have the layout's width");
        TraceStep step = step_for(action_info(sys, action));
        step.state = layout.unpack(state);
        trace.steps.push_back(std::move(step));
    }
    return trace;
}

void append_failed_step(Trace& trace, const TransitionSystem& sys, const StepFailure& failure) {
    TraceStep step = step_for(action_info(sys, failure.action));
    step.failed = true;
    step.error = failure.message;
    step.error_where = begin_only(failure.where);
    trace.steps.push_back(std::move(step));
}

} // namespace ilv
