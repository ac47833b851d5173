#include "traces/lasso_check.hpp"

#include "model/invariant.hpp"

namespace ilv {
namespace {

/// By process: whether it has a successor in `s`.
std::vector<bool> enabled_processes(const TransitionSystem& sys, ConstStateView s) {
    SuccessorBuffer buffer(sys.layout().words());
    FailureBuffer failures;
    sys.successors(s, buffer, failures);
    std::vector<bool> enabled(sys.processes().size(), false);
    for (std::size_t i = 0; i < buffer.size(); ++i) {
        enabled[sys.actions()[buffer.action(i)].process] = true;
    }
    return enabled;
}

std::string state_name(std::size_t index) {
    return index == 0 ? "the initial state" : "the state after step " + std::to_string(index);
}

/// An empty cycle: the final state must have no successor.
std::string check_stopped(const TransitionSystem& sys, const Trace& trace,
                          const std::vector<std::vector<Word>>& states) {
    if (*trace.loop_start < trace.steps.size()) {
        return ""; // replay compared the states, naming the differing variable
    }
    const std::vector<bool> enabled = enabled_processes(sys, states.back());
    for (std::size_t p = 0; p < enabled.size(); ++p) {
        if (enabled[p]) {
            return "the run does not stop: process '" + sys.processes()[p] +
                   "' can still step in the final state";
        }
    }
    return "";
}

std::string check_fair(const TransitionSystem& sys, const Trace& trace,
                       const std::vector<std::vector<Word>>& states) {
    const std::size_t start = *trace.loop_start;
    if (trace.property.fairness != "weak" || start == trace.steps.size()) {
        return "";
    }
    std::vector<bool> always(sys.processes().size(), true);
    std::vector<bool> steps(sys.processes().size(), false);
    for (std::size_t i = start; i < trace.steps.size(); ++i) {
        const std::vector<bool> enabled = enabled_processes(sys, states[i]);
        for (std::size_t p = 0; p < always.size(); ++p) {
            always[p] = always[p] && enabled[p];
        }
        steps[trace.steps[i].process] = true;
    }
    for (std::size_t p = 0; p < always.size(); ++p) {
        if (always[p] && !steps[p]) {
            return "the cycle is not weakly fair: process '" + sys.processes()[p] +
                   "' is enabled in every state of the cycle but never steps";
        }
    }
    return "";
}

std::string check_step_fired(const Trace& trace, const std::vector<bool>& step_actions,
                             const TransitionSystem& sys) {
    for (std::size_t i = *trace.loop_start; i < trace.steps.size(); ++i) {
        for (ActionId a = 0; a < sys.actions().size(); ++a) {
            if (a < step_actions.size() && step_actions[a] &&
                sys.actions()[a].name == trace.steps[i].action) {
                return "";
            }
        }
    }
    return "the cycle never fires the property's step";
}

std::string check_goal_avoided(const Trace& trace, const LivenessReplay& liveness,
                               const std::vector<std::vector<Word>>& states) {
    std::size_t after_goal = 0; // first index after the last Q-state
    for (std::size_t i = 0; i < states.size(); ++i) {
        if (liveness.consequence(states[i])) {
            if (i >= *trace.loop_start) {
                return "the goal holds in " + state_name(i) + ", inside the cycle";
            }
            after_goal = i + 1;
        }
    }
    for (std::size_t i = after_goal; i < states.size(); ++i) {
        if (liveness.premise(states[i])) {
            return "";
        }
    }
    return "no state after the last goal state satisfies the premise";
}

} // namespace

std::string check_lasso(const TransitionSystem& sys, const Trace& trace,
                        const std::vector<std::vector<Word>>& states,
                        const LivenessReplay* liveness) {
    ILV_ASSERT(trace.loop_start && states.size() == trace.steps.size() + 1,
               "a lasso with every state replayed");
    std::string problem = check_stopped(sys, trace, states);
    if (problem.empty()) {
        problem = check_fair(sys, trace, states);
    }
    if (!problem.empty() || liveness == nullptr) {
        return problem;
    }
    if (liveness->premise && liveness->consequence) {
        return check_goal_avoided(trace, *liveness, states);
    }
    return *trace.loop_start == trace.steps.size()
               ? "the cycle is empty, so it fires no step"
               : check_step_fired(trace, liveness->step_actions, sys);
}

} // namespace ilv
