#include "model/compiler_impl.hpp"

namespace ilv::detail {

namespace {
constexpr Type int_type{TypeKind::Int, 0};
constexpr Type bool_type{TypeKind::Bool, 0};
constexpr Type error_type{TypeKind::Error, 0};

const ast::NameRef* as_name(const ast::Expr& e) {
    return std::get_if<ast::NameRef>(&e.node);
}
} // namespace

Place Compiler::place(const ast::Expr& e, Context& ctx, Emitter& em) {
    if (const auto* ix = std::get_if<ast::IndexExpr>(&e.node)) {
        Place p = place(*ix->base, ctx, em);
        if (!p.ok) {
            return p;
        }
        if (p.length == 0) {
            const ast::NameRef* base = as_name(*ix->base);
            if (base == nullptr || broken_.count(base->name.text) == 0) {
                error(ix->base->range, code::not_an_array, "'" + p.name + "' is not an array");
            }
            return {};
        }
        if (!index_into(p, *ix->index, ctx, em)) {
            return {};
        }
        return p;
    }
    if (const auto* m = std::get_if<ast::MemberExpr>(&e.node)) {
        return process_member(*m, e.range, ctx, em);
    }
    const auto* n = as_name(e);
    if (n == nullptr) {
        error(e.range, code::not_assignable, "this expression is not a variable");
        return {};
    }
    const std::string& name = n->name.text;
    if (ctx.constant &&
        (globals_.count(name) != 0 || (ctx.proc != nullptr && ctx.proc->locals.count(name) != 0))) {
        error(e.range, code::not_constant, "'" + name + "' is a variable, not a constant");
        return {};
    }
    if (ctx.proc != nullptr && !ctx.in_fn) {
        if (auto it = ctx.proc->locals.find(name); it != ctx.proc->locals.end()) {
            const auto inst = static_cast<std::uint32_t>(ctx.instance - ctx.proc->lo);
            return Place{true,
                         false,
                         ctx.proc->first_slot + inst * ctx.proc->stride + it->second.first,
                         it->second.type,
                         it->second.length,
                         out_.instance_names[ctx.proc->first_instance + inst] + "." + name,
                         true,
                         1};
        }
    }
    if (auto it = globals_.find(name); it != globals_.end()) {
        return Place{true, false, it->second.first, it->second.type, it->second.length, name,
                     true, 1};
    }
    if (find_frame(ctx, name) != nullptr || consts_.count(name) != 0 ||
        enum_members_.count(name) != 0 ||
        (ctx.proc != nullptr && ctx.proc->family && ctx.proc->decl->index.text == name)) {
        error(e.range, code::not_assignable, "'" + name + "' is not a variable");
    } else if (proc_by_name_.count(name) != 0) {
        error(e.range, code::type_mismatch, "process '" + name + "' is not a value");
    } else if (name == "self") {
        error(e.range, code::unknown_name, "'self' must be followed by '.name'");
    } else if (ctx.in_fn && ctx.proc != nullptr && ctx.proc->locals.count(name) != 0) {
        error(e.range, code::unknown_name,
              "unknown name '" + name + "' (a fn sees only globals and its parameters)");
    } else {
        error(e.range, code::unknown_name, "unknown name '" + name + "'");
    }
    return {};
}

bool Compiler::index_into(Place& p, const ast::Expr& index, Context& ctx, Emitter& em) {
    const std::uint32_t start = em.here();
    const std::uint64_t specialized_before = specialized_reads_;
    const Type t = expect(index, ctx, em, int_type, "an array index");
    if (t.kind == TypeKind::Error) {
        return false;
    }
    const std::string array = p.name;
    const std::optional<std::int64_t> k = fold_constant(em, start);
    const bool outside = k && (*k < 0 || *k >= static_cast<std::int64_t>(p.length));
    // An unrolled or inlined copy may index out of bounds where it is never run: check at run
    // time, as the loop or call would.
    if (k && !(outside && specialized_reads_ != specialized_before)) {
        drop_folded(em);
        if (outside) {
            error(index.range, code::constant_index_out_of_bounds,
                  "index " + std::to_string(*k) + " out of bounds for '" + array + "' (size " +
                      std::to_string(p.length) + ")");
            return false;
        }
        if (p.dynamic) {
            em.emit(Op::AddImm, index.range, 0, *k);
        } else {
            p.slot += static_cast<SlotId>(*k);
        }
        p.name += "[" + std::to_string(*k) + "]";
    } else {
        em.emit(Op::CheckIndex, index.range, p.length, index_name("'" + array + "'"));
        if (p.dynamic) {
            em.emit(Op::Add, index.range);
        } else {
            p.dynamic = true;
            p.extent = p.length;
        }
        p.name += "[...]";
    }
    p.length = 0;
    return true;
}

std::optional<ProcRef> Compiler::process_ref(const ast::Expr& e, Context& ctx, Emitter& em) {
    if (const auto* n = as_name(e)) {
        if (n->name.text == "self") {
            if (ctx.proc == nullptr || ctx.in_fn) {
                error(e.range, code::unknown_name, "'self' is only valid in a process step");
                return std::nullopt;
            }
            return ProcRef{ctx.proc, false,
                           static_cast<std::uint32_t>(ctx.instance - ctx.proc->lo)};
        }
        auto it = proc_by_name_.find(n->name.text);
        if (it == proc_by_name_.end()) {
            if (broken_.count(n->name.text) == 0) {
                error(e.range, code::unknown_process, "unknown process '" + n->name.text + "'");
            }
            return std::nullopt;
        }
        const ProcInfo& p = procs_[it->second];
        if (p.family) {
            error(e.range, code::family_needs_index,
                  "process family '" + p.name + "' needs an index, as in " + p.name + "[0]");
            return std::nullopt;
        }
        return ProcRef{&p, false, 0};
    }
    const auto* ix = std::get_if<ast::IndexExpr>(&e.node);
    const ast::NameRef* base = ix != nullptr ? as_name(*ix->base) : nullptr;
    if (base == nullptr) {
        error(e.range, code::unknown_process, "expected a process, as in worker or opener[1]");
        return std::nullopt;
    }
    auto it = proc_by_name_.find(base->name.text);
    if (it == proc_by_name_.end()) {
        if (broken_.count(base->name.text) == 0) {
            error(ix->base->range, code::unknown_process,
                  "unknown process '" + base->name.text + "'");
        }
        return std::nullopt;
    }
    const ProcInfo& p = procs_[it->second];
    if (!p.family) {
        error(e.range, code::not_a_family,
              "process '" + p.name + "' is not a family; write " + p.name);
        return std::nullopt;
    }
    const std::uint32_t start = em.here();
    const std::uint64_t specialized_before = specialized_reads_;
    if (expect(*ix->index, ctx, em, int_type, "a process index").kind == TypeKind::Error) {
        return std::nullopt;
    }
    const std::optional<std::int64_t> k = fold_constant(em, start);
    const bool outside = k && (*k < p.lo || *k > p.hi);
    if (k && !(outside && specialized_reads_ != specialized_before)) { // see index_into
        drop_folded(em);
        if (outside) {
            error(ix->index->range, code::constant_index_out_of_bounds,
                  "process index " + std::to_string(*k) + " out of range " + std::to_string(p.lo) +
                      ".." + std::to_string(p.hi) + " of '" + p.name + "'");
            return std::nullopt;
        }
        return ProcRef{&p, false, static_cast<std::uint32_t>(*k - p.lo)};
    }
    if (p.lo != 0) {
        em.emit(Op::AddImm, ix->index->range, 0, -p.lo);
    }
    em.emit(
        Op::CheckIndex, ix->index->range, p.count,
        index_name("process family '" + p.name + "' (index minus " + std::to_string(p.lo) + ")"));
    return ProcRef{&p, true, 0};
}

Place Compiler::process_member(const ast::MemberExpr& m, SourceRange where, Context& ctx,
                               Emitter& em) {
    if (ctx.constant) {
        error(where, code::not_constant, "a process variable is not a constant");
        return {};
    }
    const auto r = process_ref(*m.base, ctx, em);
    if (!r) {
        return {};
    }
    const ProcInfo& p = *r->proc;
    auto it = p.locals.find(m.member.text);
    if (it == p.locals.end()) {
        error(m.member.range, code::unknown_member,
              "process '" + p.name + "' has no variable '" + m.member.text + "'");
        return {};
    }
    const VarInfo& local = it->second;
    Place out;
    out.ok = true;
    out.type = local.type;
    out.length = local.length;
    const bool own = ctx.proc == &p && !ctx.in_fn &&
                     r->instance == static_cast<std::uint32_t>(ctx.instance - p.lo);
    out.writable = own && !r->dynamic;
    if (!r->dynamic) {
        out.slot = p.first_slot + r->instance * p.stride + local.first;
        out.name = out_.instance_names[p.first_instance + r->instance] + "." + m.member.text;
        return out;
    }
    em.emit(Op::MulImm, where, 0, p.stride);
    if (local.first != 0) {
        em.emit(Op::AddImm, where, 0, local.first);
    }
    out.dynamic = true;
    out.slot = p.first_slot;
    out.extent = p.count * p.stride;
    out.name = p.name + "[...]." + m.member.text;
    return out;
}

Type Compiler::at_location(const ast::AtExpr& at, SourceRange where, Context& ctx, Emitter& em) {
    if (ctx.constant) {
        error(where, code::not_constant, "a location test is not a constant");
        return error_type;
    }
    const auto r = process_ref(*at.process, ctx, em);
    if (!r) {
        return error_type;
    }
    const ProcInfo& p = *r->proc;
    auto it = p.location_index.find(at.location.text);
    if (it == p.location_index.end()) {
        error(at.location.range, code::unknown_location,
              "unknown location '" + at.location.text + "' in process '" + p.name + "'");
        return error_type;
    }
    if (r->dynamic) {
        em.emit(Op::MulImm, where, 0, p.stride);
        em.emit(Op::LoadDyn, where, p.first_slot, p.count * p.stride);
    } else {
        em.emit(Op::Load, where, p.first_slot + r->instance * p.stride);
    }
    em.emit(Op::Push, where, 0, it->second);
    em.emit(Op::Eq, where);
    return bool_type;
}

} // namespace ilv::detail
