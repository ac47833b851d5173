#pragma once
/// \file
/// Peephole optimisation of compiled code, run once per guard, effect and property when the
/// compiler finishes it. It folds constants (a process's own index and `const` values are
/// pushed as constants, so guards such as `c >= FIRST_UDEV && c < FIRST_ADMIN` become a single
/// constant), drops the checks a constant operand already passes, removes unreachable code and
/// jumps to the next instruction, and fuses "load a slot, compare with a constant" into one
/// instruction. Whatever can fail at run time (overflow, division by zero, an index or range
/// check that a constant fails) is left in place, so the same errors are reported.

#include "model/bytecode.hpp"

namespace ilv {

/// Rewrites `code` into equivalent, shorter code; `tables` gives the range checks.
void optimize(Code& code, const CodeTables& tables);

/// True when `code` is the single instruction `push K`; `value` receives K.
[[nodiscard]] bool is_constant(const Code& code, std::int64_t& value) noexcept;

} // namespace ilv
