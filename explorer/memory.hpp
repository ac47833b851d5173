#pragma once
/// \file
/// Process memory as the kernel sees it (Linux `/proc`), for memory limits and statistics.
/// Both functions return 0 where `/proc` is unavailable, so callers degrade to "unknown".

#include <cstdint>

namespace ilv {

/// Resident set size now, in bytes (`/proc/self/statm`, second field × page size).
[[nodiscard]] std::uint64_t current_rss_bytes();

/// Peak resident set size of the process so far, in bytes (`VmHWM` in `/proc/self/status`).
[[nodiscard]] std::uint64_t peak_rss_bytes();

} // namespace ilv
