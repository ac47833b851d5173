#pragma once
/// \file
/// The `--coverage` part of a check report, as text for the summary and as the JSON
/// `"coverage"` object. Kept apart from report.cpp so the coverage format lives in one place.

#include "explorer/coverage.hpp"

#include <string>

#include <nlohmann/json.hpp>

namespace ilv::cli {

/// The coverage lines of the summary; `partial` (the search was cut short or stopped) is said
/// first, since a step that did not fire in a partial run may still fire in a complete one.
[[nodiscard]] std::string render_coverage_text(const Coverage& c, bool partial);

/// The `"coverage"` object of `--json`: `partial`, `steps` (name, process, step, fired,
/// new_states, failures), `dead_steps` and `unreached_locations` (process -> locations).
[[nodiscard]] nlohmann::ordered_json coverage_json(const Coverage& c, bool partial);

} // namespace ilv::cli
