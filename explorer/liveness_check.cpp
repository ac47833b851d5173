#include "explorer/liveness_check.hpp"

#include <algorithm>

namespace ilv {
namespace {

std::string steps_text(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " step" : " steps");
}

/// A predicate over states from compiled code; errors count as false and are remembered.
std::function<bool(ConstStateView)> predicate(const CompiledModel& model, const Code& code,
                                              const std::string& what, std::string& error) {
    return [&model, &code, what, &error](ConstStateView s) {
        std::int64_t value = 0;
        EvalError e;
        if (model.evaluate(code, s, value, e)) {
            return value != 0;
        }
        if (error.empty()) {
            error = what + " cannot be evaluated in some reachable state: " + e.message;
        }
        return false;
    };
}

/// The verdict and violation of one finished pass.
void record(const CompiledModel& model, std::size_t k, const CycleResult& r, Fairness fairness,
            PropertySet& properties) {
    if (r.verdict != CycleVerdict::Found) {
        properties.record_liveness(
            k, r.verdict == CycleVerdict::Absent ? Verdict::Holds : Verdict::Incomplete, {});
        return;
    }
    Violation v;
    v.lasso = r.lasso.steps;
    v.loop_start = r.lasso.loop_start;
    v.depth = static_cast<std::uint32_t>(v.lasso.size());
    v.state = v.lasso.empty() ? 0
                              : v.lasso[r.lasso.loop_start == v.lasso.size() ? v.lasso.size() - 1
                                                                             : r.lasso.loop_start]
                                    .second;
    v.message = lasso_message(model, model.liveness()[k], r.lasso, fairness);
    properties.record_liveness(k, Verdict::Violated, std::move(v));
}

} // namespace

CycleQuery liveness_query(const CompiledModel& model, const CompiledLiveness& property,
                          Fairness fairness, std::string& error) {
    CycleQuery q;
    q.fairness = fairness;
    if (property.kind == CompiledLiveness::Kind::FinitelyOften) {
        for (ActionId a = 0; a < model.actions().size(); ++a) {
            q.required.push_back(std::find(property.actions.begin(), property.actions.end(), a) !=
                                 property.actions.end());
        }
        return q;
    }
    q.excluded =
        predicate(model, property.consequence, "the goal of '" + property.name + "'", error);
    q.start = predicate(model, property.premise, "the premise of '" + property.name + "'", error);
    q.terminal_counts = true;
    return q;
}

std::vector<std::string> check_liveness(const CompiledModel& model, const Explorer& explorer,
                                        PropertySet& properties, const LivenessOptions& options) {
    std::vector<std::string> warnings;
    for (const std::size_t k : properties.open_liveness()) {
        const CompiledLiveness& property = model.liveness()[k];
        if (options.stop_first && properties.any_violated()) {
            properties.record_liveness(k, Verdict::Incomplete, {});
            continue;
        }
        std::string error;
        const CycleQuery query = liveness_query(model, property, options.fairness, error);
        CycleResult result = find_lasso(explorer, model, query, options.limits);
        if (!error.empty()) {
            warnings.push_back("liveness '" + property.name + "' is incomplete: " + error);
            result.verdict = CycleVerdict::Incomplete;
        } else if (result.verdict == CycleVerdict::Incomplete) {
            warnings.push_back("liveness '" + property.name + "' is incomplete: " + result.reason);
        }
        record(model, k, result, options.fairness, properties);
    }
    return warnings;
}

std::string lasso_message(const CompiledModel& model, const CompiledLiveness& property,
                          const Lasso& lasso, Fairness fairness) {
    const std::size_t cycle = lasso.steps.size() - lasso.loop_start;
    const std::string kind = fairness == Fairness::Weak ? "a fair cycle of " : "a cycle of ";
    const std::string prefix =
        lasso.loop_start == 0 ? " from the initial state"
                              : " after a " + std::to_string(lasso.loop_start) + "-step prefix";
    if (property.kind == CompiledLiveness::Kind::FinitelyOften) {
        std::string fired;
        for (std::size_t i = lasso.loop_start; i < lasso.steps.size() && fired.empty(); ++i) {
            const ActionId a = lasso.steps[i].first;
            for (const ActionId wanted : property.actions) {
                fired = wanted == a ? model.actions()[a].name : fired;
            }
        }
        return kind + steps_text(cycle) + " fires '" + fired + "' forever" + prefix;
    }
    const std::string head = "the premise holds " +
                             (lasso.start_steps == 0 ? std::string("in the initial state")
                                                     : "after " + steps_text(lasso.start_steps)) +
                             " and the goal never does: ";
    if (cycle == 0) {
        return head + "the run stops after " + steps_text(lasso.steps.size()) +
               " with no step enabled";
    }
    return head + kind + steps_text(cycle) + " repeats forever" + prefix;
}

} // namespace ilv
