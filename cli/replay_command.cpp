#include "cli/check_command.hpp"
#include "explorer/exit_codes.hpp"
#include "model/load.hpp"
#include "traces/digest.hpp"
#include "traces/replay.hpp"
#include "traces/trace_json.hpp"

#include <algorithm>
#include <iostream>

namespace ilv::cli {

namespace {

/// A predicate that is true when `invariant` is false (or cannot be evaluated) in a state.
std::function<bool(ConstStateView)> invariant_violated(const CompiledModel& model,
                                                       const std::string& invariant) {
    for (const CompiledInvariant& inv : model.invariants()) {
        if (inv.name == invariant) {
            return [&model, &inv](ConstStateView s) {
                std::int64_t value = 0;
                EvalError error;
                return !model.evaluate(inv.code, s, value, error) || value == 0;
            };
        }
    }
    return [](ConstStateView) { return false; };
}

/// A predicate over states from compiled property code; an evaluation error counts as false.
std::function<bool(ConstStateView)> predicate(const CompiledModel& model, const Code& code) {
    return [&model, &code](ConstStateView s) {
        std::int64_t value = 0;
        EvalError error;
        return model.evaluate(code, s, value, error) && value != 0;
    };
}

/// What replay needs of liveness property `name`; nullopt when the model has none by that name.
std::optional<LivenessReplay> liveness_of(const CompiledModel& model, const std::string& name) {
    for (const CompiledLiveness& l : model.liveness()) {
        if (l.name != name) {
            continue;
        }
        LivenessReplay r;
        if (l.kind == CompiledLiveness::Kind::FinitelyOften) {
            for (ActionId a = 0; a < model.actions().size(); ++a) {
                r.step_actions.push_back(std::find(l.actions.begin(), l.actions.end(), a) !=
                                         l.actions.end());
            }
        } else {
            r.premise = predicate(model, l.premise);
            r.consequence = predicate(model, l.consequence);
        }
        return r;
    }
    return std::nullopt;
}

} // namespace

int run_replay(const std::string& trace_path, const std::string& model_path) {
    std::string error;
    TextPosition at;
    const std::optional<Trace> trace = read_trace_file(trace_path, error, &at);
    if (!trace) {
        std::cerr << trace_error_line(trace_path, error, at) << '\n';
        return exit_code::usage;
    }
    const std::string path = model_path.empty() ? trace->model_path : model_path;
    const LoadResult loaded = load_model_file(path, trace->defines);
    std::cerr << loaded.rendered();
    if (!loaded.model) {
        return exit_code::usage;
    }
    const std::string digest = model_digest(loaded.text);
    if (digest != trace->model_digest) {
        std::cout << "replay: the model changed since the trace was written (trace digest "
                  << trace->model_digest << ", " << path << " now has " << digest << ")\n";
        return exit_code::violated;
    }
    const CompiledModel& model = *loaded.model;
    const std::optional<LivenessReplay> liveness = liveness_of(model, trace->property.name);
    if (trace->property.kind == "liveness" && !liveness) {
        std::cout << "replay: the model has no liveness property '" << trace->property.name
                  << "'\n";
        return exit_code::violated;
    }
    const ReplayResult result =
        replay(model, *trace, invariant_violated(model, trace->property.name),
               trace->property.kind == "liveness" ? &*liveness : nullptr);
    // Success reads "replay confirms: ...", so only a divergence gets the "replay: " prefix.
    std::cout << (result.ok ? "" : "replay: ") << result.message << '\n';
    return result.ok ? exit_code::ok : exit_code::violated;
}

} // namespace ilv::cli
