#pragma once
/// \file
/// A short fingerprint of a model's text, stored in traces so that replay can tell when the
/// model changed since the trace was written. Not cryptographic: it detects edits, not attacks.

#include <string>
#include <string_view>

namespace ilv {

/// 16 lowercase hex digits of the 64-bit FNV-1a hash of `text` (the bytes as given, no
/// normalisation of line endings).
[[nodiscard]] std::string model_digest(std::string_view text);

} // namespace ilv
