#include "traces/trace_validate.hpp"

#include "model/invariant.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace ilv {
namespace {

constexpr std::array<std::string_view, 5> property_kinds{"invariant", "assert", "runtime",
                                                         "deadlock", "liveness"};

bool is_digest(const std::string& text) {
    return text.size() == 16 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string indexed(std::string_view base, std::size_t i) {
    return std::string(base) + "[" + std::to_string(i) + "]";
}

std::string check_variable(const TraceVariable& v, const std::string& path) {
    const auto count = static_cast<std::int64_t>(v.labels.size());
    switch (v.kind) {
    case SlotKind::Int:
        if (v.lower > v.upper) {
            return path + ": lower " + std::to_string(v.lower) + " exceeds upper " +
                   std::to_string(v.upper);
        }
        return v.labels.empty() ? "" : path + ".values: only enums and locations have values";
    case SlotKind::Bool:
        if (v.lower != 0 || v.upper != 1 || !v.labels.empty()) {
            return path + ": a bool ranges over 0..1 and has no values";
        }
        return "";
    case SlotKind::Enum:
    case SlotKind::Location:
        if (v.labels.empty()) {
            return path + ".values: expected at least one value";
        }
        if (v.lower != 0 || v.upper != count - 1) {
            return path + ": an enum or location ranges over the indices of its values";
        }
        return "";
    }
    ILV_UNREACHABLE("SlotKind has four members");
}

std::string check_variables(const std::vector<TraceVariable>& variables) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < variables.size(); ++i) {
        const std::string path = indexed("variables", i);
        const TraceVariable& v = variables[i];
        if (v.name.empty()) {
            return path + ".name: empty";
        }
        if (!seen.insert(v.name).second) {
            return path + ".name: duplicate '" + v.name + "'";
        }
        std::string problem = check_variable(v, path);
        if (!problem.empty()) {
            return problem;
        }
    }
    return "";
}

std::string check_values(const std::vector<std::int64_t>& values,
                         const std::vector<TraceVariable>& variables, const std::string& path) {
    if (values.size() != variables.size()) {
        return path + ": expected " + std::to_string(variables.size()) + " values, found " +
               std::to_string(values.size());
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const TraceVariable& v = variables[i];
        if (values[i] < v.lower || values[i] > v.upper) {
            return indexed(path, i) + ": value " + std::to_string(values[i]) + " out of range " +
                   std::to_string(v.lower) + ".." + std::to_string(v.upper) + " for '" + v.name +
                   "'";
        }
    }
    return "";
}

std::string check_step(const Trace& trace, std::size_t i) {
    const TraceStep& step = trace.steps[i];
    const std::string path = indexed("steps", i);
    if (step.process >= trace.processes.size()) {
        return path + ".process: " + std::to_string(step.process) + " is not a process index (" +
               std::to_string(trace.processes.size()) + " processes)";
    }
    if (!step.failed) {
        return check_values(step.state, trace.variables, path + ".state");
    }
    if (i + 1 != trace.steps.size()) {
        return path + ".failed: only the last step may fail";
    }
    return step.state.empty() ? "" : path + ".state: a failed step has no state";
}

std::string check_shape(const Trace& trace) {
    const std::string& kind = trace.property.kind;
    const bool ends_failed = !trace.steps.empty() && trace.steps.back().failed;
    const bool step_kind = kind == "assert" || kind == "runtime";
    if (step_kind && !ends_failed) {
        return "steps: an assert or runtime violation ends with a failed step";
    }
    if (!step_kind && ends_failed) {
        return indexed("steps", trace.steps.size() - 1) +
               ".failed: only assert and runtime violations end with a failed step";
    }
    const bool liveness = kind == "liveness";
    if (liveness != trace.loop_start.has_value()) {
        return liveness ? "loop_start: a liveness violation needs a loop start"
                        : "loop_start: only a liveness violation has a loop start";
    }
    if (liveness && *trace.loop_start > trace.steps.size()) {
        return "loop_start: " + std::to_string(*trace.loop_start) +
               " exceeds the number of steps (" + std::to_string(trace.steps.size()) + ")";
    }
    const std::string& fairness = trace.property.fairness;
    if (liveness && fairness != "weak" && fairness != "none") {
        return "property.fairness: a liveness violation names its fairness, \"weak\" or \"none\"";
    }
    if (!liveness && !fairness.empty()) {
        return "property.fairness: only a liveness violation has a fairness";
    }
    return "";
}

std::string check_header(const Trace& trace) {
    if (!is_digest(trace.model_digest)) {
        return "model.digest: expected 16 lowercase hex digits, found \"" + trace.model_digest +
               "\"";
    }
    std::set<std::string> names;
    for (const auto& [name, value] : trace.defines) {
        if (!names.insert(name).second) {
            return "defines: duplicate name '" + name + "'";
        }
    }
    const std::string& kind = trace.property.kind;
    if (std::find(property_kinds.begin(), property_kinds.end(), kind) == property_kinds.end()) {
        return "property.kind: unknown kind \"" + kind +
               "\" (expected invariant, assert, runtime, deadlock or liveness)";
    }
    return "";
}

} // namespace

std::string_view slot_kind_name(SlotKind kind) {
    switch (kind) {
    case SlotKind::Bool:
        return "bool";
    case SlotKind::Int:
        return "int";
    case SlotKind::Enum:
        return "enum";
    case SlotKind::Location:
        return "location";
    }
    ILV_UNREACHABLE("SlotKind has four members");
}

std::string validate_trace(const Trace& trace) {
    std::string problem = check_header(trace);
    if (problem.empty()) {
        problem = check_variables(trace.variables);
    }
    if (problem.empty()) {
        problem = check_values(trace.initial, trace.variables, "initial");
    }
    for (std::size_t i = 0; problem.empty() && i < trace.steps.size(); ++i) {
        problem = check_step(trace, i);
    }
    return problem.empty() ? check_shape(trace) : problem;
}

} // namespace ilv
