#pragma once
/// \file
/// `interleave check` and `interleave replay`: the commands, separate from argument parsing.

#include "explorer/fair_cycles.hpp"
#include "explorer/search.hpp"
#include "model/compiler.hpp"
#include "properties/property_set.hpp"

#include <string>
#include <vector>

namespace ilv::cli {

/// Everything `interleave check` was asked to do.
struct CheckOptions {
    std::string model_path;
    Overrides defines;
    SearchOptions search;
    PropertySelection selection;
    Fairness fairness = Fairness::Weak; ///< for liveness properties (--fairness)
    bool stop_first = false;
    bool json = false;
    bool por = false; ///< --por: partial-order reduction (docs/por.md)
    std::string trace_dir = "interleave-traces";
};

/// Checks one model and prints the summary (text or JSON); returns the exit code.
int run_check(const CheckOptions& options);

/// Replays `trace_path` against `model_path` (empty: the path recorded in the trace).
int run_replay(const std::string& trace_path, const std::string& model_path);

/// Prints the story of a counterexample (plain text or Markdown); returns the exit code.
int run_explain(const std::string& trace_path, bool markdown);

/// Parses `NAME=VALUE` (VALUE an integer, `true` or `false`); false on malformed text.
bool parse_define(const std::string& text, std::pair<std::string, std::int64_t>& out);

/// Parses a size such as `512M`, `4G`, `100000K` or plain bytes; false when malformed.
bool parse_size(const std::string& text, std::uint64_t& bytes);

} // namespace ilv::cli
