#include "model/compiled_model.hpp"

#include <algorithm>

namespace ilv {

CompiledModel::CompiledModel(ModelTables tables)
    : t_(std::move(tables)), evaluator_(t_.layout, t_.tables, t_.max_stack, t_.max_frame) {}

std::unique_ptr<TransitionSystem> CompiledModel::thread_copy() const {
    return std::make_unique<CompiledModel>(t_);
}

void CompiledModel::initial(StateView out) const {
    std::copy(t_.initial.begin(), t_.initial.end(), out.begin());
}

bool CompiledModel::expand(ConstStateView s, ActionId a, SuccessorBuffer& out,
                           FailureBuffer& failures) const {
    const CompiledAction& action = t_.compiled_actions[a];
    const CompiledStep& step = t_.steps[action.step];
    if (t_.layout.get(s, step.location_slot) != step.from) {
        return false;
    }
    if (!step.guard.instrs.empty()) {
        std::int64_t enabled = 0;
        if (!evaluator_.eval(step.guard, s, action.params, enabled, error_)) {
            failures.push_back({a, FailureKind::Runtime, 0, error_.message, error_.where});
            return true;
        }
        if (enabled == 0) {
            return false;
        }
    }
    StateView next = out.push(a);
    std::copy(s.begin(), s.end(), next.begin());
    if (!evaluator_.exec(step.effect, next, action.params, error_)) {
        out.pop();
        failures.push_back({a, error_.is_assert ? FailureKind::Assert : FailureKind::Runtime,
                            error_.assert_id, error_.message, error_.where});
        return true;
    }
    t_.layout.set(next, step.location_slot, step.to);
    return true;
}

bool CompiledModel::successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                               FailureBuffer& failures) const {
    return expand(s, a, out, failures);
}

std::size_t CompiledModel::successors(ConstStateView s, SuccessorBuffer& out,
                                      FailureBuffer& failures) const {
    std::size_t enabled = 0;
    const auto count = static_cast<ActionId>(t_.compiled_actions.size());
    for (ActionId a = 0; a < count; ++a) {
        enabled += expand(s, a, out, failures) ? 1U : 0U;
    }
    return enabled;
}

bool CompiledModel::is_valid_end(ConstStateView s) const {
    return std::all_of(t_.instances.begin(), t_.instances.end(), [&](const ProcessInstance& p) {
        const auto loc = static_cast<std::size_t>(t_.layout.get(s, p.location_slot));
        return loc < p.is_end.size() && p.is_end[loc];
    });
}

bool CompiledModel::evaluate(const Code& code, ConstStateView s, std::int64_t& value,
                             EvalError& error) const {
    return evaluator_.eval(code, s, {}, value, error);
}

} // namespace ilv
