#include "model/compiler_impl.hpp"
#include "model/invariant.hpp"

#include <algorithm>

namespace ilv::detail {

namespace {

/// Change of the operand stack depth caused by one instruction.
int stack_effect(Op op) {
    switch (op) {
    case Op::Push:
    case Op::Load:
    case Op::LoadFrame:
        return 1;
    case Op::Store:
    case Op::StoreFrame:
    case Op::JumpIfFalse:
    case Op::JumpIfTrue:
    case Op::Pop:
    case Op::Assert:
        return -1;
    case Op::StoreDyn:
        return -2;
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Mod:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::Eq:
    case Op::Ne:
        return -1;
    default:
        return 0;
    }
}

/// True for instructions whose result depends only on their operands.
bool is_pure(Op op) {
    return op != Op::Load && op != Op::LoadCmpImm && op != Op::LoadDyn && op != Op::Store &&
           op != Op::StoreDyn && op != Op::LoadFrame && op != Op::StoreFrame && op != Op::Assert;
}

Op binary_op(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Mul:
        return Op::Mul;
    case ast::BinaryOp::Div:
        return Op::Div;
    case ast::BinaryOp::Mod:
        return Op::Mod;
    case ast::BinaryOp::Add:
        return Op::Add;
    case ast::BinaryOp::Sub:
        return Op::Sub;
    case ast::BinaryOp::Lt:
        return Op::Lt;
    case ast::BinaryOp::Le:
        return Op::Le;
    case ast::BinaryOp::Gt:
        return Op::Gt;
    case ast::BinaryOp::Ge:
        return Op::Ge;
    case ast::BinaryOp::Eq:
        return Op::Eq;
    case ast::BinaryOp::Ne:
        return Op::Ne;
    default:
        ILV_UNREACHABLE("logical operators are compiled as jumps");
    }
}

const char* op_text(ast::BinaryOp op) {
    static const char* const texts[] = {
        "*", "/", "%", "+", "-", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "->"};
    return texts[static_cast<int>(op)];
}

constexpr Type int_type{TypeKind::Int, 0};
constexpr Type bool_type{TypeKind::Bool, 0};
constexpr Type error_type{TypeKind::Error, 0};

} // namespace

std::uint32_t Emitter::emit(Op op, SourceRange where, std::uint32_t a, std::int64_t imm) {
    code_.ranges.push_back(where);
    const auto at = static_cast<std::uint32_t>(code_.instrs.size());
    code_.instrs.push_back(
        {op, Op::Eq, a, imm, static_cast<std::uint32_t>(code_.ranges.size() - 1)});
    depth_ += stack_effect(op);
    code_.stack_size = std::max(code_.stack_size, static_cast<std::uint32_t>(std::max(depth_, 0)));
    return at;
}

std::uint32_t Emitter::here() const {
    return static_cast<std::uint32_t>(code_.instrs.size());
}

void Emitter::patch(std::uint32_t at, std::uint32_t target) {
    code_.instrs[at].a = target;
}

std::string Compiler::type_name(Type t) const {
    switch (t.kind) {
    case TypeKind::Bool:
        return "bool";
    case TypeKind::Int:
        return "int";
    case TypeKind::Enum:
        return "enum " + enums_[t.enum_id].name;
    case TypeKind::Error:
        break;
    }
    return "<error>";
}

std::uint32_t Compiler::index_name(std::string name) {
    auto& names = out_.tables.index_names;
    auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) {
        return static_cast<std::uint32_t>(it - names.begin());
    }
    names.push_back(std::move(name));
    return static_cast<std::uint32_t>(names.size() - 1);
}

std::optional<std::int64_t> Compiler::fold_constant(Emitter& em, std::uint32_t start) {
    Code& code = em.code();
    const std::uint32_t end = em.here();
    if (start >= end || code.instrs[start].op != Op::Push) {
        // Nothing emitted, or code that does not start by pushing a value (an expression with
        // an error followed by a check): not a constant.
        return std::nullopt;
    }
    for (std::uint32_t k = start; k < end; ++k) {
        if (!is_pure(code.instrs[k].op)) {
            return std::nullopt;
        }
    }
    Code sub;
    sub.ranges = code.ranges;
    sub.stack_size = code.stack_size;
    for (std::uint32_t k = start; k < end; ++k) {
        Instr ins = code.instrs[k];
        if (ins.op == Op::Jump || ins.op == Op::JumpIfFalse || ins.op == Op::JumpIfTrue) {
            ins.a -= start;
        }
        sub.instrs.push_back(ins);
    }
    Evaluator ev(no_state_, out_.tables, sub.stack_size, 0);
    std::vector<Word> empty(1, 0);
    std::int64_t value = 0;
    EvalError err;
    if (!ev.eval(sub, empty, {}, value, err)) {
        return std::nullopt;
    }
    const SourceRange where = code.ranges[code.instrs[start].where];
    code.instrs.resize(start);
    em.set_depth(em.depth() - 1);
    em.emit(Op::Push, where, 0, value);
    return value;
}

const FrameVar* Compiler::find_frame(const Context& ctx, const std::string& name) const {
    for (auto it = ctx.frame.rbegin(); it != ctx.frame.rend(); ++it) {
        if (it->name == name) {
            return &*it;
        }
    }
    return nullptr;
}

bool Compiler::name_taken(const Context& ctx, const std::string& name) const {
    return top_names_.count(name) != 0 || find_frame(ctx, name) != nullptr ||
           (ctx.proc != nullptr && (ctx.proc->locals.count(name) != 0 ||
                                    (ctx.proc->family && ctx.proc->decl->index.text == name)));
}

Type Compiler::expect(const ast::Expr& e, Context& ctx, Emitter& em, Type want, const char* what) {
    const Type t = expr(e, ctx, em);
    if (t.kind != TypeKind::Error && t != want) {
        error(e.range, code::type_mismatch,
              std::string(what) + " must be " + type_name(want) + ", found " + type_name(t));
        return error_type;
    }
    return t;
}

Type Compiler::expr(const ast::Expr& e, Context& ctx, Emitter& em) {
    if (const auto* lit = std::get_if<ast::IntLit>(&e.node)) {
        em.emit(Op::Push, e.range, 0, lit->value);
        return int_type;
    }
    if (const auto* b = std::get_if<ast::BoolLit>(&e.node)) {
        em.emit(Op::Push, e.range, 0, b->value ? 1 : 0);
        return bool_type;
    }
    if (const auto* n = std::get_if<ast::NameRef>(&e.node)) {
        return name_value(*n, e.range, ctx, em);
    }
    if (std::holds_alternative<ast::IndexExpr>(e.node) ||
        std::holds_alternative<ast::MemberExpr>(e.node)) {
        const Place p = place(e, ctx, em);
        load(p, e.range, em);
        return p.ok && p.length == 0 ? p.type.type : error_type;
    }
    if (const auto* at = std::get_if<ast::AtExpr>(&e.node)) {
        return at_location(*at, e.range, ctx, em);
    }
    if (const auto* u = std::get_if<ast::UnaryExpr>(&e.node)) {
        const bool is_not = u->op == ast::UnaryOp::Not;
        const Type t = expect(*u->operand, ctx, em, is_not ? bool_type : int_type,
                              is_not ? "operand of '!'" : "operand of unary '-'");
        em.emit(is_not ? Op::Not : Op::Neg, e.range);
        return t.kind == TypeKind::Error ? t : (is_not ? bool_type : int_type);
    }
    if (const auto* b = std::get_if<ast::BinaryExpr>(&e.node)) {
        return binary(*b, e.range, ctx, em);
    }
    if (const auto* c = std::get_if<ast::CondExpr>(&e.node)) {
        return conditional(*c->cond, c->then_value.get(), c->else_value.get(), false, false,
                           e.range, ctx, em);
    }
    if (const auto* q = std::get_if<ast::QuantifierExpr>(&e.node)) {
        return quantifier(*q, e.range, ctx, em);
    }
    error(e.range, code::type_mismatch, "a list of values is only allowed as an initial value");
    return error_type;
}

Type Compiler::name_value(const ast::NameRef& n, SourceRange where, Context& ctx, Emitter& em) {
    const std::string& name = n.name.text;
    if (const FrameVar* f = find_frame(ctx, name)) {
        if (f->constant) {
            specialized_reads_ += f->specialized ? 1U : 0U;
            em.emit(Op::Push, where, 0, *f->constant);
        } else if (ctx.constant) {
            error(where, code::not_constant, "'" + name + "' is not a constant");
            return error_type;
        } else {
            em.emit(Op::LoadFrame, where, f->index);
        }
        return f->type;
    }
    if (ctx.proc != nullptr && ctx.proc->family && ctx.proc->decl->index.text == name) {
        em.emit(Op::Push, where, 0, ctx.instance);
        return int_type;
    }
    if (auto c = consts_.find(name); c != consts_.end()) {
        const auto v = const_value(name, where);
        if (!v) {
            return error_type;
        }
        em.emit(Op::Push, where, 0, *v);
        return c->second.type;
    }
    if (auto m = enum_members_.find(name); m != enum_members_.end()) {
        em.emit(Op::Push, where, 0, m->second.second);
        return Type{TypeKind::Enum, m->second.first};
    }
    ast::Expr wrapper{where, ast::NameRef{n.name}};
    const Place p = place(wrapper, ctx, em);
    load(p, where, em);
    return p.ok && p.length == 0 ? p.type.type : error_type;
}

void Compiler::load(const Place& p, SourceRange where, Emitter& em) {
    if (!p.ok) {
        return;
    }
    if (p.length > 0) {
        error(where, code::array_as_value,
              "array '" + p.name + "' used as a value; index it, as in " + p.name + "[0]");
        return;
    }
    if (p.dynamic) {
        em.emit(Op::LoadDyn, where, p.slot, p.extent);
    } else {
        em.emit(Op::Load, where, p.slot);
    }
}

Type Compiler::binary(const ast::BinaryExpr& b, SourceRange where, Context& ctx, Emitter& em) {
    switch (b.op) {
    case ast::BinaryOp::And:
        return conditional(*b.lhs, b.rhs.get(), nullptr, false, false, where, ctx, em);
    case ast::BinaryOp::Or:
        return conditional(*b.lhs, nullptr, b.rhs.get(), true, false, where, ctx, em);
    case ast::BinaryOp::Implies:
        return conditional(*b.lhs, b.rhs.get(), nullptr, false, true, where, ctx, em);
    default:
        break;
    }
    const Type l = expr(*b.lhs, ctx, em);
    const Type r = expr(*b.rhs, ctx, em);
    em.emit(binary_op(b.op), where);
    if (l.kind == TypeKind::Error || r.kind == TypeKind::Error) {
        return error_type;
    }
    const bool equality = b.op == ast::BinaryOp::Eq || b.op == ast::BinaryOp::Ne;
    if (equality) {
        if (l != r) {
            error(where, code::type_mismatch,
                  "cannot compare " + type_name(l) + " with " + type_name(r));
            return error_type;
        }
        return bool_type;
    }
    if (l != int_type || r != int_type) {
        error(where, code::type_mismatch,
              std::string("operator '") + op_text(b.op) + "' needs int operands, found " +
                  type_name(l != int_type ? l : r));
        return error_type;
    }
    const bool comparison = b.op >= ast::BinaryOp::Lt && b.op <= ast::BinaryOp::Ge;
    return comparison ? bool_type : int_type;
}

Type Compiler::conditional(const ast::Expr& c, const ast::Expr* t, const ast::Expr* f, bool tv,
                           bool fv, SourceRange where, Context& ctx, Emitter& em) {
    const bool logical = t == nullptr || f == nullptr;
    const Type ct = expect(c, ctx, em, bool_type,
                           logical ? "operand of a logical operator" : "condition of '?:'");
    const std::uint32_t to_else = em.emit(Op::JumpIfFalse, where);
    const int depth = em.depth();
    Type tt = bool_type;
    if (t != nullptr) {
        tt = logical ? expect(*t, ctx, em, bool_type, "operand of a logical operator")
                     : expr(*t, ctx, em);
    } else {
        em.emit(Op::Push, where, 0, tv ? 1 : 0);
    }
    const std::uint32_t to_end = em.emit(Op::Jump, where);
    em.patch(to_else, em.here());
    em.set_depth(depth);
    Type ft = bool_type;
    if (f != nullptr) {
        ft = logical ? expect(*f, ctx, em, bool_type, "operand of a logical operator")
                     : expr(*f, ctx, em);
    } else {
        em.emit(Op::Push, where, 0, fv ? 1 : 0);
    }
    em.patch(to_end, em.here());
    if (ct.kind == TypeKind::Error || tt.kind == TypeKind::Error || ft.kind == TypeKind::Error) {
        return error_type;
    }
    if (tt != ft) {
        error(where, code::type_mismatch,
              "the branches of '?:' have different types: " + type_name(tt) + " and " +
                  type_name(ft));
        return error_type;
    }
    return tt;
}

std::uint32_t Compiler::push_frame(Context& ctx, Emitter& em, std::string name, Type type,
                                   SourceRange where) {
    if (!name.empty() && name_taken(ctx, name)) {
        error(where, code::duplicate_name, "'" + name + "' is already declared");
    }
    const std::uint32_t index = ctx.frame_top++;
    ctx.frame.push_back({std::move(name), index, type, std::nullopt});
    em.code().frame_size = std::max(em.code().frame_size, ctx.frame_top);
    return index;
}

void Compiler::pop_frame(Context& ctx, std::size_t to) {
    while (ctx.frame.size() > to) {
        ctx.frame.pop_back();
        --ctx.frame_top;
    }
}

Type Compiler::quantifier(const ast::QuantifierExpr& q, SourceRange where, Context& ctx,
                          Emitter& em) {
    if (ctx.constant) {
        error(where, code::not_constant, "a quantifier is not a constant expression");
        return error_type;
    }
    const std::size_t mark = ctx.frame.size();
    const LoopBounds b = loop_bounds(*q.lo, *q.hi, "quantifier bound", ctx, em);
    if (b.constant) {
        if (const std::optional<Type> t = unroll_quantifier(q, b, where, ctx, em)) {
            return *t;
        }
    }
    // The bounds are on the stack, the upper one on top.
    const Type lt = b.lower_type;
    const Type ht = b.upper_type;
    const std::uint32_t v = push_frame(ctx, em, q.var.text, int_type, q.var.range);
    const std::uint32_t h = push_frame(ctx, em, "", int_type, where);
    em.emit(Op::StoreFrame, where, h);
    em.emit(Op::StoreFrame, where, v);
    const std::uint32_t acc = push_frame(ctx, em, "", int_type, where);
    em.emit(Op::Push, where, 0, q.kind == ast::QuantifierKind::Forall ? 1 : 0);
    em.emit(Op::StoreFrame, where, acc);
    const std::uint32_t loop = em.here();
    em.emit(Op::LoadFrame, where, v);
    em.emit(Op::LoadFrame, where, h);
    em.emit(Op::Le, where);
    const std::uint32_t exit = em.emit(Op::JumpIfFalse, where);
    const Type bt = expect(*q.body, ctx, em, bool_type, "quantifier body");
    std::uint32_t done = 0;
    if (q.kind == ast::QuantifierKind::Count) {
        em.emit(Op::LoadFrame, where, acc);
        em.emit(Op::Add, where);
        em.emit(Op::StoreFrame, where, acc);
    } else {
        const bool forall = q.kind == ast::QuantifierKind::Forall;
        const std::uint32_t next = em.emit(forall ? Op::JumpIfTrue : Op::JumpIfFalse, where);
        em.emit(Op::Push, where, 0, forall ? 0 : 1);
        em.emit(Op::StoreFrame, where, acc);
        done = em.emit(Op::Jump, where);
        em.patch(next, em.here());
    }
    em.emit(Op::LoadFrame, where, v);
    em.emit(Op::AddImm, where, 0, 1);
    em.emit(Op::StoreFrame, where, v);
    em.emit(Op::Jump, where, loop);
    em.patch(exit, em.here());
    if (done != 0) {
        em.patch(done, em.here());
    }
    em.emit(Op::LoadFrame, where, acc);
    pop_frame(ctx, mark);
    if (lt.kind == TypeKind::Error || ht.kind == TypeKind::Error || bt.kind == TypeKind::Error) {
        return error_type;
    }
    return q.kind == ast::QuantifierKind::Count ? int_type : bool_type;
}

} // namespace ilv::detail
