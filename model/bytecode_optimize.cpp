#include "model/bytecode_optimize.hpp"

#include <optional>

namespace ilv {

namespace {

bool is_jump(Op op) {
    return op == Op::Jump || op == Op::JumpIfFalse || op == Op::JumpIfTrue;
}

bool is_comparison(Op op) {
    return op >= Op::Lt && op <= Op::Ne;
}

bool is_binary(Op op) {
    return op >= Op::Add && op <= Op::Ne;
}

/// `x op y` for a binary operator, or nothing when it would fail at run time.
std::optional<std::int64_t> fold_binary(Op op, std::int64_t x, std::int64_t y) {
    std::int64_t r = 0;
    return apply_binary(op, x, y, r) ? std::optional(r) : std::nullopt;
}

/// Which instructions some jump lands on (index `size` is the end of the code).
std::vector<bool> jump_targets(const std::vector<Instr>& instrs) {
    std::vector<bool> targets(instrs.size() + 1, false);
    for (const Instr& ins : instrs) {
        if (is_jump(ins.op)) {
            targets[ins.a] = true;
        }
    }
    return targets;
}

/// One folding pass: rewrites the tail of `out` as instructions arrive. Jumps in `out` keep
/// their old targets until `finish` maps them. An instruction that a jump lands on is never
/// merged into the one before it; it may absorb the ones after it.
class Folder {
public:
    Folder(const std::vector<Instr>& in, const CodeTables& tables)
        : in_(in),
          tables_(tables),
          targets_(jump_targets(in)),
          new_index_(in.size() + 1, 0) {}

    std::vector<Instr> run() {
        for (std::size_t i = 0; i < in_.size(); ++i) {
            new_index_[i] = static_cast<std::uint32_t>(out_.size());
            out_.push_back(in_[i]);
            landed_.push_back(targets_[i]);
            while (fold_tail()) {
            }
        }
        new_index_[in_.size()] = static_cast<std::uint32_t>(out_.size());
        for (Instr& ins : out_) {
            if (is_jump(ins.op)) {
                ins.a = new_index_[ins.a];
            }
        }
        return std::move(out_);
    }

private:
    /// The instruction `back` places from the end, when no jump lands on the ones after it.
    [[nodiscard]] const Instr* tail(std::size_t back) const {
        if (out_.size() < back + 1) {
            return nullptr;
        }
        for (std::size_t k = out_.size() - back; k < out_.size(); ++k) {
            if (landed_[k]) {
                return nullptr;
            }
        }
        return &out_[out_.size() - 1 - back];
    }

    /// Replaces the last `n` instructions with `ins` (placed where the first of them was).
    void replace(std::size_t n, const Instr& ins) {
        const bool landed = landed_[out_.size() - n];
        out_.resize(out_.size() - n + 1);
        landed_.resize(out_.size());
        out_.back() = ins;
        landed_.back() = landed;
    }

    void drop(std::size_t n) {
        out_.resize(out_.size() - n);
        landed_.resize(out_.size());
    }

    bool fold_tail() {
        const Instr* last = tail(0);
        const Instr* prev = tail(1);
        if (last == nullptr || prev == nullptr) {
            return false;
        }
        if (prev->op == Op::Push) {
            const Instr* first = tail(2);
            if (is_binary(last->op) && first != nullptr && first->op == Op::Push) {
                if (auto r = fold_binary(last->op, first->imm, prev->imm)) {
                    replace(3, with_value(*first, *r));
                    return true;
                }
                return false;
            }
            return fold_push(*prev, *last);
        }
        if (prev->op == Op::Load && last->op == Op::CmpImm) {
            Instr fused = *last;
            fused.op = Op::LoadCmpImm;
            fused.a = prev->a;
            replace(2, fused);
            return true;
        }
        return false;
    }

    static Instr with_value(const Instr& push, std::int64_t v) {
        Instr out = push;
        out.imm = v;
        return out;
    }

    /// `push k` followed by `last`.
    bool fold_push(const Instr& push, const Instr& last) {
        const std::int64_t k = push.imm;
        std::int64_t r = 0;
        switch (last.op) {
        case Op::Not:
            replace(2, with_value(push, k == 0 ? 1 : 0));
            return true;
        case Op::Neg:
            return k != INT64_MIN && (replace(2, with_value(push, -k)), true);
        case Op::MulImm:
            return !__builtin_mul_overflow(k, last.imm, &r) &&
                   (replace(2, with_value(push, r)), true);
        case Op::AddImm:
            return !__builtin_add_overflow(k, last.imm, &r) &&
                   (replace(2, with_value(push, r)), true);
        case Op::CheckIndex:
            return k >= 0 && k < static_cast<std::int64_t>(last.a) && (drop(1), true);
        case Op::CheckRange: {
            const RangeCheck& rc = tables_.range_checks[last.a];
            return k >= rc.lower && k <= rc.upper && (drop(1), true);
        }
        case Op::LoadDyn: {
            if (k < 0 || k >= last.imm) {
                return false;
            }
            Instr load = last;
            load.op = Op::Load;
            load.a = last.a + static_cast<std::uint32_t>(k);
            load.imm = 0;
            replace(2, load);
            return true;
        }
        case Op::Pop:
            drop(2);
            return true;
        case Op::JumpIfFalse:
        case Op::JumpIfTrue:
            return fold_branch(k != 0, last);
        case Op::Jump:
            return fold_jump(k, last);
        default:
            break;
        }
        if (is_comparison(last.op)) {
            Instr cmp = last;
            cmp.op = Op::CmpImm;
            cmp.cmp = last.op;
            cmp.imm = k;
            replace(2, cmp);
            return true;
        }
        return false;
    }

    /// `push k; jump L` where L is a conditional jump: a jump to where k sends it.
    bool fold_jump(std::int64_t k, const Instr& jump) {
        if (jump.a >= in_.size()) {
            return false;
        }
        const Instr& target = in_[jump.a];
        if (target.op != Op::JumpIfFalse && target.op != Op::JumpIfTrue) {
            return false;
        }
        const bool taken = (target.op == Op::JumpIfTrue) == (k != 0);
        Instr direct = jump;
        direct.a = taken ? target.a : jump.a + 1;
        replace(2, direct);
        return true;
    }

    /// `push c; jump-if-(false|true) L`: an unconditional jump, or nothing.
    bool fold_branch(bool c, const Instr& branch) {
        const bool taken = (branch.op == Op::JumpIfTrue) == c;
        if (taken) {
            Instr jump = branch;
            jump.op = Op::Jump;
            replace(2, jump);
        } else {
            drop(2);
        }
        return true;
    }

    const std::vector<Instr>& in_;
    const CodeTables& tables_;
    std::vector<bool> targets_;
    std::vector<std::uint32_t> new_index_;
    std::vector<Instr> out_;
    std::vector<bool> landed_;
};

/// Where a jump to `t` ends up: through unconditional jumps, and through `push k` followed by a
/// conditional jump, whose outcome k decides. Bounded, since jumps may form a cycle.
std::uint32_t final_target(const std::vector<Instr>& instrs, std::uint32_t t) {
    for (int hops = 0; hops < 16 && t < instrs.size(); ++hops) {
        const Instr& at = instrs[t];
        if (at.op == Op::Jump) {
            t = at.a;
        } else if (at.op == Op::Push && t + 1 < instrs.size() &&
                   (instrs[t + 1].op == Op::JumpIfFalse || instrs[t + 1].op == Op::JumpIfTrue)) {
            const bool taken = (instrs[t + 1].op == Op::JumpIfTrue) == (at.imm != 0);
            t = taken ? instrs[t + 1].a : t + 2;
        } else {
            break;
        }
    }
    return t;
}

/// Retargets every jump to where it ends up (`a && b` used as a condition then jumps straight
/// to the else branch instead of through `push 0; jump-if-false`).
void thread_jumps(std::vector<Instr>& instrs) {
    for (Instr& ins : instrs) {
        if (is_jump(ins.op)) {
            ins.a = final_target(instrs, ins.a);
        }
    }
}

/// Which instructions can run at all, starting from the first.
std::vector<bool> reachable(const std::vector<Instr>& instrs) {
    std::vector<bool> seen(instrs.size() + 1, false);
    std::vector<std::uint32_t> work{0};
    while (!work.empty()) {
        const std::uint32_t i = work.back();
        work.pop_back();
        if (i >= instrs.size() || seen[i]) {
            continue;
        }
        seen[i] = true;
        const Instr& ins = instrs[i];
        if (is_jump(ins.op)) {
            work.push_back(ins.a);
        }
        if (ins.op != Op::Jump) {
            work.push_back(i + 1);
        }
    }
    return seen;
}

/// Removes unreachable instructions and jumps to the next instruction.
std::vector<Instr> remove_dead(const std::vector<Instr>& in) {
    const std::vector<bool> live = reachable(in);
    std::vector<std::uint32_t> new_index(in.size() + 1, 0);
    std::vector<Instr> out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        new_index[i] = static_cast<std::uint32_t>(out.size());
        const bool to_next = in[i].op == Op::Jump && in[i].a == i + 1;
        if (live[i] && !to_next) {
            out.push_back(in[i]);
        }
    }
    new_index[in.size()] = static_cast<std::uint32_t>(out.size());
    for (Instr& ins : out) {
        if (is_jump(ins.op)) {
            ins.a = new_index[ins.a];
        }
    }
    return out;
}

} // namespace

void optimize(Code& code, const CodeTables& tables) {
    std::size_t before = code.instrs.size() + 1;
    while (code.instrs.size() < before) {
        before = code.instrs.size();
        thread_jumps(code.instrs);
        code.instrs = remove_dead(Folder(code.instrs, tables).run());
    }
}

bool is_constant(const Code& code, std::int64_t& value) noexcept {
    if (code.instrs.size() != 1 || code.instrs[0].op != Op::Push) {
        return false;
    }
    value = code.instrs[0].imm;
    return true;
}

} // namespace ilv
