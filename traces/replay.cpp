#include "traces/replay.hpp"

#include "model/invariant.hpp"
#include "traces/lasso_check.hpp"
#include "traces/trace_builder.hpp"
#include "traces/trace_validate.hpp"

#include <span>
#include <unordered_map>

namespace ilv {
namespace {

std::string describe(const std::string& name) {
    return name;
}

std::string describe(const TraceVariable& v) {
    std::string out = v.name + ": " + std::string(slot_kind_name(v.kind));
    if (v.kind == SlotKind::Int) {
        return out + " " + std::to_string(v.lower) + ".." + std::to_string(v.upper);
    }
    for (std::size_t i = 0; i < v.labels.size(); ++i) {
        out += (i == 0 ? " {" : ", ") + v.labels[i];
    }
    return v.labels.empty() ? out : out + "}";
}

/// Empty when the lists agree, otherwise "the model's <what> differ from the trace's: ...".
template <class T>
std::string list_mismatch(std::span<const T> model, std::span<const T> trace, const char* what) {
    const std::string head = std::string("the model's ") + what + " differ from the trace's: ";
    if (model.size() != trace.size()) {
        return head + "the model has " + std::to_string(model.size()) + ", the trace has " +
               std::to_string(trace.size());
    }
    for (std::size_t i = 0; i < model.size(); ++i) {
        if (!(model[i] == trace[i])) {
            return head + what + "[" + std::to_string(i) + "] is '" + describe(model[i]) +
                   "' in the model, '" + describe(trace[i]) + "' in the trace";
        }
    }
    return "";
}

std::string failure_kind_name(FailureKind kind) {
    return kind == FailureKind::Assert ? "an assert violation" : "a runtime error";
}

std::string steps_text(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " step" : " steps");
}

/// Walks one trace through one system; each check returns "" or the mismatch message.
class Replayer {
public:
    Replayer(const TransitionSystem& sys, const Trace& trace)
        : sys_(sys),
          trace_(trace),
          layout_(sys.layout()),
          packed_(layout_.words(), 0),
          buffer_(layout_.words()) {
        for (ActionId a = 0; a < sys.actions().size(); ++a) {
            by_name_.emplace(sys.actions()[a].name, a);
        }
    }

    [[nodiscard]] std::string check_start();
    [[nodiscard]] std::string check_step(std::size_t i);
    [[nodiscard]] std::string confirm(const std::function<bool(ConstStateView)>& violates,
                                      const LivenessReplay* liveness);

private:
    [[nodiscard]] std::string check_successor(const TraceStep& step, const std::string& prefix);
    [[nodiscard]] std::string check_failure(const TraceStep& step, const std::string& prefix);
    [[nodiscard]] std::string confirm_deadlock();
    [[nodiscard]] std::string confirm_cycle() const;
    [[nodiscard]] std::string difference(const std::vector<std::int64_t>& expected,
                                         const std::vector<std::int64_t>& got) const;

    const TransitionSystem& sys_;
    const Trace& trace_;
    const StateLayout& layout_;
    std::unordered_map<std::string, ActionId> by_name_;
    std::vector<Word> packed_;          ///< the current state
    std::vector<std::vector<Word>> visited_; ///< liveness only: every state so far, packed
    std::vector<std::int64_t> current_; ///< the current state, unpacked
    SuccessorBuffer buffer_;
    FailureBuffer failures_;
};

std::string Replayer::difference(const std::vector<std::int64_t>& expected,
                                 const std::vector<std::int64_t>& got) const {
    for (SlotId id = 0; id < expected.size(); ++id) {
        if (expected[id] != got[id]) {
            return "differs in " + layout_.slot(id).name + ": expected " +
                   layout_.format(id, expected[id]) + ", got " + layout_.format(id, got[id]);
        }
    }
    ILV_UNREACHABLE("difference() needs two different states");
}

std::string Replayer::check_start() {
    const std::string problem = validate_trace(trace_);
    if (!problem.empty()) {
        return "invalid trace: " + problem;
    }
    const std::vector<TraceVariable> variables = trace_variables(layout_);
    std::string mismatch = list_mismatch<TraceVariable>(variables, trace_.variables, "variables");
    if (mismatch.empty()) {
        mismatch = list_mismatch<std::string>(sys_.processes(), trace_.processes, "processes");
    }
    if (!mismatch.empty()) {
        return mismatch;
    }
    sys_.initial(packed_);
    current_ = layout_.unpack(packed_);
    if (current_ != trace_.initial) {
        return "the initial state " + difference(trace_.initial, current_);
    }
    if (trace_.loop_start) {
        visited_.push_back(packed_);
    }
    return "";
}

std::string Replayer::check_step(std::size_t i) {
    const TraceStep& step = trace_.steps[i];
    const std::string prefix = "trace step " + std::to_string(i + 1) + ": ";
    const auto found = by_name_.find(step.action);
    if (found == by_name_.end()) {
        return prefix + "no action '" + step.action + "' in the model";
    }
    const ProcessId owner = sys_.actions()[found->second].process;
    if (owner != step.process) {
        return prefix + "action '" + step.action + "' belongs to process '" +
               sys_.processes()[owner] + "', not '" + trace_.processes[step.process] + "'";
    }
    buffer_.clear();
    failures_.clear();
    if (!sys_.successors(packed_, found->second, buffer_, failures_)) {
        return prefix + "action '" + step.action + "' is disabled";
    }
    return step.failed ? check_failure(step, prefix) : check_successor(step, prefix);
}

std::string Replayer::check_successor(const TraceStep& step, const std::string& prefix) {
    if (buffer_.size() == 0) {
        return prefix + "'" + step.action + "' fails: " + failures_.front().message;
    }
    std::vector<std::int64_t> closest;
    std::size_t closest_diffs = layout_.slots().size() + 1;
    for (std::size_t k = 0; k < buffer_.size(); ++k) {
        std::vector<std::int64_t> values = layout_.unpack(buffer_.state(k));
        std::size_t diffs = 0;
        for (std::size_t v = 0; v < values.size(); ++v) {
            diffs += values[v] != step.state[v] ? 1U : 0U;
        }
        if (diffs == 0) {
            const ConstStateView next = buffer_.state(k);
            packed_.assign(next.begin(), next.end());
            current_ = std::move(values);
            if (trace_.loop_start) {
                visited_.push_back(packed_);
            }
            return "";
        }
        if (diffs < closest_diffs) {
            closest_diffs = diffs;
            closest = std::move(values);
        }
    }
    return prefix + "'" + step.action + "' does not lead to the recorded state; " +
           difference(step.state, closest);
}

std::string Replayer::check_failure(const TraceStep& step, const std::string& prefix) {
    const FailureKind recorded =
        trace_.property.kind == "assert" ? FailureKind::Assert : FailureKind::Runtime;
    for (const StepFailure& failure : failures_) {
        if (failure.message != step.error) {
            continue;
        }
        if (failure.kind != recorded) {
            return prefix + "'" + step.action + "' fails as recorded but with " +
                   failure_kind_name(failure.kind) + ", not " + failure_kind_name(recorded);
        }
        return "";
    }
    if (failures_.empty()) {
        return prefix + "'" + step.action + "' does not fail; the trace records \"" + step.error +
               "\"";
    }
    return prefix + "'" + step.action + "' fails with \"" + failures_.front().message +
           "\"; the trace records \"" + step.error + "\"";
}

std::string Replayer::confirm_deadlock() {
    for (ActionId a = 0; a < sys_.actions().size(); ++a) {
        buffer_.clear();
        failures_.clear();
        if (sys_.successors(packed_, a, buffer_, failures_)) {
            return "the final state is not a deadlock: action '" + sys_.actions()[a].name +
                   "' is enabled";
        }
    }
    if (sys_.is_valid_end(packed_)) {
        return "the final state is a valid end state, not a deadlock";
    }
    return "";
}

std::string Replayer::confirm_cycle() const {
    const std::size_t start = *trace_.loop_start;
    if (start == trace_.steps.size()) {
        return ""; // an empty cycle: check_lasso confirms that the run stops
    }
    const std::vector<std::int64_t>& entry =
        start == 0 ? trace_.initial : trace_.steps[start - 1].state;
    if (entry == current_) {
        return "";
    }
    return "the cycle does not close: the final state differs from the state before step " +
           std::to_string(start + 1) + "; it " + difference(entry, current_);
}

std::string Replayer::confirm(const std::function<bool(ConstStateView)>& violates,
                              const LivenessReplay* liveness) {
    const TraceProperty& property = trace_.property;
    if (property.kind == "invariant") {
        ILV_ASSERT(static_cast<bool>(violates), "replaying an invariant trace needs a predicate");
        return violates(packed_) ? ""
                                 : "invariant '" + property.name + "' holds in the final state";
    }
    if (property.kind == "deadlock") {
        return confirm_deadlock();
    }
    if (property.kind == "liveness") {
        const std::string problem = confirm_cycle();
        return problem.empty() ? check_lasso(sys_, trace_, visited_, liveness) : problem;
    }
    return ""; // assert and runtime: the failed last step was matched by check_failure
}

} // namespace

ReplayResult replay(const TransitionSystem& sys, const Trace& trace,
                    const std::function<bool(ConstStateView)>& state_violates,
                    const LivenessReplay* liveness) {
    Replayer replayer(sys, trace);
    std::string problem = replayer.check_start();
    if (!problem.empty()) {
        return ReplayResult{false, 0, std::move(problem)};
    }
    for (std::size_t i = 0; i < trace.steps.size(); ++i) {
        problem = replayer.check_step(i);
        if (!problem.empty()) {
            return ReplayResult{false, i + 1, std::move(problem)};
        }
    }
    problem = replayer.confirm(state_violates, liveness);
    if (!problem.empty()) {
        return ReplayResult{false, trace.steps.size(), std::move(problem)};
    }
    return ReplayResult{true, 0,
                        "replay confirms: " + trace.property.kind + " '" + trace.property.name +
                            "' violated after " + steps_text(trace.steps.size())};
}

} // namespace ilv
