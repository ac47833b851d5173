// Unrolling `for` loops and quantifiers whose bounds are constants: each copy of the body sees
// the variable as a constant, so the optimiser can fold comparisons such as `k != who` and turn
// `a[k]` into a fixed slot. The unrolled code reports the same errors at the same places.

#include "model/compiler_impl.hpp"

namespace ilv::detail {

namespace {
constexpr Type int_type{TypeKind::Int, 0};
constexpr Type bool_type{TypeKind::Bool, 0};
constexpr Type error_type{TypeKind::Error, 0};
/// Loops over more values than this stay loops.
constexpr std::int64_t max_unrolled_values = 64;
/// Unrolling stops when the copies would take more instructions than this.
constexpr std::int64_t max_unrolled_instrs = 4096;
} // namespace

void Compiler::drop_folded(Emitter& em) {
    em.code().instrs.pop_back();
    em.code().ranges.pop_back();
    em.set_depth(em.depth() - 1);
}

LoopBounds Compiler::loop_bounds(const ast::Expr& lo, const ast::Expr& hi, const char* what,
                                 Context& ctx, Emitter& em) {
    LoopBounds b;
    const std::size_t errors = diags_.error_count();
    const std::uint32_t lo_start = em.here();
    b.lower_type = expect(lo, ctx, em, int_type, what);
    const std::optional<std::int64_t> lo_value =
        b.lower_type.kind == TypeKind::Error ? std::nullopt : fold_constant(em, lo_start);
    const std::uint32_t hi_start = em.here();
    b.upper_type = expect(hi, ctx, em, int_type, what);
    const std::optional<std::int64_t> hi_value =
        b.upper_type.kind == TypeKind::Error ? std::nullopt : fold_constant(em, hi_start);
    if (!lo_value || !hi_value || diags_.error_count() != errors) {
        return b;
    }
    b.lo = *lo_value;
    b.hi = *hi_value;
    // hi - lo may overflow: compare against lo + limit only when that cannot.
    b.constant = b.hi < b.lo ||
                 (b.lo <= INT64_MAX - max_unrolled_values && b.hi < b.lo + max_unrolled_values);
    if (b.constant) {
        drop_folded(em);
        drop_folded(em);
    }
    return b;
}

void Compiler::push_bounds(const LoopBounds& b, SourceRange where, Emitter& em) {
    em.emit(Op::Push, where, 0, b.lo);
    em.emit(Op::Push, where, 0, b.hi);
}

void Compiler::bind_specialized(Context& ctx, Emitter& em, const ast::Ident& var,
                                std::int64_t value) {
    push_frame(ctx, em, var.text, int_type, var.range);
    ctx.frame.back().constant = value;
    ctx.frame.back().specialized = true;
}

bool Compiler::unrolled_too_large(std::uint32_t begin, const Emitter& em,
                                  const LoopBounds& b) const {
    const auto per_copy = static_cast<std::int64_t>(em.here() - begin);
    return per_copy * (b.hi - b.lo + 1) > max_unrolled_instrs;
}

bool Compiler::unroll_for(const ast::ForStmt& f, const LoopBounds& b, SourceRange where,
                          Context& ctx, Emitter& em) {
    const std::uint32_t begin = em.here();
    const std::size_t errors = diags_.error_count();
    const std::size_t mark = ctx.frame.size();
    for (std::int64_t v = b.lo; v <= b.hi; ++v) {
        bind_specialized(ctx, em, f.var, v);
        block(f.body, ctx, em);
        pop_frame(ctx, mark);
        if (diags_.error_count() != errors) {
            return true; // reported once, as the loop would
        }
        if (v == b.lo && unrolled_too_large(begin, em, b)) {
            em.code().instrs.resize(begin);
            push_bounds(b, where, em);
            return false;
        }
    }
    return true;
}

std::optional<Type> Compiler::unroll_quantifier(const ast::QuantifierExpr& q, const LoopBounds& b,
                                                SourceRange where, Context& ctx, Emitter& em) {
    const bool count = q.kind == ast::QuantifierKind::Count;
    const bool forall = q.kind == ast::QuantifierKind::Forall;
    const std::uint32_t begin = em.here();
    const int depth = em.depth();
    const std::size_t errors = diags_.error_count();
    const std::size_t mark = ctx.frame.size();
    std::vector<std::uint32_t> decided; // forall: a false body; exists: a true body
    if (count) {
        em.emit(Op::Push, where, 0, 0);
    }
    bool failed = false;
    for (std::int64_t v = b.lo; v <= b.hi && !failed; ++v) {
        bind_specialized(ctx, em, q.var, v);
        failed = expect(*q.body, ctx, em, bool_type, "quantifier body").kind == TypeKind::Error;
        pop_frame(ctx, mark);
        if (count) {
            em.emit(Op::Add, where);
        } else {
            decided.push_back(em.emit(forall ? Op::JumpIfFalse : Op::JumpIfTrue, where));
        }
        failed = failed || diags_.error_count() != errors;
        if (!failed && v == b.lo && unrolled_too_large(begin, em, b)) {
            em.code().instrs.resize(begin);
            em.set_depth(depth);
            push_bounds(b, where, em);
            return std::nullopt;
        }
    }
    if (!count) {
        em.emit(Op::Push, where, 0, forall ? 1 : 0);
        const std::uint32_t end = em.emit(Op::Jump, where);
        for (const std::uint32_t at : decided) {
            em.patch(at, em.here());
        }
        em.set_depth(depth);
        em.emit(Op::Push, where, 0, forall ? 0 : 1);
        em.patch(end, em.here());
    }
    return failed ? error_type : (count ? int_type : bool_type);
}

} // namespace ilv::detail
