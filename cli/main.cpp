// The `interleave` executable: argument parsing and dispatch only.
#include "cli/check_command.hpp"
#include "cli/distributed_command.hpp"
#include "cli/export_command.hpp"
#include "cli/stop_signals.hpp"
#include "cli/view_command.hpp"
#include "explorer/exit_codes.hpp"

#include <exception>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace {

/// `check --distributed`: run on the ranks of an MPI job (cli/distributed_command.hpp).
bool distributed = false;

const char* const check_help = R"(Explore every interleaving of MODEL and check its properties.

Properties: every `invariant`, every `assert`, runtime errors (out-of-range value, index out
of bounds, division by zero: property `runtime_error`), `deadlock`, and every `liveness`
property (`finitely often STEP`, `P leadsto Q`), under weak fairness per process unless
`--fairness none`. Each violated property gets a counterexample in
TRACE_DIR/<model>.<property>.trace.json: a shortest path (breadth-first search) for safety, a
lasso (a prefix and a cycle that repeats forever) for liveness.

Exit codes: 0 all hold, 1 a property is violated, 2 model or usage error,
3 incomplete (a limit was hit or the run was interrupted), 4 internal error.
With several models (files or directories), each is checked and reported, and the exit code
is the worst of them: 4, then 2, 1, 3, 0.

Stopping: SIGINT (Ctrl-C) or SIGTERM stops the search cleanly: the statistics so far and the
verdicts (incomplete where unknown) are printed, finished traces are written, and the exit code
is 3, or 1 if a violation was already found. A second signal ends the process at once.
--memory-limit stops the same way (outcome memory_limit) before memory runs out.

Progress: on a terminal one line on stderr is rewritten in place (every 0.5 s); otherwise a
line is printed every 5 s. --quiet silences it; stdout, --json and traces never change.

Coverage: --coverage adds how often each step fired, how many new states it produced, the
steps that never fired (dead) and the locations never reached; partial when the search was
cut short. --fail-on-dead-steps exits 1 when a complete, otherwise clean run has a dead step.

Examples:
  interleave check specs/examples/peterson.ilv
  interleave check specs/examples/philosophers.ilv -D N=4 --json
  interleave check model.ilv --max-states 1000000 --memory-limit 4G --stop-first
  interleave check specs/examples/polite.ilv --fairness none
  interleave check specs/ --json --junit report.xml --sarif report.sarif
  interleave check specs/examples/peterson.ilv --coverage --fail-on-dead-steps
  interleave check bench/models/filter_lock.ilv -D N=6 --progress-interval 1 2>progress.log)";

/// The options of `check` about the run itself: coverage, progress.
void add_run_flags(CLI::App& check, ilv::cli::CheckOptions& o) {
    check.add_flag("--coverage", o.coverage,
                   "report how often each step fired, the new states it produced, dead steps "
                   "and unreached locations (summary and JSON \"coverage\")");
    check.add_flag("--fail-on-dead-steps", o.fail_on_dead_steps,
                   "exit 1 when a step never fires in a complete run (implies --coverage)");
    check.add_flag("-q,--quiet", o.quiet, "no progress lines on stderr");
    check
        .add_option("--progress-interval", o.progress_interval,
                    "seconds between progress lines on stderr (default 0.5 on a terminal, "
                    "else 5)")
        ->check(CLI::Range(0.0, 86400.0));
}

/// Rejects "-1" for an unsigned option, which CLI11 would otherwise wrap to 2^64 - 1.
const CLI::Validator not_negative(
    [](const std::string& text) {
        return text.empty() || text[0] != '-' ? std::string() : std::string("must not be negative");
    },
    "");

void add_check(CLI::App& app, ilv::cli::CheckOptions& o, std::vector<std::string>& defines,
               std::string& order, std::string& memory, std::string& fairness) {
    CLI::App* check = app.add_subcommand("check", "check a model's properties");
    check->footer(check_help);
    check->add_option("MODEL", o.inputs, "model files, or directories searched for *.ilv")
        ->required();
    check->add_option("-D,--define", defines,
                      "override a const: -D OPENERS=3 (repeatable; true/false allowed)");
    check->add_option("--search", order, "search order: bfs (default, shortest traces) or dfs")
        ->check(CLI::IsMember({"bfs", "dfs"}));
    check
        ->add_option("--max-states", o.search.max_states,
                     "stop after storing this many states (verdict incomplete; 0, the default: "
                     "no limit)")
        ->check(not_negative);
    check->add_option("--max-depth", o.search.max_depth,
                      "do not expand states this many steps deep (verdict incomplete if cut; 0, "
                      "the default: no limit)");
    check->add_option("--memory-limit", memory,
                      "stop cleanly before using this much memory, e.g. 512M or 4G");
    check
        ->add_option("--fairness", fairness,
                     "liveness: weak (default: a process enabled all along a cycle must step "
                     "in it) or none (every cycle counts)")
        ->check(CLI::IsMember({"weak", "none"}));
    check
        ->add_option("--threads", o.search.threads,
                     "threads that search (breadth-first search; default 1): they generate "
                     "successors and look them up in a state store split between them. Results, "
                     "counterexamples and state ids are the same for any number")
        ->check(CLI::Range(1U, 256U));
    check->add_flag("--por", o.por,
                    "partial-order reduction: explore one process's independent steps alone "
                    "where that changes no verdict (docs/por.md); off for liveness");
    check->add_flag("--stop-first", o.stop_first, "stop at the first violation");
    check->add_option("--property", o.selection.only,
                      "check only this property (repeatable); others are not_checked");
    check->add_flag(
        "--no-deadlock", [&o](std::int64_t) { o.selection.deadlock = false; },
        "do not report deadlocks");
    check->add_option("--trace-dir", o.trace_dir,
                      "where counterexamples go (default interleave-traces/)");
    check->add_flag("--json", o.json, "print one JSON object on stdout instead of the summary");
    check->add_option("--junit", o.junit_path, "also write a JUnit XML report here (docs/ci.md)");
    check->add_option("--sarif", o.sarif_path, "also write a SARIF 2.1.0 log here (docs/ci.md)");
    add_run_flags(*check, o);
    check->add_flag("--distributed", distributed,
                    "spread the search over the ranks of an MPI job: mpirun -np 4 interleave "
                    "check MODEL --distributed (safety properties only; docs/distributed.md)");
}

int finish_check(ilv::cli::CheckOptions& o, const std::vector<std::string>& defines,
                 const std::string& order, const std::string& memory, const std::string& fairness) {
    for (const std::string& d : defines) {
        std::pair<std::string, std::int64_t> parsed;
        if (!ilv::cli::parse_define(d, parsed)) {
            std::cerr << "interleave: -D " << d << ": expected NAME=INTEGER [E0602]\n";
            return ilv::exit_code::usage;
        }
        o.defines.push_back(parsed);
    }
    if (!memory.empty() && !ilv::cli::parse_size(memory, o.search.memory_limit_bytes)) {
        std::cerr << "interleave: --memory-limit " << memory
                  << ": expected a size like 512M or 4G\n";
        return ilv::exit_code::usage;
    }
    o.search.order = order == "dfs" ? ilv::SearchOrder::Dfs : ilv::SearchOrder::Bfs;
    o.fairness = fairness == "none" ? ilv::Fairness::None : ilv::Fairness::Weak;
    o.search.interrupt = &ilv::cli::stop_requested();
    return distributed ? ilv::cli::run_distributed_check(o) : ilv::cli::run_check(o);
}

const char* const export_help =
    R"(Write MODEL as Promela for SPIN (docs/promela.md): one active proctype per process
family, one d_step per step and parameter value. SPIN's "states, stored" (pan -E, compiled
with -DNOREDUCE) equals the state count of `interleave check` with the same -D values.
Constructs Promela cannot express are errors (E0701, exit 2).

Examples:
  interleave export promela specs/examples/peterson.ilv -o peterson.pml
  interleave export promela specs/examples/philosophers.ilv -D N=4 | spin -a -)";

/// `interleave export promela MODEL [-D ...] [-o OUT]`.
CLI::App* add_export(CLI::App& app, ilv::cli::ExportOptions& o, std::vector<std::string>& defines) {
    CLI::App* exp = app.add_subcommand("export", "translate a model for another tool");
    exp->require_subcommand(1);
    CLI::App* promela = exp->add_subcommand("promela", "write the model as Promela for SPIN");
    promela->footer(export_help);
    promela->add_option("MODEL", o.model_path, "the .ilv model file")->required();
    promela->add_option("-D,--define", defines, "override a const before translating: -D N=3");
    promela->add_option("-o,--output", o.output_path, "write here instead of standard output");
    return exp;
}

/// Parses the -D values of `export promela` and runs it.
int finish_export(ilv::cli::ExportOptions& o, const std::vector<std::string>& defines) {
    for (const std::string& d : defines) {
        std::pair<std::string, std::int64_t> parsed;
        if (!ilv::cli::parse_define(d, parsed)) {
            std::cerr << "interleave: -D " << d << ": expected NAME=INTEGER [E0602]\n";
            return ilv::exit_code::usage;
        }
        o.defines.push_back(parsed);
    }
    return ilv::cli::run_export_promela(o);
}

/// The message for a first argument that names no command (`interleave frob`, or a model
/// given without `check`); nothing when the first argument is a command or an option.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-' || argv[1][0] == '\0') {
        return std::nullopt;
    }
    const std::string word = argv[1];
    std::string names;
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_name() == word) {
            return std::nullopt;
        }
        names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    std::string out = "interleave: unknown command '" + word + "' (commands: " + names + ")\n";
    if (word.size() > 4 && word.compare(word.size() - 4, 4, ".ilv") == 0) {
        out += "interleave: to check a model, run: interleave check " + word + "\n";
    }
    return out + "Run with --help for more information.\n";
}

int run(int argc, char** argv) {
    CLI::App app{"interleave: an exhaustive interleaving explorer (explicit-state model checker)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "interleave 0.1.0");
    ilv::cli::CheckOptions check_options;
    std::vector<std::string> defines;
    std::string order = "bfs";
    std::string memory;
    std::string fairness = "weak";
    add_check(app, check_options, defines, order, memory, fairness);
    CLI::App* replay = app.add_subcommand(
        "replay", "re-execute a counterexample and confirm its violation (exit 0), or say where "
                  "it diverges (exit 1)");
    std::string trace_path;
    std::string model_path;
    replay->add_option("TRACE", trace_path, "a .trace.json file written by check")->required();
    replay->add_option("MODEL", model_path, "the model (default: the path in the trace)");
    CLI::App* explain = app.add_subcommand(
        "explain", "tell a counterexample as a short story: who did what, in order, and why it "
                   "fails (step descriptions come from the model's comments)");
    std::string explain_trace;
    bool markdown = false;
    explain->add_option("TRACE", explain_trace, "a .trace.json file written by check")->required();
    explain->add_flag("--markdown", markdown, "write Markdown (for reports)");
    ilv::cli::ViewOptions view_options;
    ilv::cli::add_view_command(app, view_options);
    ilv::cli::GraphOptions graph_options;
    ilv::cli::add_graph_command(app, graph_options);
    ilv::cli::ExportOptions export_options;
    std::vector<std::string> export_defines;
    const CLI::App* exp = add_export(app, export_options, export_defines);
    if (const std::optional<std::string> unknown = unknown_command(app, argc, argv)) {
        std::cerr << *unknown;
        return ilv::exit_code::usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? ilv::exit_code::ok : ilv::exit_code::usage;
    }
    if (app.got_subcommand("explain")) {
        return ilv::cli::run_explain(explain_trace, markdown);
    }
    if (app.got_subcommand("replay")) {
        return ilv::cli::run_replay(trace_path, model_path);
    }
    if (exp->parsed()) {
        return finish_export(export_options, export_defines);
    }
    if (app.got_subcommand("view")) {
        return ilv::cli::run_view(view_options);
    }
    if (app.got_subcommand("graph")) {
        return ilv::cli::run_graph(graph_options);
    }
    return finish_check(check_options, defines, order, memory, fairness);
}

} // namespace

int main(int argc, char** argv) {
    ilv::cli::install_stop_signals();
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "interleave: internal error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "interleave: internal error\n";
    }
    return ilv::exit_code::internal;
}
