#pragma once
/// \file
/// One model of an `interleave check` run as the reports need it: the check's report, or why
/// the model could not be checked, and the exit code it contributes.

#include "cli/report.hpp"
#include "model/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ilv::cli {

/// One model checked (or not) in a run of `interleave check`.
struct ModelRun {
    std::string path;                    ///< the file, as given or as found in a directory
    int exit_code = 0;                   ///< this model's own exit code (0 to 4)
    std::optional<CheckReport> report;   ///< absent when the model could not be checked
    std::vector<Diagnostic> diagnostics; ///< front-end errors and warnings, in order
    std::string error;                   ///< absent report: everything printed about why
};

/// How bad an exit code is for a run of several models: 4 > 2 > 1 > 3 > 0.
[[nodiscard]] int exit_code_rank(int code) noexcept;

/// The worst exit code of `runs` by exit_code_rank; 0 for none.
[[nodiscard]] int worst_exit_code(const std::vector<ModelRun>& runs) noexcept;

/// The name of a run's result for an exit code: "holds", "violated", "error", "incomplete",
/// "internal_error".
[[nodiscard]] std::string result_name(int code);

} // namespace ilv::cli
