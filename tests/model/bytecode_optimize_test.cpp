// The peephole optimiser (model/bytecode_optimize.hpp): what it folds, what it must leave for
// run time, and that optimised code computes what the original computes.
#include "model/bytecode_optimize.hpp"

#include <climits>
#include <optional>
#include <vector>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

/// Code from instructions (one source range, never consulted on success).
Code code_of(std::vector<Instr> instrs) {
    Code c;
    c.instrs = std::move(instrs);
    c.ranges.emplace_back();
    c.stack_size = 8;
    c.frame_size = 2;
    return c;
}

Instr push(std::int64_t k) {
    return {Op::Push, Op::Eq, 0, k, 0};
}

Instr op(Op o, std::uint32_t a = 0, std::int64_t imm = 0) {
    return {o, Op::Eq, a, imm, 0};
}

/// A layout of three slots x, y, z with values 0..15.
StateLayout three_slots() {
    StateLayout layout;
    for (const char* name : {"x", "y", "z"}) {
        layout.add(name, SlotKind::Int, 0, 15);
    }
    layout.finish();
    return layout;
}

/// The value `code` computes over the state with slots (x, y, z), or nullopt on an error.
std::optional<std::int64_t> run(const Code& code, const StateLayout& layout, std::int64_t x,
                                std::int64_t y, std::int64_t z) {
    CodeTables tables;
    tables.index_names.emplace_back("array 'a'");
    Evaluator ev(layout, tables, code.stack_size, code.frame_size);
    std::vector<Word> s(layout.words(), 0);
    layout.set(s, 0, x);
    layout.set(s, 1, y);
    layout.set(s, 2, z);
    std::int64_t out = 0;
    EvalError error;
    if (!ev.eval(code, s, {}, out, error)) {
        return std::nullopt;
    }
    return out;
}

} // namespace

TEST_CASE("optimize: constant arithmetic and comparisons fold to one push") {
    Code c = code_of({push(2), push(3), op(Op::Add), push(4), op(Op::Mul), push(20), op(Op::Eq)});
    optimize(c, CodeTables{});
    std::int64_t v = 0;
    REQUIRE(is_constant(c, v));
    CHECK(v == 1);
}

TEST_CASE("optimize: what fails at run time is not folded away") {
    Code overflow = code_of({push(INT64_MAX), push(1), op(Op::Add)});
    optimize(overflow, CodeTables{});
    CHECK(overflow.instrs.size() == 3);
    Code zero = code_of({push(1), push(0), op(Op::Div)});
    optimize(zero, CodeTables{});
    CHECK(zero.instrs.size() == 3);
    Code index = code_of({push(5), op(Op::CheckIndex, 3, 0)});
    optimize(index, CodeTables{});
    CHECK(index.instrs.size() == 2);
    Code in_bounds = code_of({push(2), op(Op::CheckIndex, 3, 0)});
    optimize(in_bounds, CodeTables{});
    CHECK(in_bounds.instrs.size() == 1);
}

TEST_CASE("optimize: a constant condition keeps only the branch taken") {
    // 1 ? 7 : 9, compiled as push 1; jump-if-false 4; push 7; jump 5; push 9
    Code c = code_of({push(1), op(Op::JumpIfFalse, 4), push(7), op(Op::Jump, 5), push(9)});
    optimize(c, CodeTables{});
    std::int64_t v = 0;
    REQUIRE(is_constant(c, v));
    CHECK(v == 7);
}

TEST_CASE("optimize: load and compare with a constant fuse into one instruction") {
    Code c = code_of({op(Op::Load, 1), push(3), op(Op::Lt)});
    optimize(c, CodeTables{});
    REQUIRE(c.instrs.size() == 1);
    CHECK(c.instrs[0].op == Op::LoadCmpImm);
    CHECK(c.instrs[0].cmp == Op::Lt);
    CHECK(c.instrs[0].a == 1);
    CHECK(c.instrs[0].imm == 3);
}

TEST_CASE("optimize: optimised code computes what the original computes") {
    const StateLayout layout = three_slots();
    // (x < 3 && y == 2) || !(z != 1 && 2 + 2 == 4), laid out as the compiler does:
    // `c && t` is c; jump-if-false L; t; jump E; L: push 0; E:
    // `c || f` is c; jump-if-false L; push 1; jump E; L: f; E:
    const std::vector<Instr> original = {
        op(Op::Load, 0),         // 0
        push(3),                 // 1
        op(Op::Lt),              // 2
        op(Op::JumpIfFalse, 8),  // 3
        op(Op::Load, 1),         // 4
        push(2),                 // 5
        op(Op::Eq),              // 6
        op(Op::Jump, 9),         // 7
        push(0),                 // 8
        op(Op::JumpIfFalse, 12), // 9
        push(1),                 // 10
        op(Op::Jump, 24),        // 11
        op(Op::Load, 2),         // 12
        push(1),                 // 13
        op(Op::Ne),              // 14
        op(Op::JumpIfFalse, 22), // 15
        push(2),                 // 16
        push(2),                 // 17
        op(Op::Add),             // 18
        push(4),                 // 19
        op(Op::Eq),              // 20
        op(Op::Jump, 23),        // 21
        push(0),                 // 22
        op(Op::Not),             // 23
    };
    Code plain = code_of(original);
    Code fast = code_of(original);
    optimize(fast, CodeTables{});
    CHECK(fast.instrs.size() < plain.instrs.size());
    for (std::int64_t x = 0; x < 5; ++x) {
        for (std::int64_t y = 0; y < 4; ++y) {
            for (std::int64_t z = 0; z < 3; ++z) {
                CAPTURE(x);
                CAPTURE(y);
                CAPTURE(z);
                const std::int64_t expected = (x < 3 && y == 2) || z == 1 ? 1 : 0;
                CHECK(run(plain, layout, x, y, z) == std::optional<std::int64_t>(expected));
                CHECK(run(fast, layout, x, y, z) == std::optional<std::int64_t>(expected));
            }
        }
    }
}
