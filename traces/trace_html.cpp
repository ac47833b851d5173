#include "traces/trace_html.hpp"

#include "model/invariant.hpp"
#include "traces/trace_validate.hpp"
#include "traces/trace_view.hpp"
#include "traces/viewer_assets.hpp"

#include <initializer_list>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace ilv {

namespace {

using Json = nlohmann::ordered_json;

/// 0 for an unknown location.
std::uint32_t line_of(const SourceRange& where) {
    return where.begin.line;
}

Json variables_json(const Trace& trace) {
    Json out = Json::array();
    for (const TraceVariable& v : trace.variables) {
        Json j{{"name", v.name}, {"kind", slot_kind_name(v.kind)}};
        if (!v.labels.empty()) {
            j["labels"] = v.labels;
        }
        const std::string owner = location_owner(v);
        for (std::size_t p = 0; !owner.empty() && p < trace.processes.size(); ++p) {
            if (trace.processes[p] == owner) {
                j["process"] = p;
            }
        }
        out.push_back(std::move(j));
    }
    return out;
}

Json groups_json(const Trace& trace) {
    Json out = Json::array();
    for (const VariableGroup& g : group_variables(trace.variables)) {
        out.push_back(
            Json{{"name", g.name}, {"first", g.first}, {"count", g.count}, {"array", g.array}});
    }
    return out;
}

/// Each step with its changes as a flat list `[variable, new value, ...]`.
Json steps_json(const Trace& trace) {
    Json out = Json::array();
    for (std::size_t k = 0; k < trace.steps.size(); ++k) {
        const TraceStep& s = trace.steps[k];
        Json changes = Json::array();
        for (const std::size_t i : step_changes(trace, k)) {
            changes.push_back(i);
            changes.push_back(s.state[i]);
        }
        Json j{{"process", s.process},
               {"label", step_label(s)},
               {"action", s.action},
               {"line", line_of(s.where)},
               {"changes", std::move(changes)}};
        if (s.failed) {
            j["failed"] = true;
            j["error"] = s.error;
            j["error_line"] = line_of(s.error_where);
        }
        out.push_back(std::move(j));
    }
    return out;
}

Json extras_json(const ViewExtras& extras) {
    Json parts = Json::array();
    for (const ExplainedPart& p : extras.explanation) {
        parts.push_back(Json{{"expression", p.expression},
                             {"binding", p.binding},
                             {"value", p.value},
                             {"depth", p.depth}});
    }
    return Json{{"source", extras.model_text.empty() ? Json(nullptr) : Json(extras.model_text)},
                {"notes", extras.notes},
                {"explanation", std::move(parts)},
                {"parts_left_out", extras.parts_left_out}};
}

/// `text` with the HTML special characters escaped.
std::string escape_html(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// `page` with each marker replaced by its value. The markers occur in `page` in the order
/// given; inserted values are never searched, so model text cannot fake a marker.
std::string assemble(std::string_view page,
                     std::initializer_list<std::pair<std::string_view, std::string>> parts) {
    std::string out;
    std::size_t pos = 0;
    for (const auto& [marker, value] : parts) {
        const std::size_t at = page.find(marker, pos);
        ILV_ASSERT(at != std::string_view::npos, "the page template holds every marker, in order");
        out.append(page.substr(pos, at - pos)).append(value);
        pos = at + marker.size();
    }
    return out.append(page.substr(pos));
}

} // namespace

std::string trace_view_json(const Trace& trace, const ViewExtras& extras) {
    Json defines = Json::array();
    for (const auto& [name, value] : trace.defines) {
        defines.push_back(Json::array({name, value}));
    }
    const Json data{{"model", {{"name", trace.model_name}, {"path", trace.model_path}}},
                    {"defines", std::move(defines)},
                    {"property",
                     {{"name", trace.property.name},
                      {"kind", trace.property.kind},
                      {"title", property_title(trace.property)},
                      {"message", trace.property.message},
                      {"line", line_of(trace.property.where)}}},
                    {"processes", trace.processes},
                    {"variables", variables_json(trace)},
                    {"groups", groups_json(trace)},
                    {"initial", trace.initial},
                    {"steps", steps_json(trace)},
                    {"loop_start", trace.loop_start ? Json(*trace.loop_start) : Json(nullptr)},
                    {"extras", extras_json(extras)}};
    return data.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string render_trace_html(const Trace& trace, const ViewExtras& extras) {
    std::string data;
    for (const char c : trace_view_json(trace, extras)) {
        // '<' only occurs inside JSON strings; escaping it keeps "</script>" and "<!--" in
        // model text from ending or confusing the script element that holds the data.
        data += c == '<' ? std::string("\\u003c") : std::string(1, c);
    }
    return assemble(viewer_assets::page(),
                    {{"<!--ILV:TITLE-->",
                      escape_html(trace.model_name + ": " + property_title(trace.property))},
                     {"/*ILV:CSS*/", std::string(viewer_assets::css())},
                     {"\"ILV:DATA\"", data},
                     {"/*ILV:JS*/", std::string(viewer_assets::js())}});
}

} // namespace ilv
