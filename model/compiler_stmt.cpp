#include "model/compiler_impl.hpp"
#include "model/invariant.hpp"

#include <algorithm>
#include <functional>

namespace ilv::detail {

namespace {
constexpr Type int_type{TypeKind::Int, 0};
constexpr Type bool_type{TypeKind::Bool, 0};
constexpr std::size_t max_code_size = std::size_t{1} << 20;
} // namespace

void Compiler::block(const ast::Block& b, Context& ctx, Emitter& em) {
    for (const ast::Stmt& s : b) {
        statement(s, ctx, em);
    }
}

void Compiler::statement(const ast::Stmt& s, Context& ctx, Emitter& em) {
    if (const auto* a = std::get_if<ast::AssignStmt>(&s.node)) {
        assign(*a, s.range, ctx, em);
    } else if (const auto* i = std::get_if<ast::IfStmt>(&s.node)) {
        expect(*i->cond, ctx, em, bool_type, "the condition of 'if'");
        const std::uint32_t to_else = em.emit(Op::JumpIfFalse, s.range);
        block(i->then_block, ctx, em);
        if (i->else_block.empty()) {
            em.patch(to_else, em.here());
            return;
        }
        const std::uint32_t to_end = em.emit(Op::Jump, s.range);
        em.patch(to_else, em.here());
        block(i->else_block, ctx, em);
        em.patch(to_end, em.here());
    } else if (const auto* f = std::get_if<ast::ForStmt>(&s.node)) {
        for_loop(*f, s.range, ctx, em);
    } else if (const auto* c = std::get_if<ast::CallStmt>(&s.node)) {
        call(*c, s.range, ctx, em);
    } else if (const auto* as = std::get_if<ast::AssertStmt>(&s.node)) {
        expect(*as->cond, ctx, em, bool_type, "the condition of 'assert'");
        auto it = assert_ids_.find(&s);
        ILV_ASSERT(it != assert_ids_.end(), "every assert is numbered before compilation");
        em.emit(Op::Assert, s.range, it->second);
    }
}

void Compiler::assign(const ast::AssignStmt& a, SourceRange where, Context& ctx, Emitter& em) {
    Place p = place(*a.target, ctx, em);
    if (!p.ok) {
        return;
    }
    if (p.length > 0) {
        error(a.target->range, code::array_as_value,
              "cannot assign a whole array '" + p.name + "'; assign its elements");
        return;
    }
    if (!p.writable) {
        error(a.target->range, code::not_assignable,
              "cannot assign to '" + p.name + "': it belongs to another process");
        return;
    }
    const Type t = expr(*a.value, ctx, em);
    if (t.kind != TypeKind::Error && t != p.type.type) {
        error(a.value->range, code::type_mismatch,
              "cannot assign " + type_name(t) + " to '" + p.name + "' of type " +
                  type_name(p.type.type));
        return;
    }
    if (p.dynamic) {
        em.emit(Op::StoreDyn, where, p.slot, p.extent);
    } else {
        em.emit(Op::Store, where, p.slot);
    }
}

void Compiler::for_loop(const ast::ForStmt& f, SourceRange where, Context& ctx, Emitter& em) {
    const std::size_t mark = ctx.frame.size();
    const LoopBounds b = loop_bounds(*f.lo, *f.hi, "a loop bound", ctx, em);
    if (b.constant && unroll_for(f, b, where, ctx, em)) {
        return;
    }
    // The bounds are on the stack, the upper one on top.
    const std::uint32_t v = push_frame(ctx, em, f.var.text, int_type, f.var.range);
    const std::uint32_t h = push_frame(ctx, em, "", int_type, where);
    em.emit(Op::StoreFrame, where, h);
    em.emit(Op::StoreFrame, where, v);
    const std::uint32_t loop = em.here();
    em.emit(Op::LoadFrame, where, v);
    em.emit(Op::LoadFrame, where, h);
    em.emit(Op::Le, where);
    const std::uint32_t exit = em.emit(Op::JumpIfFalse, where);
    block(f.body, ctx, em);
    em.emit(Op::LoadFrame, where, v);
    em.emit(Op::AddImm, where, 0, 1);
    em.emit(Op::StoreFrame, where, v);
    em.emit(Op::Jump, where, loop);
    em.patch(exit, em.here());
    pop_frame(ctx, mark);
}

void Compiler::call(const ast::CallStmt& c, SourceRange where, Context& ctx, Emitter& em) {
    auto it = fns_.find(c.callee.text);
    if (it == fns_.end()) {
        error(c.callee.range, code::unknown_function, "unknown function '" + c.callee.text + "'");
        return;
    }
    const FnInfo& fn = it->second;
    if (fn.recursive || std::count(inlining_.begin(), inlining_.end(), c.callee.text) != 0) {
        return; // reported once at the declaration
    }
    if (inlining_.empty()) {
        outer_call_ = where;
    }
    if (em.code().instrs.size() > max_code_size) {
        if (!code_too_large_reported_) {
            // At the outermost call, which the user can change, not deep inside some fn.
            error(outer_call_, code::code_too_large,
                  "more than " + std::to_string(max_code_size) +
                      " instructions after inlining fn calls; call fewer fns from fns");
            code_too_large_reported_ = true;
        }
        return;
    }
    if (c.args.size() != fn.params.size()) {
        error(where, code::wrong_argument_count,
              "'" + c.callee.text + "' takes " + std::to_string(fn.params.size()) +
                  " argument(s), given " + std::to_string(c.args.size()));
        return;
    }
    Context inner = ctx;
    inner.in_fn = true;
    inner.frame.clear();
    for (std::size_t k = 0; k < c.args.size(); ++k) {
        const DeclType& want = fn.params[k];
        const std::string what =
            "argument " + std::to_string(k + 1) + " of '" + c.callee.text + "'";
        const std::uint32_t start = em.here();
        const std::size_t errors = diags_.error_count();
        const bool typed =
            expect(*c.args[k], ctx, em, want.type, what.c_str()).kind != TypeKind::Error &&
            diags_.error_count() == errors;
        const std::string& pname = fn.decl->params[k].name.text;
        if (want.type.kind == TypeKind::Int) {
            out_.tables.range_checks.push_back(
                {want.lower, want.upper, "parameter '" + pname + "' of '" + c.callee.text + "'"});
            em.emit(Op::CheckRange, c.args[k]->range,
                    static_cast<std::uint32_t>(out_.tables.range_checks.size() - 1));
        }
        if (const std::optional<std::int64_t> value =
                typed ? fold_constant(em, start) : std::nullopt) {
            // A constant argument (in range, or the check would not fold) specialises the
            // inlined body.
            drop_folded(em);
            inner.frame.push_back({pname, 0, want.type, value, true});
            continue;
        }
        const std::uint32_t slot = inner.frame_top++;
        inner.frame.push_back({pname, slot, want.type, std::nullopt});
        em.code().frame_size = std::max(em.code().frame_size, inner.frame_top);
        em.emit(Op::StoreFrame, c.args[k]->range, slot);
    }
    inlining_.push_back(c.callee.text);
    block(fn.decl->body, inner, em);
    inlining_.pop_back();
}

void Compiler::check_recursion() {
    std::map<std::string, int> state; // 0 new, 1 on stack, 2 done
    std::function<bool(const std::string&, std::vector<std::string>&)> visit;
    std::function<void(const ast::Block&, std::vector<std::string>&)> calls =
        [&](const ast::Block& b, std::vector<std::string>& out) {
            for (const ast::Stmt& s : b) {
                if (const auto* c = std::get_if<ast::CallStmt>(&s.node)) {
                    out.push_back(c->callee.text);
                } else if (const auto* i = std::get_if<ast::IfStmt>(&s.node)) {
                    calls(i->then_block, out);
                    calls(i->else_block, out);
                } else if (const auto* f = std::get_if<ast::ForStmt>(&s.node)) {
                    calls(f->body, out);
                }
            }
        };
    visit = [&](const std::string& name, std::vector<std::string>& path) -> bool {
        auto it = fns_.find(name);
        if (it == fns_.end() || state[name] == 2) {
            return false;
        }
        if (state[name] == 1) {
            std::string chain;
            auto start = std::find(path.begin(), path.end(), name);
            for (auto p = start; p != path.end(); ++p) {
                chain += "'" + *p + "' -> ";
            }
            chain += "'" + name + "'";
            error(it->second.decl->name.range, code::recursion,
                  "function '" + name + "' is recursive (" + chain + "); fns are inlined");
            it->second.recursive = true;
            return true;
        }
        state[name] = 1;
        path.push_back(name);
        std::vector<std::string> callees;
        calls(it->second.decl->body, callees);
        for (const auto& c : callees) {
            visit(c, path);
        }
        path.pop_back();
        state[name] = 2;
        return false;
    };
    for (const auto& f : model_.fns) {
        std::vector<std::string> path;
        visit(f.name.text, path);
    }
}

void Compiler::number_asserts() {
    std::function<void(const ast::Block&, const std::string&, int&)> walk =
        [&](const ast::Block& b, const std::string& prefix, int& k) {
            for (const ast::Stmt& s : b) {
                if (const auto* a = std::get_if<ast::AssertStmt>(&s.node)) {
                    const auto id = static_cast<std::uint32_t>(out_.asserts.size());
                    assert_ids_.emplace(&s, id);
                    out_.asserts.push_back(
                        {prefix + ".assert" + std::to_string(++k), s.range, a->message});
                    out_.tables.assert_messages.push_back(a->message);
                } else if (const auto* i = std::get_if<ast::IfStmt>(&s.node)) {
                    walk(i->then_block, prefix, k);
                    walk(i->else_block, prefix, k);
                } else if (const auto* f = std::get_if<ast::ForStmt>(&s.node)) {
                    walk(f->body, prefix, k);
                }
            }
        };
    for (const auto& p : model_.processes) {
        for (const auto& s : p.steps) {
            int k = 0;
            walk(s.body, p.name.text + "." + s.name.text, k);
        }
    }
    for (const auto& f : model_.fns) {
        int k = 0;
        walk(f.body, f.name.text, k);
    }
}

} // namespace ilv::detail
