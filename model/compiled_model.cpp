#include "model/compiled_model.hpp"

#include "model/bytecode_optimize.hpp"

#include <algorithm>

namespace ilv {

namespace {
/// True when the step's guard is the constant `false` (after the optimiser folded it).
bool never_enabled(const CompiledStep& step) {
    std::int64_t value = 1;
    return is_constant(step.guard, value) && value == 0;
}
} // namespace

CompiledModel::CompiledModel(ModelTables tables)
    : t_(std::move(tables)),
      evaluator_(t_.layout, t_.tables, t_.max_stack, t_.max_frame) {
    index_actions();
}

void CompiledModel::index_actions() {
    by_location_.resize(t_.instances.size());
    for (std::size_t p = 0; p < t_.instances.size(); ++p) {
        by_location_[p].location_slot = t_.instances[p].location_slot;
        by_location_[p].first.assign(t_.instances[p].is_end.size() + 1, 0);
    }
    for (const CompiledAction& a : t_.compiled_actions) {
        const CompiledStep& step = t_.steps[a.step];
        if (never_enabled(step)) {
            continue;
        }
        ++by_location_[step.process].first[static_cast<std::size_t>(step.from) + 1];
    }
    for (ActionsByLocation& group : by_location_) {
        for (std::size_t l = 1; l < group.first.size(); ++l) {
            group.first[l] += group.first[l - 1];
        }
        group.ids.resize(group.first.back());
    }
    std::vector<std::vector<std::uint32_t>> fill(by_location_.size());
    for (std::size_t p = 0; p < by_location_.size(); ++p) {
        fill[p] = by_location_[p].first;
    }
    for (ActionId a = 0; a < t_.compiled_actions.size(); ++a) {
        const CompiledStep& step = t_.steps[t_.compiled_actions[a].step];
        if (never_enabled(step)) {
            continue;
        }
        by_location_[step.process].ids[fill[step.process][static_cast<std::size_t>(step.from)]++] =
            a;
    }
}

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
    return fire(s, a, out, failures);
}

bool CompiledModel::fire(ConstStateView s, ActionId a, SuccessorBuffer& out,
                         FailureBuffer& failures) const {
    const CompiledAction& action = t_.compiled_actions[a];
    const CompiledStep& step = t_.steps[action.step];
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
    // Instances are in ActionId order and so are the actions of one location: the successors
    // come out in the same order as trying every action would give.
    std::size_t enabled = 0;
    for (const ActionsByLocation& group : by_location_) {
        const auto loc = static_cast<std::uint64_t>(t_.layout.get(s, group.location_slot));
        if (loc + 1 >= group.first.size()) {
            continue;
        }
        for (std::uint32_t i = group.first[loc]; i < group.first[loc + 1]; ++i) {
            enabled += fire(s, group.ids[i], out, failures) ? 1U : 0U;
        }
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
