#include "model/bytecode.hpp"

#include "model/invariant.hpp"

namespace ilv {

namespace {

std::string range_text(std::int64_t lower, std::int64_t upper) {
    return std::to_string(lower) + ".." + std::to_string(upper);
}

/// `x cmp y` for a comparison operator (Lt..Ne).
inline std::int64_t compare(Op cmp, std::int64_t x, std::int64_t y) {
    switch (cmp) {
    case Op::Lt:
        return x < y;
    case Op::Le:
        return x <= y;
    case Op::Gt:
        return x > y;
    case Op::Ge:
        return x >= y;
    case Op::Eq:
        return x == y;
    default:
        return x != y;
    }
}

std::string binary_error(Op op, std::int64_t y) {
    if ((op == Op::Div || op == Op::Mod) && y == 0) {
        return op == Op::Div ? "division by zero" : "modulo by zero";
    }
    return "integer overflow";
}

} // namespace

bool apply_binary(Op op, std::int64_t x, std::int64_t y, std::int64_t& r) noexcept {
    switch (op) {
    case Op::Add:
        return !__builtin_add_overflow(x, y, &r);
    case Op::Sub:
        return !__builtin_sub_overflow(x, y, &r);
    case Op::Mul:
        return !__builtin_mul_overflow(x, y, &r);
    case Op::Div:
    case Op::Mod:
        if (y == 0 || (y == -1 && x == INT64_MIN)) {
            return false;
        }
        r = op == Op::Div ? x / y : x % y;
        return true;
    default:
        r = compare(op, x, y);
        return true;
    }
}

Evaluator::Evaluator(const StateLayout& layout, const CodeTables& tables, std::uint32_t max_stack,
                     std::uint32_t max_frame)
    : layout_(layout),
      tables_(tables),
      stack_(max_stack + 1, 0),
      frame_(max_frame + 1, 0) {}

bool Evaluator::fail(const Code& code, const Instr& ins, std::string message,
                     EvalError& error) const {
    error.is_assert = false;
    error.assert_id = 0;
    error.message = std::move(message);
    error.where = ins.where < code.ranges.size() ? code.ranges[ins.where] : SourceRange{};
    return false;
}

bool Evaluator::eval(const Code& code, ConstStateView state, std::span<const std::int64_t> frame,
                     std::int64_t& out, EvalError& error) {
    // Expressions never store to the state; the read-only view is only read by `run`.
    StateView view{const_cast<Word*>(state.data()), state.size()}; // NOLINT: never written
    if (!run(code, view, false, frame, error)) {
        return false;
    }
    out = result_;
    return true;
}

bool Evaluator::exec(const Code& code, StateView state, std::span<const std::int64_t> frame,
                     EvalError& error) {
    return run(code, state, true, frame, error);
}

bool Evaluator::run(const Code& code, StateView state, bool writable,
                    std::span<const std::int64_t> frame, EvalError& error) {
    ILV_ASSERT(code.stack_size < stack_.size() && code.frame_size < frame_.size(),
               "evaluator scratch too small for this code");
    std::int64_t* sp = stack_.data(); // points one past the top
    std::int64_t* fr = frame_.data();
    for (std::size_t k = 0; k < frame.size(); ++k) {
        fr[k] = frame[k];
    }
    const Instr* const instrs = code.instrs.data();
    const std::size_t count = code.instrs.size();
    std::size_t pc = 0;
    while (pc < count) {
        const Instr& ins = instrs[pc++];
        switch (ins.op) {
        case Op::Push:
            *sp++ = ins.imm;
            break;
        case Op::Load:
            *sp++ = layout_.get(state, ins.a);
            break;
        case Op::LoadDyn:
            sp[-1] = layout_.get(state, ins.a + static_cast<SlotId>(sp[-1]));
            break;
        case Op::Store:
        case Op::StoreDyn: {
            ILV_ASSERT(writable, "expressions never store");
            const std::int64_t v = *--sp;
            SlotId id = ins.a;
            if (ins.op == Op::StoreDyn) {
                id += static_cast<SlotId>(*--sp);
            }
            if (!layout_.in_range(id, v)) {
                const Slot& s = layout_.slot(id);
                return fail(code, ins,
                            "value " + std::to_string(v) + " out of range " +
                                range_text(s.lower, s.upper) + " for '" + s.name + "'",
                            error);
            }
            layout_.set(state, id, v);
            break;
        }
        case Op::LoadFrame:
            *sp++ = fr[ins.a];
            break;
        case Op::StoreFrame:
            fr[ins.a] = *--sp;
            break;
        case Op::CheckIndex:
            if (sp[-1] < 0 || sp[-1] >= static_cast<std::int64_t>(ins.a)) {
                return fail(code, ins,
                            "index " + std::to_string(sp[-1]) + " out of bounds for " +
                                tables_.index_names[static_cast<std::size_t>(ins.imm)] + " (size " +
                                std::to_string(ins.a) + ")",
                            error);
            }
            break;
        case Op::CheckRange: {
            const RangeCheck& rc = tables_.range_checks[ins.a];
            if (sp[-1] < rc.lower || sp[-1] > rc.upper) {
                return fail(code, ins,
                            "value " + std::to_string(sp[-1]) + " out of range " +
                                range_text(rc.lower, rc.upper) + " for " + rc.what,
                            error);
            }
            break;
        }
        case Op::MulImm:
            sp[-1] *= ins.imm;
            break;
        case Op::AddImm:
            sp[-1] += ins.imm;
            break;
        case Op::Not:
            sp[-1] = sp[-1] == 0 ? 1 : 0;
            break;
        case Op::Neg:
            if (sp[-1] == INT64_MIN) {
                return fail(code, ins, "integer overflow", error);
            }
            sp[-1] = -sp[-1];
            break;
        case Op::Jump:
            pc = ins.a;
            break;
        case Op::JumpIfFalse:
            if (*--sp == 0) {
                pc = ins.a;
            }
            break;
        case Op::JumpIfTrue:
            if (*--sp != 0) {
                pc = ins.a;
            }
            break;
        case Op::Pop:
            --sp;
            break;
        case Op::CmpImm:
            sp[-1] = compare(ins.cmp, sp[-1], ins.imm);
            break;
        case Op::LoadCmpImm:
            *sp++ = compare(ins.cmp, layout_.get(state, ins.a), ins.imm);
            break;
        case Op::Eq:
            --sp;
            sp[-1] = sp[-1] == *sp ? 1 : 0;
            break;
        case Op::Ne:
            --sp;
            sp[-1] = sp[-1] != *sp ? 1 : 0;
            break;
        case Op::Assert:
            if (*--sp == 0) {
                fail(code, ins, "assertion failed: " + tables_.assert_messages[ins.a], error);
                error.is_assert = true;
                error.assert_id = ins.a;
                return false;
            }
            break;
        default: {
            const std::int64_t y = *--sp;
            std::int64_t r = 0;
            if (!apply_binary(ins.op, sp[-1], y, r)) {
                return fail(code, ins, binary_error(ins.op, y), error);
            }
            sp[-1] = r;
            break;
        }
        }
    }
    result_ = sp > stack_.data() ? sp[-1] : 0;
    return true;
}

} // namespace ilv
