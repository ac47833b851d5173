#include "cli/check_command.hpp"

#include "cli/por_setup.hpp"
#include "cli/progress.hpp"
#include "cli/report.hpp"
#include "cli/stop_signals.hpp"
#include "explorer/coverage.hpp"
#include "explorer/exit_codes.hpp"
#include "explorer/liveness_check.hpp"
#include "explorer/memory.hpp"
#include "explorer/property_observer.hpp"
#include "model/load.hpp"
#include "traces/digest.hpp"
#include "traces/trace_builder.hpp"
#include "traces/trace_json.hpp"
#include "traces/trace_story.hpp"

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
bool write_traces(const CompiledModel& model, const LoadResult& loaded, const CheckOptions& options,
                  const Explorer& explorer, CheckReport& report) {
    bool ok = true;
    for (PropertyReport& p : report.properties) {
        if (p.status.verdict != Verdict::Violated || !p.status.violation) {
            continue;
        }
        ok = write_property_trace(make_trace(model, loaded, options, explorer, p.status),
                                  options.trace_dir, loaded, model.name(), p) &&
             ok;
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

/// The search options of this run: every edge reported for coverage, progress to `printer`.
SearchOptions run_search_options(const CheckOptions& options, bool coverage,
                                 ProgressPrinter& printer) {
    SearchOptions search = options.search;
    search.report_edges = search.report_edges || coverage;
    attach_progress(search, printer, options.progress_interval, options.quiet);
    return search;
}

/// Says on standard error that a signal stopped the run (the results that follow are partial).
void note_stop_signal() {
    const std::string name = stop_signal_name();
    if (!name.empty()) {
        std::cerr << "interleave: stopped by " << name << "; the results are partial\n";
    }
}

/// The exit code, where `--fail-on-dead-steps` turns a clean complete run with dead steps to 1.
int final_exit_code(const CheckOptions& options, const CheckReport& report) {
    const int code = report_exit_code(report);
    if (code != exit_code::ok || !options.fail_on_dead_steps || !report.coverage ||
        report.coverage->dead_steps().empty()) {
        return code;
    }
    std::cerr << "interleave: --fail-on-dead-steps: " << report.coverage->dead_steps().size()
              << " step(s) never fired\n";
    return exit_code::violated;
}

} // namespace

bool write_property_trace(Trace trace, const std::string& trace_dir, const LoadResult& loaded,
                          const std::string& model_name, PropertyReport& report) {
    const std::filesystem::path file =
        std::filesystem::path(trace_dir) / (model_name + "." + report.status.name + ".trace.json");
    std::string error;
    if (!write_trace_file(file, trace, error)) {
        std::cerr << "interleave: " << error << '\n'; // the error names the file
        return false;
    }
    report.trace_path = file.string();
    report.story = trace_story(trace, StoryOptions{false, loaded.text});
    report.trace = std::move(trace);
    return true;
}

ModelRun check_model(const CheckOptions& options) {
    const LoadResult loaded = load_model_file(options.model_path, options.defines);
    ModelRun run{options.model_path, exit_code::ok, std::nullopt, loaded.diagnostics.all(),
                 loaded.rendered()};
    std::cerr << run.error;
    if (!loaded.model) {
        run.exit_code = exit_code::usage;
        return run;
    }
    run.error.clear();
    const CompiledModel& model = *loaded.model;
    PropertySet properties(model, options.selection);
    for (const std::string& name : properties.unknown()) {
        run.error +=
            "interleave: --property " + name + ": the model has no property '" + name + "'\n";
    }
    if (!properties.unknown().empty()) {
        std::cerr << run.error;
        run.exit_code = exit_code::usage;
        return run;
    }
    const bool coverage = options.coverage || options.fail_on_dead_steps;
    ProgressPrinter progress(std::cerr, stderr_is_terminal());
    PorSetup por = setup_por(model, properties, options.por);
    if (coverage && por.tables) {
        // A reduced graph skips transitions, so it would report live steps as dead.
        por.tables.reset();
        por.note = "off (--coverage counts the steps of the full graph)";
    }
    SearchOptions search = run_search_options(options, coverage, progress);
    search.por = por.tables.get();
    Explorer explorer(model, search);
    PropertyObserver observer(properties, options.stop_first);
    CoverageObserver counter(model, observer);
    CheckReport report;
    report.por = search.por != nullptr;
    report.por_note = por.note;
    report.search = explorer.run(coverage ? static_cast<Observer&>(counter) : observer);
    progress.finish();
    if (report.search.outcome == Outcome::Complete && !properties.open_liveness().empty()) {
        run_liveness(model, explorer, options, properties, report);
    }
    properties.finish(report.search.outcome == Outcome::Complete);
    report.model_name = model.name();
    report.model_path = options.model_path;
    report.defines = options.defines;
    report.state_bytes = model.layout().words() * sizeof(Word);
    for (const PropertyStatus& s : properties.statuses()) {
        report.properties.push_back({s, "", std::nullopt, ""});
    }
    if (coverage) {
        report.coverage = counter.result();
    }
    const bool written = write_traces(model, loaded, options, explorer, report);
    note_stop_signal();
    run.exit_code = written ? final_exit_code(options, report)
                            : exit_code::usage; // e.g. an unwritable --trace-dir
    if (!written) {
        run.error = "interleave: a counterexample could not be written (see the messages above)\n";
    }
    run.report = std::move(report);
    return run;
}

} // namespace ilv::cli
