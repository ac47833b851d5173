#pragma once

/// \file
/// The documented process exit codes of `interleave`, one meaning each, for CI scripts.

namespace ilv::exit_code {
/// Every checked property holds (the search was exhaustive); replay confirmed.
inline constexpr int ok = 0;
/// A property is violated (a trace was written); replay diverged.
inline constexpr int violated = 1;
/// The model, the trace or the command line is wrong (diagnostics were printed), including an
/// output file or trace directory that cannot be written.
inline constexpr int usage = 2;
/// No violation found, but the search was cut short (a limit, or interrupted).
inline constexpr int incomplete = 3;
/// A bug in interleave itself.
inline constexpr int internal = 4;
} // namespace ilv::exit_code
