#pragma once
/// \file
/// `interleave check --distributed`: the same check spread over the ranks of an MPI job
/// (docs/distributed.md). Without an MPI build (-DILV_MPI=ON) it only explains that.

#include "cli/check_command.hpp"

namespace ilv::cli {

/// Runs `options` as a distributed check on this MPI rank; rank 0 prints the report and
/// writes the traces. Every rank returns the same exit code.
int run_distributed_check(const CheckOptions& options);

} // namespace ilv::cli
