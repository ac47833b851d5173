#pragma once
/// \file
/// `interleave check` and `interleave replay`: the commands, separate from argument parsing.

#include "cli/model_run.hpp"
#include "explorer/fair_cycles.hpp"
#include "explorer/search.hpp"
#include "model/compiler.hpp"
#include "model/load.hpp"
#include "properties/property_set.hpp"

#include <string>
#include <vector>

namespace ilv::cli {

/// Everything `interleave check` was asked to do.
struct CheckOptions {
    std::vector<std::string> inputs; ///< model files and directories (searched for *.ilv)
    std::string model_path;          ///< the one model check_model checks
    Overrides defines;
    SearchOptions search;
    PropertySelection selection;
    Fairness fairness = Fairness::Weak; ///< for liveness properties (--fairness)
    bool stop_first = false;
    bool json = false;
    bool por = false; ///< --por: partial-order reduction (docs/por.md)
    std::string trace_dir = "interleave-traces";
    std::string junit_path;          ///< --junit: write a JUnit XML report here (empty: none)
    std::string sarif_path;          ///< --sarif: write a SARIF 2.1.0 log here (empty: none)
    bool coverage = false;           ///< count steps and locations (--coverage)
    bool fail_on_dead_steps = false; ///< a dead step in a complete run exits 1 (implies coverage)
    bool quiet = false;              ///< no progress lines on standard error (--quiet)
    double progress_interval = -1;   ///< seconds between progress lines; < 0: by terminal
};

/// Checks every model of `options.inputs`, prints one summary (text or JSON), writes the
/// JUnit and SARIF reports asked for; returns the worst exit code (cli/check_many.cpp).
int run_check(const CheckOptions& options);

/// Checks the model `options.model_path` and writes its traces; prints its diagnostics but
/// no summary.
[[nodiscard]] ModelRun check_model(const CheckOptions& options);

/// Writes `trace`, the counterexample of `report`'s property, to
/// `<trace_dir>/<model>.<property>.trace.json` and records its path, story and trace in
/// `report`; false, with the reason on stderr, when it cannot be written. Shared by the
/// single-process and the distributed check so that both name and report traces alike.
bool write_property_trace(Trace trace, const std::string& trace_dir, const LoadResult& loaded,
                          const std::string& model_name, PropertyReport& report);

/// Replays `trace_path` against `model_path` (empty: the path recorded in the trace).
int run_replay(const std::string& trace_path, const std::string& model_path);

/// Prints the story of a counterexample (plain text or Markdown); returns the exit code.
int run_explain(const std::string& trace_path, bool markdown);

/// Parses `NAME=VALUE` (VALUE an integer, `true` or `false`); false on malformed text.
bool parse_define(const std::string& text, std::pair<std::string, std::int64_t>& out);

/// Parses a size such as `512M`, `4G`, `100000K` or plain bytes; false when malformed.
bool parse_size(const std::string& text, std::uint64_t& bytes);

} // namespace ilv::cli
