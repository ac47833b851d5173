#pragma once
/// \file
/// Semantic checks and code generation: from the syntax tree to a `CompiledModel`.

#include "model/ast.hpp"
#include "model/compiled_model.hpp"
#include "model/diagnostics.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ilv {

/// `-D NAME=VALUE` overrides of `const` declarations, in command-line order.
using Overrides = std::vector<std::pair<std::string, std::int64_t>>;

/// Resolves names, checks types, ranges and constants, and compiles `model`. Reports every
/// error to `diags`; returns null when there was any.
[[nodiscard]] std::unique_ptr<CompiledModel> compile_model(const ast::Model& model,
                                                           const Overrides& overrides,
                                                           Diagnostics& diags);

} // namespace ilv
