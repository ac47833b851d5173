#pragma once
/// \file
/// Recursive-descent parser for `.ilv` files (grammar in docs/grammar.md). Reports every
/// syntax error, recovering at `;`, `}` and declaration keywords, and bounds nesting so that
/// hostile input gives a diagnostic instead of a stack overflow.

#include "model/ast.hpp"
#include "model/diagnostics.hpp"

#include <string_view>

namespace ilv {

/// Deepest nesting of expressions and statements accepted (E0105 beyond).
inline constexpr int max_nesting = 256;

/// Parses a whole model; always returns a (possibly partial) tree, errors go to `diags`.
[[nodiscard]] ast::Model parse_model(std::string_view text, Diagnostics& diags);

} // namespace ilv
