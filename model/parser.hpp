#pragma once
/// \file
/// The `.ilv` parser: text in, syntax tree and syntax diagnostics out. The grammar and the
/// precedence table are in docs/grammar.md.

#include "model/ast.hpp"
#include "model/diagnostics.hpp"

#include <string_view>

namespace ilv {

/// Parses one model file. Always returns a model, possibly partial: a declaration, process
/// member or statement with a syntax error is left out and parsing resumes at the next `;`, `}`
/// or declaration keyword, so every error of the file is reported to `diags` (codes E0100 to
/// E0107), not only the first. Stops early once `diags.saturated()` or when nesting exceeds
/// 256 levels. Linear in the size of `text`; never throws on any input.
[[nodiscard]] ast::Model parse_model(std::string_view text, Diagnostics& diags);

} // namespace ilv
