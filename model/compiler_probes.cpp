#include "model/compiler_impl.hpp"
#include "model/invariant.hpp"
#include "model/probe.hpp"

namespace ilv {

namespace {

constexpr detail::Type int_type{detail::TypeKind::Int, 0};

/// Walks one invariant's syntax tree and compiles a probe per interesting sub-expression.
class ProbeWalker {
public:
    ProbeWalker(detail::Compiler& compiler, const ProbeLimits& limits, std::vector<Probe>& out)
        : compiler_(compiler),
          limits_(limits),
          out_(out) {}

    /// Probes `e` (unless it is a constant) and its parts, `depth` levels below the invariant.
    void walk(const ast::Expr& e, detail::Context& ctx, std::uint32_t depth,
              std::optional<std::size_t> parent) {
        if (out_.size() >= limits_.max_probes) {
            return;
        }
        const std::optional<std::size_t> self = add(e, ctx, depth, parent);
        if (!self || depth >= limits_.max_depth) {
            return;
        }
        const std::uint32_t below = depth + 1;
        if (const auto* u = std::get_if<ast::UnaryExpr>(&e.node)) {
            walk(*u->operand, ctx, below, self);
        } else if (const auto* b = std::get_if<ast::BinaryExpr>(&e.node)) {
            walk(*b->lhs, ctx, below, self);
            walk(*b->rhs, ctx, below, self);
        } else if (const auto* c = std::get_if<ast::CondExpr>(&e.node)) {
            walk(*c->cond, ctx, below, self);
            walk(*c->then_value, ctx, below, self);
            walk(*c->else_value, ctx, below, self);
        } else if (const auto* i = std::get_if<ast::IndexExpr>(&e.node)) {
            walk(*i->index, ctx, below, self);
        } else if (const auto* q = std::get_if<ast::QuantifierExpr>(&e.node)) {
            expand(*q, ctx, below, *self);
        }
    }

private:
    /// Compiles `e` as a probe; nothing when it is a constant (its value says nothing new).
    std::optional<std::size_t> add(const ast::Expr& e, detail::Context& ctx, std::uint32_t depth,
                                   std::optional<std::size_t> parent) {
        Probe probe;
        detail::Emitter em(probe.code);
        const std::size_t errors = compiler_.diags_.error_count();
        const detail::Type type = compiler_.expr(e, ctx, em);
        ILV_ASSERT(compiler_.diags_.error_count() == errors && type.kind != detail::TypeKind::Error,
                   "a part of a compiled invariant compiles on its own");
        if (depth > 0 && compiler_.fold_constant(em, 0)) {
            return std::nullopt;
        }
        compiler_.finish_code(probe.code);
        probe.where = e.range;
        probe.depth = depth;
        probe.parent = parent;
        probe.bindings = bindings_;
        probe.type = type.kind == detail::TypeKind::Bool  ? ProbeType::Bool
                     : type.kind == detail::TypeKind::Int ? ProbeType::Int
                                                          : ProbeType::Enum;
        if (probe.type == ProbeType::Enum) {
            probe.labels = compiler_.enums_[type.enum_id].members;
        }
        out_.push_back(std::move(probe));
        return out_.size() - 1;
    }

    /// The value of `e` when it is a constant in `ctx`.
    std::optional<std::int64_t> constant(const ast::Expr& e, detail::Context& ctx) {
        Code scratch;
        detail::Emitter em(scratch);
        compiler_.expr(e, ctx, em);
        return compiler_.fold_constant(em, 0);
    }

    /// Probes the body of `q` once per value of its variable, when its bounds are constant.
    void expand(const ast::QuantifierExpr& q, detail::Context& ctx, std::uint32_t depth,
                std::size_t parent) {
        const std::optional<std::int64_t> lo = constant(*q.lo, ctx);
        const std::optional<std::int64_t> hi = constant(*q.hi, ctx);
        if (!lo || !hi) {
            return;
        }
        for (std::int64_t v = *lo; v <= *hi && v - *lo < limits_.max_instances; ++v) {
            ctx.frame.push_back(detail::FrameVar{q.var.text, 0, int_type, v});
            bindings_.emplace_back(q.var.text, v);
            const std::size_t first = out_.size();
            walk(*q.body, ctx, depth, parent);
            if (out_.size() > first) {
                out_[first].instance_of = q.kind;
            }
            bindings_.pop_back();
            ctx.frame.pop_back();
        }
    }

    detail::Compiler& compiler_;
    const ProbeLimits& limits_;
    std::vector<Probe>& out_;
    std::vector<std::pair<std::string, std::int64_t>> bindings_;
};

} // namespace

ProbedModel compile_with_probes(const ast::Model& syntax, const Overrides& overrides,
                                const std::string& invariant, Diagnostics& diags,
                                const ProbeLimits& limits) {
    detail::Compiler compiler(syntax, overrides, diags);
    ProbedModel result;
    if (!compiler.compile()) {
        return result;
    }
    for (const ast::InvariantDecl& inv : syntax.invariants) {
        if (inv.name.text == invariant) {
            detail::Context ctx;
            ProbeWalker(compiler, limits, result.probes).walk(*inv.expr, ctx, 0, std::nullopt);
            break;
        }
    }
    result.model = compiler.finish();
    return result;
}

} // namespace ilv
