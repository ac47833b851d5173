#include "cli/check_command.hpp"

#include "cli/report.hpp"
#include "explorer/exit_codes.hpp"
#include "explorer/property_observer.hpp"
#include "model/load.hpp"
#include "traces/digest.hpp"
#include "traces/trace_builder.hpp"
#include "traces/trace_json.hpp"

#include <filesystem>
#include <iostream>

namespace ilv::cli {

namespace {

/// The states along the path from the initial state to `id`, as (action, state) pairs.
std::vector<std::pair<ActionId, std::vector<Word>>> path_states(const Explorer& explorer,
                                                               StateId id) {
    std::vector<std::pair<ActionId, std::vector<Word>>> out;
    for (const auto& [action, state] : explorer.path_to(id)) {
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
    Trace t = build_trace(model, initial, path_states(explorer, p.violation->state));
    if (p.violation->failure) {
        append_failed_step(t, model, *p.violation->failure);
    }
    t.model_name = model.name();
    t.model_path = loaded.path;
    t.model_digest = model_digest(loaded.text);
    t.defines = options.defines;
    t.property = TraceProperty{p.name, std::string(kind_name(p.kind)), p.where,
                               p.violation->message};
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
    return written ? report_exit_code(report) : exit_code::internal;
}

} // namespace ilv::cli
