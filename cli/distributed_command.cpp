#include "cli/distributed_command.hpp"

#include "explorer/exit_codes.hpp"

#include <iostream>

#ifdef ILV_HAVE_MPI
#include "cli/report.hpp"
#include "distributed/check.hpp"
#include "distributed/comm.hpp"
#include "model/load.hpp"
#include "traces/digest.hpp"
#include "traces/trace_builder.hpp"
#include "traces/trace_json.hpp"

#include <sstream>

#include <nlohmann/json.hpp>
#endif

namespace ilv::cli {

#ifndef ILV_HAVE_MPI

int run_distributed_check(const CheckOptions& /*options*/) {
    std::cerr << "interleave: --distributed: this interleave was built without MPI; rebuild "
                 "with -DILV_MPI=ON (docs/distributed.md)\n";
    return exit_code::usage;
}

#else

namespace {

/// Why these options cannot run distributed; empty when they can.
std::string option_refusal(const CheckOptions& o) {
    if (o.search.threads > 1) {
        return "--distributed cannot be combined with --threads: every rank expands with one "
               "thread; start more ranks instead (mpirun -np K)";
    }
    if (o.search.order != SearchOrder::Bfs) {
        return "--distributed searches breadth-first only; drop --search dfs";
    }
    if (o.inputs.size() != 1) {
        return "--distributed checks one model file per run";
    }
    if (o.por || o.coverage || o.fail_on_dead_steps || !o.junit_path.empty() ||
        !o.sarif_path.empty()) {
        return "--distributed does not support --por, --coverage, --fail-on-dead-steps, --junit "
               "or --sarif yet; run those checks in one process";
    }
    return "";
}

/// The refusal for selected liveness properties, naming them; empty when there are none.
std::string liveness_refusal(const CompiledModel& model, const PropertySet& properties) {
    std::string names;
    for (const std::size_t k : properties.open_liveness()) {
        names += (names.empty() ? "" : ", ") + model.liveness()[k].name;
    }
    if (names.empty()) {
        return "";
    }
    return "--distributed checks safety properties only and cannot check the liveness "
           "properties " +
           names + "; run without --distributed, or select safety properties with --property";
}

/// The counterexample of violated property `p`, reached along `path`.
Trace make_trace(const CompiledModel& model, const LoadResult& loaded, const CheckOptions& o,
                 const PropertyStatus& p, const dist::StatePath& path) {
    std::vector<Word> initial(model.layout().words(), 0);
    model.initial(initial);
    Trace t = build_trace(model, initial, path);
    if (p.violation->failure) {
        append_failed_step(t, model, *p.violation->failure);
    }
    t.model_name = model.name();
    t.model_path = loaded.path;
    t.model_digest = model_digest(loaded.text);
    t.defines = o.defines;
    t.property =
        TraceProperty{p.name, std::string(kind_name(p.kind)), p.where, p.violation->message, ""};
    return t;
}

/// Writes the trace of every violated property (rank 0); fills the report's trace paths.
bool write_traces(const CompiledModel& model, const LoadResult& loaded, const CheckOptions& o,
                  const dist::DistributedCheck& result, CheckReport& report) {
    bool ok = true;
    for (std::size_t p = 0; p < report.properties.size(); ++p) {
        PropertyReport& r = report.properties[p];
        if (r.status.verdict != Verdict::Violated || !r.status.violation) {
            continue;
        }
        ok = write_property_trace(make_trace(model, loaded, o, r.status, result.paths[p]),
                                  o.trace_dir, loaded, model.name(), r) &&
             ok;
    }
    return ok;
}

/// The report of `--json` or the summary, with the distribution counters added.
std::string render(const CheckReport& report, const dist::DistributedStats& s, bool json) {
    const double states = static_cast<double>(std::max<std::uint64_t>(s.search.states, 1));
    if (json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::parse(render_json(report));
        j["distributed"] = {{"ranks", s.states_per_rank.size()},
                            {"states_per_rank", s.states_per_rank},
                            {"remote_successors", s.exchanged.records},
                            {"messages", s.exchanged.messages},
                            {"bytes_exchanged", s.exchanged.bytes},
                            {"bytes_per_state", static_cast<double>(s.exchanged.bytes) / states}};
        return j.dump(2) + '\n';
    }
    std::ostringstream line;
    line << "distributed over " << s.states_per_rank.size() << " ranks: states per rank";
    for (const std::uint64_t n : s.states_per_rank) {
        line << ' ' << n;
    }
    line << "; " << s.exchanged.bytes << " bytes in " << s.exchanged.messages << " messages ("
         << static_cast<double>(s.exchanged.bytes) / states << " per state)\n";
    return render_summary(report) + line.str();
}

/// The check proper, once MPI runs; `err` is std::cerr on rank 0 and a sink elsewhere.
int check(const CheckOptions& o, const dist::Session& session, std::ostream& err) {
    if (const std::string why = option_refusal(o); !why.empty()) {
        err << "interleave: " << why << '\n';
        return exit_code::usage;
    }
    const LoadResult loaded = load_model_file(o.inputs.front(), o.defines);
    err << loaded.rendered();
    if (!loaded.model) {
        return exit_code::usage;
    }
    const CompiledModel& model = *loaded.model;
    PropertySet properties(model, o.selection);
    for (const std::string& name : properties.unknown()) {
        err << "interleave: --property " << name << ": the model has no property '" << name
            << "'\n";
    }
    const std::string why = liveness_refusal(model, properties);
    if (!why.empty()) {
        err << "interleave: " << why << '\n';
    }
    if (!properties.unknown().empty() || !why.empty()) {
        return exit_code::usage;
    }
    const dist::DistributedOptions options{o.search.max_states, o.search.max_depth,
                                           o.search.memory_limit_bytes, o.stop_first,
                                           o.search.interrupt};
    const dist::DistributedCheck result =
        dist::check_distributed(model, properties, options, session.rank(), session.ranks());
    CheckReport report;
    report.search = result.search;
    report.model_name = model.name();
    report.model_path = o.inputs.front();
    report.defines = o.defines;
    report.state_bytes = model.layout().words() * sizeof(Word);
    for (const PropertyStatus& s : result.properties) {
        report.properties.push_back({s, "", std::nullopt, ""});
    }
    if (session.rank() != 0) {
        return report_exit_code(report);
    }
    const bool written = write_traces(model, loaded, o, result, report);
    std::cout << render(report, result.stats, o.json);
    return written ? report_exit_code(report) : exit_code::internal;
}

} // namespace

int run_distributed_check(const CheckOptions& options) {
    const dist::Session session;
    std::ostringstream discarded;
    return check(options, session, session.rank() == 0 ? std::cerr : discarded);
}

#endif

} // namespace ilv::cli
