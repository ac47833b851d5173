#pragma once
/// \file
/// `interleave check` on several models: the inputs (files, or directories searched for
/// `*.ilv`) are checked one after the other and reported together, in the summary, `--json`,
/// and the JUnit and SARIF reports. The exit code is the worst of the models' (4 > 2 > 1 >
/// 3 > 0); a model that cannot be checked is reported and the others still run.

#include "cli/model_run.hpp"

#include <string>
#include <vector>

namespace ilv::cli {

/// One model file to check, or an input that names none (an empty or unreadable directory).
struct ModelInput {
    std::string path;
    std::string error; ///< non-empty: nothing to check here, and why
};

/// The model files of `inputs` in order: a file as given, a directory replaced by the
/// `*.ilv` files below it (recursively, sorted by path).
[[nodiscard]] std::vector<ModelInput> expand_inputs(const std::vector<std::string>& inputs);

/// True when the run reports several models: more than one input, or a directory.
[[nodiscard]] bool is_multi_model(const std::vector<std::string>& inputs);

/// The summary of several models: each model's summary, then the totals and the result.
[[nodiscard]] std::string render_many_summary(const std::vector<ModelRun>& runs);

/// The `--json` object of several models:
/// `{"result", "exit_code", "total": {...}, "models": [per-model objects]}`.
[[nodiscard]] std::string render_many_json(const std::vector<ModelRun>& runs);

} // namespace ilv::cli
