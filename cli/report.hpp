#pragma once
/// \file
/// The result of a check run and its two renderings: a summary for people, JSON for machines.

#include "explorer/coverage.hpp"
#include "explorer/search.hpp"
#include "properties/property.hpp"
#include "traces/trace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ilv::cli {

/// One property line of a report.
struct PropertyReport {
    PropertyStatus status;
    std::string trace_path;     ///< empty when no trace was written
    std::optional<Trace> trace; ///< the counterexample written, for the SARIF code flow
    std::string story;          ///< its story as `interleave explain` tells it, for JUnit
};

/// Everything a check run reports.
struct CheckReport {
    std::string model_name;
    std::string model_path;
    std::vector<std::pair<std::string, std::int64_t>> defines;
    SearchResult search;           ///< the search; its peak memory includes the liveness passes
    std::uint64_t state_bytes = 0; ///< packed state size (words x 8)
    double liveness_seconds = 0;   ///< time of the liveness passes after the search (0: none ran)
    std::vector<PropertyReport> properties;
    std::optional<Coverage> coverage; ///< with --coverage: step counts, unreached locations
    bool por = false;                 ///< the search used partial-order reduction
    std::string por_note; ///< --por given: what was reduced or why not (empty without --por)
};

/// "complete", "state_limit", ... for JSON and the summary.
[[nodiscard]] std::string outcome_name(Outcome o);
/// The overall verdict: "violated", "incomplete" or "holds".
[[nodiscard]] std::string overall_verdict(const CheckReport& r);
/// The summary for a person.
[[nodiscard]] std::string render_summary(const CheckReport& r);
/// The JSON object printed by `--json`.
[[nodiscard]] std::string render_json(const CheckReport& r);
/// The exit code for this report (0 holds, 1 violated, 3 incomplete).
[[nodiscard]] int report_exit_code(const CheckReport& r);

} // namespace ilv::cli
