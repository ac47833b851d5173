#pragma once
/// \file
/// The consistency rules of a trace beyond JSON types: counts, value ranges, kinds and the
/// shape each property kind implies. Shared by the reader (a file that breaks them is corrupt)
/// and the writer (never produce such a file).

#include "traces/trace.hpp"

#include <string>
#include <string_view>

namespace ilv {

/// Empty when `trace` is consistent, otherwise the first problem, prefixed with the JSON path
/// of the offending field ("steps[3].state: expected 7 values, found 6").
[[nodiscard]] std::string validate_trace(const Trace& trace);

/// The JSON spelling of a slot kind: "int", "bool", "enum" or "location".
[[nodiscard]] std::string_view slot_kind_name(SlotKind kind);

} // namespace ilv
