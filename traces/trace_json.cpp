#include "traces/trace_json.hpp"

#include "traces/atomic_file.hpp"
#include "traces/trace_validate.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace ilv {
namespace {

using Json = nlohmann::ordered_json;

/// Containers whose one-line form fits within this column are written on one line.
constexpr std::size_t line_width = 100;

Json location_json(const SourceRange& where) {
    if (where.begin.line == 0) {
        return nullptr;
    }
    Json out = Json::object();
    out["line"] = where.begin.line;
    out["column"] = where.begin.column;
    return out;
}

Json variable_json(const TraceVariable& v) {
    Json out = Json::object();
    out["name"] = v.name;
    out["type"] = slot_kind_name(v.kind);
    if (v.kind == SlotKind::Int) {
        out["lower"] = v.lower;
        out["upper"] = v.upper;
    } else if (v.kind != SlotKind::Bool) {
        out["values"] = v.labels;
    }
    return out;
}

Json step_json(const TraceStep& step, const std::vector<std::string>& processes) {
    Json out = Json::object();
    out["process"] = step.process;
    out["process_name"] = step.process < processes.size() ? processes[step.process] : "";
    out["step"] = step.step;
    out["params"] = step.params;
    out["action"] = step.action;
    out["location"] = location_json(step.where);
    if (step.failed) {
        out["failed"] = true;
        out["error"] = step.error;
        out["error_location"] = location_json(step.error_where);
    } else {
        out["state"] = step.state;
    }
    return out;
}

Json header_json(const Trace& trace) {
    Json out = Json::object();
    out["format"] = "interleave-trace";
    out["version"] = trace_format_version;
    Json& model = out["model"] = Json::object();
    model["name"] = trace.model_name;
    model["path"] = trace.model_path;
    model["digest"] = trace.model_digest;
    Json& defines = out["defines"] = Json::object();
    for (const auto& [name, value] : trace.defines) {
        defines[name] = value;
    }
    Json& property = out["property"] = Json::object();
    property["name"] = trace.property.name;
    property["kind"] = trace.property.kind;
    property["location"] = location_json(trace.property.where);
    property["message"] = trace.property.message;
    if (!trace.property.fairness.empty()) {
        property["fairness"] = trace.property.fairness;
    }
    return out;
}

Json trace_json(const Trace& trace) {
    Json out = header_json(trace);
    Json& variables = out["variables"] = Json::array();
    for (const TraceVariable& v : trace.variables) {
        variables.push_back(variable_json(v));
    }
    out["processes"] = trace.processes;
    out["initial"] = trace.initial;
    Json& steps = out["steps"] = Json::array();
    for (const TraceStep& step : trace.steps) {
        steps.push_back(step_json(step, trace.processes));
    }
    out["loop_start"] = trace.loop_start ? Json(*trace.loop_start) : Json(nullptr);
    return out;
}

/// One scalar as JSON text; invalid UTF-8 in a string is replaced rather than thrown on.
std::string scalar_text(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string one_line(const Json& j) {
    if (j.is_primitive()) {
        return scalar_text(j);
    }
    std::string out = j.is_array() ? "[" : "{";
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (it != j.begin()) {
            out += ", ";
        }
        if (j.is_object()) {
            out += scalar_text(Json(it.key())) + ": ";
        }
        out += one_line(*it);
    }
    return out + (j.is_array() ? "]" : "}");
}

bool all_primitive(const Json& j) {
    for (const Json& element : j) {
        if (!element.is_primitive()) {
            return false;
        }
    }
    return true;
}

/// Appends `j`, whose text starts at `column` of a line indented by `indent`. Arrays of
/// scalars (states) always take one line; other containers do when they fit `line_width`.
void append_pretty(const Json& j, std::size_t indent, std::size_t column, std::string& out) {
    const bool top = indent == 0 && column == 0;
    std::string flat = one_line(j);
    if (j.is_primitive() || j.empty() || (j.is_array() && all_primitive(j)) ||
        (!top && column + flat.size() <= line_width)) {
        out += flat;
        return;
    }
    out += j.is_array() ? "[\n" : "{\n";
    const std::string pad(indent + 2, ' ');
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string key = j.is_object() ? scalar_text(Json(it.key())) + ": " : "";
        out += pad + key;
        append_pretty(*it, indent + 2, pad.size() + key.size(), out);
        out += std::next(it) == j.end() ? "\n" : ",\n";
    }
    out += std::string(indent, ' ') + (j.is_array() ? "]" : "}");
}

std::string errno_text(int code) {
    return std::generic_category().message(code);
}

} // namespace

std::string trace_to_json(const Trace& trace) {
    std::string out;
    append_pretty(trace_json(trace), 0, 0, out);
    out += '\n';
    return out;
}

bool write_trace_file(const std::filesystem::path& path, const Trace& trace, std::string& error) {
    const std::string problem = validate_trace(trace);
    if (!problem.empty()) {
        error = "refusing to write an invalid trace to '" + path.string() + "': " + problem;
        return false;
    }
    return write_file_atomically(path, trace_to_json(trace), error, true);
}

std::string trace_error_line(const std::string& path, const std::string& error,
                             const TextPosition& at) {
    const std::string place =
        at.line == 0 ? path
                     : path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    return place + ": error: " + error;
}

std::optional<Trace> read_trace_file(const std::filesystem::path& path, std::string& error,
                                     TextPosition* at) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "cannot read: is a directory";
        return std::nullopt;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) {
        error = "cannot read: " + errno_text(errno);
        return std::nullopt;
    }
    std::string text;
    std::array<char, 65536> chunk{};
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        error = "cannot read: " + errno_text(errno);
        return std::nullopt;
    }
    return trace_from_json(text, error, at);
}

} // namespace ilv
