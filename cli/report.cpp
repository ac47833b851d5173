#include "cli/report.hpp"

#include "cli/coverage_report.hpp"
#include "cli/number_text.hpp"
#include "explorer/exit_codes.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace ilv::cli {

namespace {

double rate(const SearchStats& s) {
    return s.seconds > 0 ? static_cast<double>(s.states) / s.seconds : 0.0;
}

std::string pad(std::string s, std::size_t width) {
    if (s.size() < width) {
        s.append(width - s.size(), ' ');
    }
    return s;
}

} // namespace

std::string outcome_name(Outcome o) {
    switch (o) {
    case Outcome::Complete:
        return "complete";
    case Outcome::Stopped:
        return "stopped";
    case Outcome::StateLimit:
        return "state_limit";
    case Outcome::DepthLimit:
        return "depth_limit";
    case Outcome::MemoryLimit:
        return "memory_limit";
    case Outcome::Interrupted:
        return "interrupted";
    }
    return "complete";
}

std::string overall_verdict(const CheckReport& r) {
    bool incomplete = false;
    for (const PropertyReport& p : r.properties) {
        if (p.status.verdict == Verdict::Violated) {
            return "violated";
        }
        incomplete = incomplete || p.status.verdict == Verdict::Incomplete;
    }
    return incomplete ? "incomplete" : "holds";
}

int report_exit_code(const CheckReport& r) {
    const std::string v = overall_verdict(r);
    return v == "violated"     ? exit_code::violated
           : v == "incomplete" ? exit_code::incomplete
                               : exit_code::ok;
}

std::string render_summary(const CheckReport& r) {
    std::string out = "model " + r.model_name + " (" + r.model_path + ")";
    for (const auto& [name, value] : r.defines) {
        out += " -D " + name + "=" + std::to_string(value);
    }
    out += '\n';
    std::size_t width = 8;
    for (const PropertyReport& p : r.properties) {
        width = std::max(width, p.status.name.size() + 2);
    }
    for (const PropertyReport& p : r.properties) {
        const PropertyStatus& s = p.status;
        out += "  " + pad(s.name, width) + pad(std::string(kind_name(s.kind)), 11) +
               std::string(verdict_name(s.verdict));
        if (s.violation) {
            const std::size_t steps = s.violation->depth + (s.violation->failure ? 1 : 0);
            out += "  (" + std::to_string(steps) + (steps == 1 ? " step) " : " steps) ") +
                   s.violation->message;
        }
        out += '\n';
        if (!p.trace_path.empty()) {
            out += "  " + std::string(width, ' ') + "trace: " + p.trace_path + '\n';
        }
    }
    const SearchStats& st = r.search.stats;
    out += "states " + std::to_string(st.states) + ", transitions " +
           std::to_string(st.transitions) + ", depth " + std::to_string(st.max_depth) + ", " +
           fixed_text(st.seconds, 2) + " s, " + fixed_text(rate(st), 0) +
           " states/s, peak memory " + mebibytes_text(st.peak_memory_bytes) + '\n';
    if (r.liveness_seconds > 0) {
        out += "liveness passes " + fixed_text(r.liveness_seconds, 2) + " s\n";
    }
    if (!r.por_note.empty()) {
        out += "partial-order reduction " + r.por_note + '\n';
    }
    if (r.search.outcome != Outcome::Complete && r.search.outcome != Outcome::Stopped) {
        out += "search ended early: " + outcome_name(r.search.outcome) +
               " (the state space was not explored completely)\n";
    }
    if (r.coverage) {
        out += render_coverage_text(*r.coverage, r.search.outcome != Outcome::Complete);
    }
    std::string verdict = overall_verdict(r);
    std::transform(verdict.begin(), verdict.end(), verdict.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out += "result: " + verdict + '\n';
    return out;
}

std::string render_json(const CheckReport& r) {
    nlohmann::ordered_json j;
    j["model"] = r.model_name;
    j["path"] = r.model_path;
    j["defines"] = nlohmann::ordered_json::object();
    for (const auto& [name, value] : r.defines) {
        j["defines"][name] = value;
    }
    j["result"] = overall_verdict(r);
    j["outcome"] = outcome_name(r.search.outcome);
    const SearchStats& st = r.search.stats;
    j["states"] = st.states;
    j["transitions"] = st.transitions;
    j["max_depth"] = st.max_depth;
    j["state_bytes"] = r.state_bytes;
    j["properties"] = nlohmann::ordered_json::array();
    for (const PropertyReport& p : r.properties) {
        nlohmann::ordered_json e;
        e["name"] = p.status.name;
        e["kind"] = std::string(kind_name(p.status.kind));
        e["verdict"] = std::string(verdict_name(p.status.verdict));
        e["trace"] = p.trace_path.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(p.trace_path);
        if (p.status.where.begin.line != 0) {
            e["line"] = p.status.where.begin.line;
        }
        if (p.status.violation) {
            e["message"] = p.status.violation->message;
            e["steps"] = p.status.violation->depth + (p.status.violation->failure ? 1U : 0U);
            if (p.status.violation->loop_start) {
                e["loop_start"] = *p.status.violation->loop_start;
            }
        }
        j["properties"].push_back(std::move(e));
    }
    if (r.coverage) {
        j["coverage"] = coverage_json(*r.coverage, r.search.outcome != Outcome::Complete);
    }
    // What measures the machine rather than the model, under one key: everything else is the
    // same on every run of the same model and options.
    j["resources"] = {{"seconds", st.seconds},
                      {"states_per_second", rate(st)},
                      {"liveness_seconds", r.liveness_seconds},
                      {"peak_memory_bytes", st.peak_memory_bytes},
                      {"store_bytes", st.store_bytes}};
    j["por"] = r.por;
    if (!r.por_note.empty()) {
        j["por_note"] = r.por_note;
        j["ample_states"] = st.ample_states;
    }
    return j.dump(2) + '\n';
}

} // namespace ilv::cli
