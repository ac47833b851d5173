#include "cli/check_command.hpp"

#include "cli/report.hpp"
#include "explorer/exit_codes.hpp"
#include "explorer/liveness_check.hpp"
#include "explorer/memory.hpp"
#include "explorer/property_observer.hpp"
#include "model/load.hpp"
#include "traces/digest.hpp"
#include "traces/trace_builder.hpp"
#include "traces/trace_json.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>

namespace ilv::cli {

namespace {

/// The states along `path` (stored ids), as (action, state) pairs.
TracePath path_states(const Explorer& explorer,
                      const std::vector<std::pair<ActionId, StateId>>& path) {
    TracePath out;
    for (const auto& [action, state] : path) {
        const ConstStateView s = explorer.state(state);
        out.emplace_back(action, std::vector<Word>(s.begin(), s.end()));
    }
    return out;
}

/// Builds the counterexample of one violated property.
Trace make_trace(const CompiledModel& model, const LoadResult& loaded, const CheckOptions& options,
                 const Explorer& explorer, const PropertyStatus& p) {
    std::vector<Word> initial(model.layout().words(), 0);
    model.initial(initial);
    const Violation& v = *p.violation;
    Trace t = build_trace(
        model, initial, path_states(explorer, v.loop_start ? v.lasso : explorer.path_to(v.state)));
    if (v.failure) {
        append_failed_step(t, model, *v.failure);
    }
    t.loop_start = v.loop_start;
    t.model_name = model.name();
    t.model_path = loaded.path;
    t.model_digest = model_digest(loaded.text);
    t.defines = options.defines;
    t.property = TraceProperty{p.name, std::string(kind_name(p.kind)), p.where, v.message,
                               !v.loop_start                        ? ""
                               : options.fairness == Fairness::Weak ? "weak"
                                                                    : "none"};
    return t;
}

/// Writes one trace per violated property; fills the report's trace paths.
bool write_traces(const CompiledModel& model, const LoadResult& loaded,
                  const CheckOptions& options, const Explorer& explorer, CheckReport& report) {
    bool ok = true;
    for (PropertyReport& p : report.properties) {
        if (p.status.verdict != Verdict::Violated || !p.status.violation) {
            continue;
        }
        const Trace t = make_trace(model, loaded, options, explorer, p.status);
        const std::filesystem::path file = std::filesystem::path(options.trace_dir) /
                                           (model.name() + "." + p.status.name + ".trace.json");
        std::string error;
        if (!write_trace_file(file, t, error)) {
            std::cerr << "interleave: cannot write " << file.string() << ": " << error << '\n';
            ok = false;
            continue;
        }
        p.trace_path = file.string();
    }
    return ok;
}

/// Decides the liveness properties after a complete search; adds its time and peak memory.
void run_liveness(const CompiledModel& model, const Explorer& explorer, const CheckOptions& options,
                  PropertySet& properties, CheckReport& report) {
    const auto started = std::chrono::steady_clock::now();
    const LivenessOptions liveness{
        options.fairness, options.stop_first,
        CycleLimits{options.search.interrupt, options.search.memory_limit_bytes}};
    for (const std::string& warning : check_liveness(model, explorer, properties, liveness)) {
        std::cerr << "interleave: " << warning << '\n';
    }
    report.liveness_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.search.stats.peak_memory_bytes = peak_rss_bytes();
}

} // namespace

int run_check(const CheckOptions& options) {
    const LoadResult loaded = load_model_file(options.model_path, options.defines);
    std::cerr << loaded.rendered();
    if (!loaded.model) {
        return exit_code::usage;
    }
    const CompiledModel& model = *loaded.model;
    PropertySet properties(model, options.selection);
    for (const std::string& name : properties.unknown()) {
        std::cerr << "interleave: --property " << name << ": the model has no property '" << name
                  << "'\n";
    }
    if (!properties.unknown().empty()) {
        return exit_code::usage;
    }
    Explorer explorer(model, options.search);
    PropertyObserver observer(properties, options.stop_first);
    CheckReport report;
    report.search = explorer.run(observer);
    if (report.search.outcome == Outcome::Complete && !properties.open_liveness().empty()) {
        run_liveness(model, explorer, options, properties, report);
    }
    properties.finish(report.search.outcome == Outcome::Complete);
    report.model_name = model.name();
    report.model_path = options.model_path;
    report.defines = options.defines;
    report.state_bytes = model.layout().words() * sizeof(Word);
    for (const PropertyStatus& s : properties.statuses()) {
        report.properties.push_back({s, ""});
    }
    const bool written = write_traces(model, loaded, options, explorer, report);
    std::cout << (options.json ? render_json(report) : render_summary(report));
    return written ? report_exit_code(report) : exit_code::usage; // an unwritable --trace-dir
}

} // namespace ilv::cli
