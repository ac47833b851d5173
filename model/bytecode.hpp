#pragma once
/// \file
/// Compiled guards, effects and property expressions: a flat stack bytecode over slot
/// offsets, so that successor generation does no name lookup and no allocation. Every check
/// the language promises (ranges, bounds, division by zero, overflow, asserts) happens here
/// and turns into an `EvalError`, never into wrapped or truncated values.

#include "model/source_location.hpp"
#include "model/state.hpp"
#include "model/state_layout.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ilv {

/// One operation. Operands: `a` (slot, frame index, jump target, length), `imm` (constant).
enum class Op : std::uint8_t {
    Push,       ///< push imm
    Load,       ///< push state[slot a]
    LoadDyn,    ///< pop offset; push state[slot a + offset]
    Store,      ///< pop v; range-check for slot a; state[a] = v
    StoreDyn,   ///< pop v, pop offset; range-check; state[a + offset] = v
    LoadFrame,  ///< push frame[a]
    StoreFrame, ///< pop v; frame[a] = v
    CheckIndex, ///< peek i; error unless 0 <= i < a (names table entry imm)
    CheckRange, ///< peek v; error unless lo <= v <= hi (range table entry a)
    MulImm,     ///< top *= imm (offset scaling, cannot overflow: bounded by layout)
    AddImm,     ///< top += imm
    Not,
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    Jump,        ///< pc = a
    JumpIfFalse, ///< pop c; if !c pc = a
    JumpIfTrue,  ///< pop c; if c pc = a
    Pop,         ///< drop top
    Assert,      ///< pop c; if !c fail with assert a
    CmpImm,      ///< top = top <cmp> imm (made by the optimiser; cmp is Lt..Ne)
    LoadCmpImm,  ///< push state[slot a] <cmp> imm (made by the optimiser)
};

/// `x op y` for a binary operator (Add..Ne) into `r`; false when it fails at run time
/// (overflow, division or modulo by zero). Shared by the evaluator and the optimiser.
[[nodiscard]] bool apply_binary(Op op, std::int64_t x, std::int64_t y, std::int64_t& r) noexcept;

/// One instruction with its operands and the source range it reports errors at.
struct Instr {
    Op op = Op::Push;
    Op cmp = Op::Eq; ///< CmpImm and LoadCmpImm: the comparison
    std::uint32_t a = 0;
    std::int64_t imm = 0;
    std::uint32_t where = 0; ///< index into Code::ranges
};

/// A named value range used by CheckRange (function and step arguments).
struct RangeCheck {
    std::int64_t lower = 0;
    std::int64_t upper = 0;
    std::string what; ///< "parameter 'n' of 'bump'"
};

/// A compiled expression or statement block.
struct Code {
    std::vector<Instr> instrs;
    std::vector<SourceRange> ranges;
    std::uint32_t stack_size = 0; ///< deepest operand stack the code can reach
    std::uint32_t frame_size = 0; ///< frame slots used (parameters, loop and bound variables)
};

/// Tables shared by all code of one model: assert messages, index-check names, range checks.
struct CodeTables {
    std::vector<std::string> assert_messages; ///< by assert id
    std::vector<std::string> index_names;     ///< "array 'reg'", "process family 'opener'"
    std::vector<RangeCheck> range_checks;
};

/// What went wrong while running code (only built on the error path).
struct EvalError {
    bool is_assert = false;
    std::uint32_t assert_id = 0;
    std::string message;
    SourceRange where;
};

/// Runs compiled code over states. Stateless apart from scratch space; one per thread.
class Evaluator {
public:
    /// An evaluator for code of `layout` and `tables`, with room for the given stack and frame.
    Evaluator(const StateLayout& layout, const CodeTables& tables, std::uint32_t max_stack,
              std::uint32_t max_frame);

    /// Evaluates an expression over `state` with `frame` preset (first entries); on success
    /// stores the value in `out` and returns true, else fills `error`.
    bool eval(const Code& code, ConstStateView state, std::span<const std::int64_t> frame,
              std::int64_t& out, EvalError& error);

    /// Runs an effect that reads and writes `state` in place, with `frame` preset.
    bool exec(const Code& code, StateView state, std::span<const std::int64_t> frame,
              EvalError& error);

private:
    bool run(const Code& code, StateView state, bool writable, std::span<const std::int64_t> frame,
             EvalError& error);
    bool fail(const Code& code, const Instr& ins, std::string message, EvalError& error) const;

    const StateLayout& layout_;
    const CodeTables& tables_;
    std::vector<std::int64_t> stack_;
    std::vector<std::int64_t> frame_;
    std::int64_t result_ = 0;
};

} // namespace ilv
