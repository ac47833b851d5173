#pragma once
/// \file
/// The versioned JSON form of a `Trace` (format "interleave-trace", version 1; described field
/// by field in docs/trace-format.md and by traces/trace.schema.json). Source locations keep only
/// their begin line and column, so a trace read back equals the one written when its ranges
/// hold just that (as `build_trace` makes them). Nothing here throws.

#include "traces/trace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ilv {

/// The format version this build writes and the only one it reads.
inline constexpr int trace_format_version = 1;

/// The trace as pretty JSON (2-space indent, one line per state, fields in a fixed order,
/// ending in a newline): the same trace always gives the same bytes, so traces can be diffed.
[[nodiscard]] std::string trace_to_json(const Trace& trace);

/// Where a JSON syntax error lies in a trace file (1-based; line 0: not a syntax error).
struct TextPosition {
    std::size_t line = 0;
    std::size_t column = 0;
};

/// Parses and validates `text`. On failure returns nothing and sets `error` to one line
/// naming the offending field ("steps[3].state: expected 7 values, found 6") or the JSON
/// syntax error ("invalid JSON: syntax error while parsing ..."), whose place goes to `at`
/// when given. Garbage of any kind yields an error, never a crash.
[[nodiscard]] std::optional<Trace> trace_from_json(std::string_view text, std::string& error,
                                                   TextPosition* at = nullptr);

/// Writes `trace` to `path` atomically: the JSON goes to a temporary file in the same
/// directory (created if missing), which is then renamed over `path`, so readers never see a
/// partial trace. Refuses a trace that `validate_trace` rejects. False with `error` set on
/// failure, in which case no temporary file is left behind.
[[nodiscard]] bool write_trace_file(const std::filesystem::path& path, const Trace& trace,
                                    std::string& error);

/// Reads and validates the trace at `path`; on failure `error` says why, without the path,
/// and `at` (when given) receives the place of a JSON syntax error. Print the failure with
/// `trace_error_line`.
[[nodiscard]] std::optional<Trace> read_trace_file(const std::filesystem::path& path,
                                                   std::string& error, TextPosition* at = nullptr);

/// The diagnostic for a trace that could not be read: `PATH: error: ERROR`, or
/// `PATH:LINE:COL: error: ERROR` for a syntax error, so that editors can jump to it.
[[nodiscard]] std::string trace_error_line(const std::string& path, const std::string& error,
                                           const TextPosition& at);

} // namespace ilv
