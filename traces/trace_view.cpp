#include "traces/trace_view.hpp"

#include "model/invariant.hpp"

#include <string_view>

namespace ilv {

namespace {

/// Splits "base[k]" into base and k; false when the name does not end in an index.
bool split_index(const std::string& name, std::string& base, std::size_t& index) {
    if (name.empty() || name.back() != ']') {
        return false;
    }
    const std::size_t open = name.rfind('[');
    if (open == std::string::npos || open == 0) {
        return false;
    }
    const std::string_view digits(name.data() + open + 1, name.size() - open - 2);
    if (digits.empty() || digits.size() > 9) {
        return false;
    }
    std::size_t value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    base = name.substr(0, open);
    index = value;
    return true;
}

} // namespace

std::vector<VariableGroup> group_variables(const std::vector<TraceVariable>& variables) {
    std::vector<VariableGroup> groups;
    for (std::size_t i = 0; i < variables.size(); ++i) {
        std::string base;
        std::size_t index = 0;
        if (split_index(variables[i].name, base, index)) {
            if (!groups.empty() && groups.back().array && groups.back().name == base &&
                index == groups.back().count) {
                ++groups.back().count;
                continue;
            }
            if (index == 0) {
                groups.push_back(VariableGroup{base, i, 1, true});
                continue;
            }
        }
        groups.push_back(VariableGroup{variables[i].name, i, 1, false});
    }
    return groups;
}

std::string format_value(const TraceVariable& variable, std::int64_t value) {
    switch (variable.kind) {
    case SlotKind::Bool:
        return value != 0 ? "true" : "false";
    case SlotKind::Enum:
    case SlotKind::Location:
        if (value >= 0 && static_cast<std::uint64_t>(value) < variable.labels.size()) {
            return variable.labels[static_cast<std::size_t>(value)];
        }
        break;
    case SlotKind::Int:
        break;
    }
    return std::to_string(value);
}

std::string location_owner(const TraceVariable& variable) {
    const std::string& n = variable.name;
    if (variable.kind != SlotKind::Location || n.size() < 3 ||
        n.compare(n.size() - 2, 2, ".@") != 0) {
        return "";
    }
    return n.substr(0, n.size() - 2);
}

const std::vector<std::int64_t>& state_before(const Trace& trace, std::size_t k) {
    ILV_ASSERT(k <= trace.steps.size(), "a step index or the end of the trace");
    if (k == 0) {
        return trace.initial;
    }
    ILV_ASSERT(!trace.steps[k - 1].failed, "a failed step reaches no state");
    return trace.steps[k - 1].state;
}

const std::vector<std::int64_t>& final_state(const Trace& trace) {
    std::size_t k = trace.steps.size();
    if (k > 0 && trace.steps.back().failed) {
        --k;
    }
    return state_before(trace, k);
}

std::vector<std::size_t> changed_variables(const std::vector<std::int64_t>& before,
                                           const std::vector<std::int64_t>& after) {
    ILV_ASSERT(before.size() == after.size(), "states of one trace have one length");
    std::vector<std::size_t> changed;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] != after[i]) {
            changed.push_back(i);
        }
    }
    return changed;
}

std::vector<std::size_t> step_changes(const Trace& trace, std::size_t k) {
    if (trace.steps[k].failed) {
        return {};
    }
    return changed_variables(state_before(trace, k), trace.steps[k].state);
}

std::string step_label(const TraceStep& step) {
    if (step.params.empty()) {
        return step.step;
    }
    std::string label = step.step + "(";
    for (std::size_t i = 0; i < step.params.size(); ++i) {
        label += (i == 0 ? "" : ", ") + step.params[i];
    }
    return label + ")";
}

bool stops_at_end(const Trace& trace) {
    return trace.loop_start.has_value() && *trace.loop_start >= trace.steps.size();
}

bool in_cycle(const Trace& trace, std::size_t k) {
    return trace.loop_start.has_value() && k >= *trace.loop_start && k < trace.steps.size();
}

std::string property_title(const TraceProperty& property) {
    if (property.kind == "deadlock") {
        return "deadlock";
    }
    if (property.kind == "runtime") {
        return "runtime error";
    }
    return property.kind + " " + property.name;
}

} // namespace ilv
