#pragma once
/// \file
/// `check --junit FILE`: the run as JUnit XML, which CI servers show as a test report. One
/// testsuite per model (named after it), one testcase per property (classname the model, name
/// the property): a violation is a `failure` naming the trace file and opening the story of
/// `interleave explain`; an undecided or unselected property is `skipped` with the reason; a
/// model that could not be checked is one testcase with an `error` holding its diagnostics.
/// Only the `time` attributes vary between runs of the same model and options.

#include "cli/model_run.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace ilv::cli {

/// Lines of the story kept in a JUnit failure before the rest is left to `interleave explain`.
inline constexpr std::size_t junit_story_lines = 12;

/// The first `head` lines of `story`, then, when lines were left out, a line saying how many
/// and the story's last line (its conclusion: what went wrong).
[[nodiscard]] std::string story_excerpt(const std::string& story, std::size_t head);

/// The whole JUnit XML document for `runs`, in their order.
[[nodiscard]] std::string render_junit(const std::vector<ModelRun>& runs);

} // namespace ilv::cli
