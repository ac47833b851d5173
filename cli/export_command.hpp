#pragma once
/// \file
/// `interleave export promela`: the command, separate from argument parsing.

#include "model/compiler.hpp"

#include <string>

namespace ilv::cli {

/// Everything `interleave export promela` was asked to do.
struct ExportOptions {
    std::string model_path;
    Overrides defines;
    std::string output_path; ///< empty: standard output
};

/// Writes the Promela translation of the model; returns the exit code (0, or 2 when the model
/// has errors, uses a construct Promela cannot express, or the output cannot be written).
int run_export_promela(const ExportOptions& options);

} // namespace ilv::cli
