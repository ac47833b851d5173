#pragma once
/// \file
/// Clean stops on SIGINT and SIGTERM: the handler only raises an atomic flag, which the search
/// (and the liveness passes) poll; the run then reports what it has and exits 3 (1 when a
/// violation was already found). A second signal ends the process at once (default action).

#include <atomic>
#include <string>

namespace ilv::cli {

/// Installs the SIGINT and SIGTERM handlers; call once, early in `main`.
void install_stop_signals();

/// The flag the handlers raise; pass it as `SearchOptions::interrupt`.
[[nodiscard]] const std::atomic<bool>& stop_requested();

/// "SIGINT" or "SIGTERM" for the signal that raised the flag; empty when none did.
[[nodiscard]] std::string stop_signal_name();

} // namespace ilv::cli
