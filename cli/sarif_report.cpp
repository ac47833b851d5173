#include "cli/sarif_report.hpp"

#include "explorer/exit_codes.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

namespace ilv::cli {

namespace {

using Json = nlohmann::ordered_json;

Json text(const std::string& s) {
    return Json{{"text", s}};
}

/// A physical location at `where` in `uri`; unknown lines and columns become 1 (SARIF
/// counts from 1).
Json location(const std::string& uri, SourceLoc where) {
    return Json{{"physicalLocation",
                 {{"artifactLocation", {{"uri", uri}}},
                  {"region",
                   {{"startLine", std::max<std::uint32_t>(where.line, 1)},
                    {"startColumn", std::max<std::uint32_t>(where.column, 1)}}}}}};
}

/// Where a property's result is placed: its declaration, else (deadlock, runtime errors) the
/// place where the counterexample ends, else the top of the file.
SourceLoc property_place(const PropertyReport& p) {
    if (p.status.where.begin.line != 0 || !p.trace || p.trace->steps.empty()) {
        return p.status.where.begin;
    }
    const TraceStep& last = p.trace->steps.back();
    return last.failed && last.error_where.begin.line != 0 ? last.error_where.begin
                                                           : last.where.begin;
}

std::string rule_id(const CheckReport& r, const PropertyStatus& s) {
    return r.model_name + "." + s.name;
}

/// The counterexample as a code flow: one thread-flow location per step, in order.
Json code_flow(const std::string& uri, const PropertyReport& p) {
    const Trace& t = *p.trace;
    Json steps = Json::array();
    for (std::size_t i = 0; i < t.steps.size(); ++i) {
        const TraceStep& s = t.steps[i];
        std::string what = "step " + std::to_string(i + 1) + ": " + s.action;
        if (t.loop_start && *t.loop_start == i) {
            what += " (the cycle starts here and repeats forever)";
        }
        if (s.failed) {
            what += " fails: " + s.error;
        }
        Json place = location(uri, s.failed && s.error_where.begin.line != 0 ? s.error_where.begin
                                                                             : s.where.begin);
        place["message"] = text(what);
        steps.push_back(Json{{"location", place}, {"executionOrder", i + 1}});
    }
    return Json{{"message", text("counterexample of " + std::to_string(t.steps.size()) +
                                 " steps (trace " + p.trace_path + ")")},
                {"threadFlows", Json::array({Json{{"locations", steps}}})}};
}

Json violation_result(const ModelRun& run, const PropertyReport& p) {
    const CheckReport& r = *run.report;
    const Violation& v = *p.status.violation;
    const std::string uri = path_uri(run.path);
    std::string message = std::string(kind_name(p.status.kind)) + " '" + p.status.name +
                          "' of model " + r.model_name + " violated after " +
                          std::to_string(v.depth + (v.failure ? 1 : 0)) + " steps: " + v.message;
    message += p.trace_path.empty() ? std::string(" (no trace written)")
                                    : ". Trace: " + p.trace_path +
                                          " (the story: interleave explain " + p.trace_path + ")";
    Json result{{"ruleId", rule_id(r, p.status)},
                {"kind", "fail"},
                {"level", "error"},
                {"message", text(message)},
                {"locations", Json::array({location(uri, property_place(p))})}};
    if (p.trace && !p.trace->steps.empty()) {
        result["codeFlows"] = Json::array({code_flow(uri, p)});
    }
    result["properties"] = Json{{"model", r.model_name}, {"trace", p.trace_path}};
    return result;
}

/// An undecided property: kind `open` (the tool could not tell pass from fail).
Json open_result(const ModelRun& run, const PropertyReport& p) {
    const CheckReport& r = *run.report;
    const std::string why = r.search.outcome == Outcome::Complete
                                ? std::string("the property could not be decided")
                                : "the search ended early (" + outcome_name(r.search.outcome) + ")";
    return Json{{"ruleId", rule_id(r, p.status)},
                {"kind", "open"},
                {"level", "none"},
                {"message", text(std::string(kind_name(p.status.kind)) + " '" + p.status.name +
                                 "' of model " + r.model_name + " is incomplete: " + why)},
                {"locations", Json::array({location(path_uri(run.path), property_place(p))})}};
}

Json diagnostic_result(const ModelRun& run, const Diagnostic& d) {
    return Json{{"ruleId", d.code},
                {"kind", "fail"},
                {"level", d.severity == Severity::Error ? "error" : "warning"},
                {"message", text(d.message)},
                {"locations", Json::array({location(path_uri(run.path), d.range.begin)})}};
}

/// The rules: one per property of each checked model, one per diagnostic code met.
Json rules(const std::vector<ModelRun>& runs) {
    Json out = Json::array();
    std::set<std::string> seen;
    const auto add = [&](const std::string& id, const std::string& name,
                         const std::string& description) {
        if (seen.insert(id).second) {
            out.push_back(
                Json{{"id", id}, {"name", name}, {"shortDescription", text(description)}});
        }
    };
    for (const ModelRun& run : runs) {
        for (const Diagnostic& d : run.diagnostics) {
            add(d.code, d.code, "model error " + d.code + " (see docs/errors.md)");
        }
        if (!run.report) {
            continue;
        }
        for (const PropertyReport& p : run.report->properties) {
            add(rule_id(*run.report, p.status), p.status.name,
                std::string(kind_name(p.status.kind)) + " '" + p.status.name + "' of model " +
                    run.report->model_name);
        }
    }
    return out;
}

Json results(const std::vector<ModelRun>& runs) {
    Json out = Json::array();
    for (const ModelRun& run : runs) {
        for (const Diagnostic& d : run.diagnostics) {
            out.push_back(diagnostic_result(run, d));
        }
        if (!run.report) {
            continue;
        }
        for (const PropertyReport& p : run.report->properties) {
            if (p.status.verdict == Verdict::Violated && p.status.violation) {
                out.push_back(violation_result(run, p));
            } else if (p.status.verdict == Verdict::Incomplete) {
                out.push_back(open_result(run, p));
            }
        }
    }
    return out;
}

bool ended_early(const CheckReport& r) {
    return r.search.outcome != Outcome::Complete && r.search.outcome != Outcome::Stopped;
}

/// A notification for each model that could not be checked or whose search ended early.
Json notifications(const std::vector<ModelRun>& runs) {
    Json out = Json::array();
    for (const ModelRun& run : runs) {
        if (!run.report) {
            out.push_back(Json{{"level", "error"},
                               {"message", text(run.path + ": not checked: " +
                                                run.error.substr(0, run.error.find('\n')))}});
        } else if (ended_early(*run.report)) {
            out.push_back(
                Json{{"level", "warning"},
                     {"message", text(run.path + ": the search ended early (" +
                                      outcome_name(run.report->search.outcome) +
                                      "): the state space was not explored completely")}});
        }
    }
    return out;
}

bool incomplete(const std::vector<ModelRun>& runs) {
    return std::any_of(runs.begin(), runs.end(), [](const ModelRun& run) {
        return run.report &&
               (ended_early(*run.report) ||
                std::any_of(run.report->properties.begin(), run.report->properties.end(),
                            [](const PropertyReport& p) {
                                return p.status.verdict == Verdict::Incomplete;
                            }));
    });
}

} // namespace

std::string path_uri(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
    for (const char c : path) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 0xF];
        }
    }
    return out;
}

std::string render_sarif(const std::vector<ModelRun>& runs) {
    const int worst = worst_exit_code(runs);
    Json invocation{{"executionSuccessful", worst != exit_code::internal}};
    const Json notes = notifications(runs);
    if (!notes.empty()) {
        invocation["toolExecutionNotifications"] = notes;
    }
    Json run{
        {"tool", {{"driver", {{"name", "interleave"}, {"rules", rules(runs)}}}}},
        {"invocations", Json::array({invocation})},
        {"results", results(runs)},
        {"properties",
         {{"result", result_name(worst)}, {"exit_code", worst}, {"incomplete", incomplete(runs)}}}};
    Json log{{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                         "sarif-schema-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Json::array({run})}};
    return log.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

} // namespace ilv::cli
