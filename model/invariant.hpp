#pragma once
/// \file
/// Internal-bug checks. User errors become diagnostics or violations, never these.

#include <cstdio>
#include <cstdlib>

namespace ilv::detail {
/// Prints where and why an internal invariant broke, then aborts (exit through SIGABRT).
[[noreturn]] inline void invariant_failed(const char* file, int line, const char* what,
                                          const char* reason) {
    std::fprintf(stderr, "%s:%d: internal error: %s (%s)\n", file, line, reason, what);
    std::abort();
}
} // namespace ilv::detail

/// Checks a programmer invariant; aborts with file, line and reason when it fails.
#define ILV_ASSERT(cond, reason)                                                            \
    ((cond) ? static_cast<void>(0)                                                          \
            : ::ilv::detail::invariant_failed(__FILE__, __LINE__, #cond, reason))

/// Marks code that must never run.
#define ILV_UNREACHABLE(reason) ::ilv::detail::invariant_failed(__FILE__, __LINE__, "unreachable", reason)
