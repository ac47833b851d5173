#include "model/invariant.hpp"
#include "traces/trace_json.hpp"
#include "traces/trace_validate.hpp"

#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

namespace ilv {
namespace {

using Json = nlohmann::ordered_json;

/// The JSON types a field may be required to have.
enum class Want { Object, Array, String, Boolean };

std::string describe(const Json& j) {
    switch (j.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return "an integer";
    case Json::value_t::number_float:
        return "a fractional number";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return "binary data";
}

bool matches(const Json& j, Want want) {
    switch (want) {
    case Want::Object:
        return j.is_object();
    case Want::Array:
        return j.is_array();
    case Want::String:
        return j.is_string();
    case Want::Boolean:
        return j.is_boolean();
    }
    ILV_UNREACHABLE("Want has four members");
}

std::string want_name(Want want) {
    static constexpr const char* names[] = {"an object", "an array", "a string", "a boolean"};
    return names[static_cast<std::size_t>(want)];
}

std::string member_path(const std::string& base, const char* key) {
    return base.empty() ? std::string(key) : base + "." + key;
}

std::string element_path(const std::string& base, std::size_t i) {
    return base + "[" + std::to_string(i) + "]";
}

/// Reads a parsed document into a `Trace`, stopping at the first problem.
class Reader {
public:
    [[nodiscard]] std::optional<Trace> read(const Json& doc);

    [[nodiscard]] const std::string& error() const noexcept { return error_; }

private:
    bool fail(const std::string& path, const std::string& what) {
        error_ = path + ": " + what;
        return false;
    }

    bool check(const Json& j, const std::string& path, Want want) {
        return matches(j, want) ||
               fail(path, "expected " + want_name(want) + ", found " + describe(j));
    }

    const Json* field(const Json& obj, const std::string& path, const char* key, Want want);
    const Json* member(const Json& obj, const std::string& path, const char* key);
    template <class T, class V>
    bool store(V value, const std::string& path, T& out);
    template <class T>
    bool read_integer(const Json& j, const std::string& path, T& out);
    template <class T>
    bool read_integer(const Json& obj, const std::string& path, const char* key, T& out);
    bool read_string(const Json& obj, const std::string& path, const char* key, std::string& out);
    bool read_strings(const Json& obj, const std::string& path, const char* key,
                      std::vector<std::string>& out);
    bool read_integers(const Json& j, const std::string& path, std::vector<std::int64_t>& out);
    bool read_integers(const Json& obj, const std::string& path, const char* key,
                       std::vector<std::int64_t>& out);
    bool read_location(const Json& obj, const std::string& path, const char* key, SourceRange& out);
    bool read_header(const Json& doc);
    bool read_model(const Json& doc, Trace& trace);
    bool read_defines(const Json& doc, Trace& trace);
    bool read_property(const Json& doc, Trace& trace);
    bool read_variables(const Json& doc, Trace& trace);
    bool read_variable(const Json& j, const std::string& path, TraceVariable& v);
    bool read_steps(const Json& doc, Trace& trace);
    bool read_step(const Json& j, const std::string& path, const Trace& trace, TraceStep& step);
    bool read_failure(const Json& j, const std::string& path, TraceStep& step);
    bool read_loop_start(const Json& doc, Trace& trace);

    std::string error_;
};

const Json* Reader::member(const Json& obj, const std::string& path, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        fail(member_path(path, key), "missing");
        return nullptr;
    }
    return &*it;
}

const Json* Reader::field(const Json& obj, const std::string& path, const char* key, Want want) {
    const Json* j = member(obj, path, key);
    return j != nullptr && check(*j, member_path(path, key), want) ? j : nullptr;
}

template <class T, class V>
bool Reader::store(V value, const std::string& path, T& out) {
    if (!std::in_range<T>(value)) {
        return fail(path, "integer " + std::to_string(value) + " out of range");
    }
    out = static_cast<T>(value);
    return true;
}

template <class T>
bool Reader::read_integer(const Json& j, const std::string& path, T& out) {
    if (!j.is_number_integer()) {
        return fail(path, "expected an integer, found " + describe(j));
    }
    return j.is_number_unsigned() ? store(j.get<std::uint64_t>(), path, out)
                                  : store(j.get<std::int64_t>(), path, out);
}

template <class T>
bool Reader::read_integer(const Json& obj, const std::string& path, const char* key, T& out) {
    const Json* j = member(obj, path, key);
    return j != nullptr && read_integer(*j, member_path(path, key), out);
}

bool Reader::read_string(const Json& obj, const std::string& path, const char* key,
                         std::string& out) {
    const Json* j = field(obj, path, key, Want::String);
    if (j == nullptr) {
        return false;
    }
    out = j->get<std::string>();
    return true;
}

bool Reader::read_strings(const Json& obj, const std::string& path, const char* key,
                          std::vector<std::string>& out) {
    const Json* list = field(obj, path, key, Want::Array);
    if (list == nullptr) {
        return false;
    }
    const std::string list_path = member_path(path, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!check((*list)[i], element_path(list_path, i), Want::String)) {
            return false;
        }
        out.push_back((*list)[i].get<std::string>());
    }
    return true;
}

bool Reader::read_integers(const Json& j, const std::string& path, std::vector<std::int64_t>& out) {
    if (!check(j, path, Want::Array)) {
        return false;
    }
    out.resize(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (!read_integer(j[i], element_path(path, i), out[i])) {
            return false;
        }
    }
    return true;
}

bool Reader::read_integers(const Json& obj, const std::string& path, const char* key,
                           std::vector<std::int64_t>& out) {
    const Json* j = member(obj, path, key);
    return j != nullptr && read_integers(*j, member_path(path, key), out);
}

bool Reader::read_location(const Json& obj, const std::string& path, const char* key,
                           SourceRange& out) {
    const Json* j = member(obj, path, key);
    if (j == nullptr) {
        return false;
    }
    out = SourceRange{};
    if (j->is_null()) {
        return true;
    }
    const std::string here = member_path(path, key);
    if (!j->is_object()) {
        return fail(here, "expected an object or null, found " + describe(*j));
    }
    if (!read_integer(*j, here, "line", out.begin.line) ||
        !read_integer(*j, here, "column", out.begin.column)) {
        return false;
    }
    return out.begin.line != 0 ||
           fail(here + ".line", "lines count from 1 (an unknown location is null)");
}

bool Reader::read_header(const Json& doc) {
    if (!doc.is_object()) {
        error_ = "not an interleave trace (expected a JSON object, found " + describe(doc) + ")";
        return false;
    }
    const auto format = doc.find("format");
    if (format == doc.end()) {
        error_ = "not an interleave trace (format field missing)";
        return false;
    }
    if (!format->is_string() || format->get<std::string>() != "interleave-trace") {
        error_ =
            "not an interleave trace (format is " +
            (format->is_string() ? "\"" + format->get<std::string>() + "\"" : describe(*format)) +
            ")";
        return false;
    }
    std::int64_t version = 0;
    if (!read_integer(doc, "", "version", version)) {
        return false;
    }
    if (version != trace_format_version) {
        error_ = "unsupported trace version " + std::to_string(version) +
                 " (this build reads version " + std::to_string(trace_format_version) + ")";
        return false;
    }
    return true;
}

bool Reader::read_model(const Json& doc, Trace& trace) {
    const Json* model = field(doc, "", "model", Want::Object);
    return model != nullptr && read_string(*model, "model", "name", trace.model_name) &&
           read_string(*model, "model", "path", trace.model_path) &&
           read_string(*model, "model", "digest", trace.model_digest);
}

bool Reader::read_defines(const Json& doc, Trace& trace) {
    const Json* defines = field(doc, "", "defines", Want::Object);
    if (defines == nullptr) {
        return false;
    }
    for (auto it = defines->begin(); it != defines->end(); ++it) {
        std::int64_t value = 0;
        if (!read_integer(*it, "defines." + it.key(), value)) {
            return false;
        }
        trace.defines.emplace_back(it.key(), value);
    }
    return true;
}

bool Reader::read_property(const Json& doc, Trace& trace) {
    const Json* property = field(doc, "", "property", Want::Object);
    TraceProperty& p = trace.property;
    return property != nullptr && read_string(*property, "property", "name", p.name) &&
           read_string(*property, "property", "kind", p.kind) &&
           read_location(*property, "property", "location", p.where) &&
           read_string(*property, "property", "message", p.message) &&
           (!property->contains("fairness") ||
            read_string(*property, "property", "fairness", p.fairness));
}

bool Reader::read_variable(const Json& j, const std::string& path, TraceVariable& v) {
    std::string type;
    if (!check(j, path, Want::Object) || !read_string(j, path, "name", v.name) ||
        !read_string(j, path, "type", type)) {
        return false;
    }
    if (type == "int") {
        v.kind = SlotKind::Int;
        return read_integer(j, path, "lower", v.lower) && read_integer(j, path, "upper", v.upper);
    }
    if (type == "bool") {
        v.kind = SlotKind::Bool;
        v.upper = 1;
        return true;
    }
    if (type != "enum" && type != "location") {
        return fail(member_path(path, "type"),
                    "unknown type \"" + type + "\" (expected int, bool, enum or location)");
    }
    v.kind = type == "enum" ? SlotKind::Enum : SlotKind::Location;
    if (!read_strings(j, path, "values", v.labels)) {
        return false;
    }
    v.upper = static_cast<std::int64_t>(v.labels.size()) - 1;
    return true;
}

bool Reader::read_variables(const Json& doc, Trace& trace) {
    const Json* list = field(doc, "", "variables", Want::Array);
    if (list == nullptr) {
        return false;
    }
    trace.variables.resize(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!read_variable((*list)[i], element_path("variables", i), trace.variables[i])) {
            return false;
        }
    }
    return true;
}

bool Reader::read_failure(const Json& j, const std::string& path, TraceStep& step) {
    const auto failed = j.find("failed");
    if (failed == j.end()) {
        return true;
    }
    if (!check(*failed, member_path(path, "failed"), Want::Boolean)) {
        return false;
    }
    step.failed = failed->get<bool>();
    return !step.failed || (read_string(j, path, "error", step.error) &&
                            read_location(j, path, "error_location", step.error_where));
}

bool Reader::read_step(const Json& j, const std::string& path, const Trace& trace,
                       TraceStep& step) {
    std::string process_name;
    if (!check(j, path, Want::Object) || !read_integer(j, path, "process", step.process) ||
        !read_string(j, path, "process_name", process_name) ||
        !read_string(j, path, "step", step.step) || !read_strings(j, path, "params", step.params) ||
        !read_string(j, path, "action", step.action) ||
        !read_location(j, path, "location", step.where) || !read_failure(j, path, step)) {
        return false;
    }
    if (step.process < trace.processes.size() && process_name != trace.processes[step.process]) {
        return fail(member_path(path, "process_name"), "\"" + process_name + "\" is not process " +
                                                           std::to_string(step.process) + " (\"" +
                                                           trace.processes[step.process] + "\")");
    }
    const auto state = j.find("state");
    if (state == j.end()) {
        return step.failed || fail(member_path(path, "state"), "missing");
    }
    return read_integers(*state, member_path(path, "state"), step.state);
}

bool Reader::read_steps(const Json& doc, Trace& trace) {
    const Json* list = field(doc, "", "steps", Want::Array);
    if (list == nullptr) {
        return false;
    }
    trace.steps.resize(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!read_step((*list)[i], element_path("steps", i), trace, trace.steps[i])) {
            return false;
        }
    }
    return true;
}

bool Reader::read_loop_start(const Json& doc, Trace& trace) {
    const Json* loop = member(doc, "", "loop_start");
    if (loop == nullptr || loop->is_null()) {
        return loop != nullptr;
    }
    std::size_t index = 0;
    if (!loop->is_number_integer()) {
        return fail("loop_start", "expected an integer or null, found " + describe(*loop));
    }
    if (!read_integer(*loop, "loop_start", index)) {
        return false;
    }
    trace.loop_start = index;
    return true;
}

std::optional<Trace> Reader::read(const Json& doc) {
    Trace trace;
    const bool ok = read_header(doc) && read_model(doc, trace) && read_defines(doc, trace) &&
                    read_property(doc, trace) && read_variables(doc, trace) &&
                    read_strings(doc, "", "processes", trace.processes) &&
                    read_integers(doc, "", "initial", trace.initial) && read_steps(doc, trace) &&
                    read_loop_start(doc, trace);
    if (!ok) {
        return std::nullopt;
    }
    error_ = validate_trace(trace);
    if (!error_.empty()) {
        return std::nullopt;
    }
    return trace;
}

/// nlohmann's message without its "[json.exception.parse_error.101] " prefix and without
/// the "parse error at line L, column C: " that the caller reports as a position.
std::string parse_message(const char* what) {
    std::string text = what;
    const std::size_t end = text.find("] ");
    text = end == std::string::npos ? text : text.substr(end + 2);
    if (text.rfind("parse error at line ", 0) == 0) {
        const std::size_t colon = text.find(": ");
        if (colon != std::string::npos) {
            return text.substr(colon + 2);
        }
    }
    return text;
}

/// Line and column (1-based) of byte `byte` (1-based, as nlohmann counts) of `text`.
TextPosition position_of(std::string_view text, std::size_t byte) {
    const std::size_t pos = std::min(byte == 0 ? 0 : byte - 1, text.size());
    TextPosition at{1, 1};
    for (std::size_t i = 0; i < pos; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else {
            ++at.column;
        }
    }
    return at;
}

} // namespace

std::optional<Trace> trace_from_json(std::string_view text, std::string& error, TextPosition* at) {
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        error = "invalid JSON: " + parse_message(e.what());
        if (at != nullptr) {
            *at = position_of(text, e.byte);
        }
        return std::nullopt;
    } catch (const Json::exception& e) {
        error = "invalid JSON: " + parse_message(e.what());
        return std::nullopt;
    }
    Reader reader;
    std::optional<Trace> trace = reader.read(doc);
    if (!trace) {
        error = reader.error();
    }
    return trace;
}

} // namespace ilv
