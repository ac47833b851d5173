#include "model/invariant.hpp"
#include "model/promela_writer.hpp"

#include <algorithm>
#include <limits>

namespace ilv::promela {

namespace {

constexpr std::int64_t int32_min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t int32_max = std::numeric_limits<std::int32_t>::max();
/// Most terms one quantifier may unroll to.
constexpr std::int64_t max_unrolled = 4096;

/// a op b on 64 bits, saturating (a saturated bound fails the 32-bit check anyway).
std::int64_t sat(std::int64_t a, std::int64_t b, char op) {
    std::int64_t r = 0;
    const bool over = op == '+'   ? __builtin_add_overflow(a, b, &r)
                      : op == '-' ? __builtin_sub_overflow(a, b, &r)
                                  : __builtin_mul_overflow(a, b, &r);
    if (!over) {
        return r;
    }
    const bool negative = op == '*' ? (a < 0) != (b < 0) : op == '+' ? a < 0 : a < 0;
    return negative ? std::numeric_limits<std::int64_t>::min()
                    : std::numeric_limits<std::int64_t>::max();
}

Interval hull(std::initializer_list<std::int64_t> values) {
    return {std::min(values), std::max(values)};
}

/// The interval of `l op r` for + - * / %, where / and % truncate toward zero.
Interval arith_range(ast::BinaryOp op, Interval l, Interval r) {
    switch (op) {
    case ast::BinaryOp::Add:
        return {sat(l.lo, r.lo, '+'), sat(l.hi, r.hi, '+')};
    case ast::BinaryOp::Sub:
        return {sat(l.lo, r.hi, '-'), sat(l.hi, r.lo, '-')};
    case ast::BinaryOp::Mul:
        return hull({sat(l.lo, r.lo, '*'), sat(l.lo, r.hi, '*'), sat(l.hi, r.lo, '*'),
                     sat(l.hi, r.hi, '*')});
    case ast::BinaryOp::Div: {
        const std::int64_t m = std::max(sat(0, l.lo, '-'), l.hi);
        return {-m, m};
    }
    default: {
        const std::int64_t m = std::max({sat(0, r.lo, '-'), r.hi, std::int64_t{1}}) - 1;
        return {l.lo < 0 ? -m : 0, l.hi > 0 ? m : 0};
    }
    }
}

/// The value of `l op r` when both are known and the operation cannot fail.
std::optional<std::int64_t> fold(ast::BinaryOp op, std::int64_t l, std::int64_t r) {
    switch (op) {
    case ast::BinaryOp::Add:
        return sat(l, r, '+');
    case ast::BinaryOp::Sub:
        return sat(l, r, '-');
    case ast::BinaryOp::Mul:
        return sat(l, r, '*');
    case ast::BinaryOp::Div:
        return r == 0 || r == -1 ? std::nullopt : std::optional<std::int64_t>(l / r);
    case ast::BinaryOp::Mod:
        return r == 0 || r == -1 ? std::nullopt : std::optional<std::int64_t>(l % r);
    case ast::BinaryOp::Lt:
        return l < r;
    case ast::BinaryOp::Le:
        return l <= r;
    case ast::BinaryOp::Gt:
        return l > r;
    case ast::BinaryOp::Ge:
        return l >= r;
    case ast::BinaryOp::Eq:
        return l == r;
    case ast::BinaryOp::Ne:
        return l != r;
    default:
        return std::nullopt;
    }
}

const char* op_text(ast::BinaryOp op) {
    static const char* const texts[] = {
        "*", "/", "%", "+", "-", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "->"};
    return texts[static_cast<int>(op)];
}

Emitted constant(std::int64_t v) {
    return Emitted{literal(v), {v, v}, "", true, v};
}

} // namespace

void Writer::unsupported(SourceRange where, const std::string& message) {
    if (!reported_.insert({where.begin.line, where.begin.column}).second) {
        return;
    }
    diags_.error(where, code::not_exportable, "cannot export to Promela: " + message);
}

void Writer::check_width(Interval r, SourceRange where) {
    if (r.lo < int32_min || r.hi > int32_max) {
        unsupported(where, "this value (" + std::to_string(r.lo) + ".." + std::to_string(r.hi) +
                               ") may leave Promela's 32-bit int range");
    }
}

Emitted Writer::expr(const ast::Expr& e, Scope& s) {
    Emitted out;
    if (const auto* lit = std::get_if<ast::IntLit>(&e.node)) {
        out = constant(lit->value);
    } else if (const auto* b = std::get_if<ast::BoolLit>(&e.node)) {
        out = Emitted{b->value ? "true" : "false", {b->value, b->value}, "", true, b->value};
    } else if (const auto* n = std::get_if<ast::NameRef>(&e.node)) {
        out = name_value(*n, e.range, s);
    } else if (std::holds_alternative<ast::IndexExpr>(e.node) ||
               std::holds_alternative<ast::MemberExpr>(e.node)) {
        const Access a = place(e, s);
        out = read(a);
    } else if (const auto* at = std::get_if<ast::AtExpr>(&e.node)) {
        const auto p = process_ref(*at->process, s);
        ILV_ASSERT(p.has_value(), "the compiler resolved every process reference");
        const auto& names = location_names_.at(p->proc->name);
        const auto index = p->proc->location_index.at(at->location.text);
        out = Emitted{"(" + location_of(*p) + " == " + names[index] + ")",
                      {0, 1},
                      p->def,
                      false,
                      std::nullopt};
    } else if (const auto* u = std::get_if<ast::UnaryExpr>(&e.node)) {
        out = unary(*u, s);
    } else if (const auto* bin = std::get_if<ast::BinaryExpr>(&e.node)) {
        out = binary(*bin, e.range, s);
    } else if (const auto* c = std::get_if<ast::CondExpr>(&e.node)) {
        out = conditional(*c, s);
    } else if (const auto* q = std::get_if<ast::QuantifierExpr>(&e.node)) {
        out = quantifier(*q, e.range, s);
    } else {
        ILV_UNREACHABLE("array literals appear only as initial values");
    }
    if (!out.wide_variable) {
        check_width(out.range, e.range);
    }
    return out;
}

Emitted Writer::unary(const ast::UnaryExpr& u, Scope& s) {
    const Emitted x = expr(*u.operand, s);
    Emitted out;
    out.def = x.def;
    out.stable = x.stable;
    out.wide_variable = x.wide_variable;
    if (u.op == ast::UnaryOp::Not) {
        out.text = "(!" + par(x.text) + ")";
        out.range = {0, 1};
        if (x.value) {
            out.value = *x.value == 0 ? 1 : 0;
        }
    } else {
        out.text = "(-" + par(x.text) + ")";
        out.range = {sat(0, x.range.hi, '-'), sat(0, x.range.lo, '-')};
        if (x.value) {
            out.value = -*x.value;
        }
    }
    return out;
}

Emitted Writer::binary(const ast::BinaryExpr& b, SourceRange where, Scope& s) {
    const Emitted l = expr(*b.lhs, s);
    const Emitted r = expr(*b.rhs, s);
    if (b.op == ast::BinaryOp::And || b.op == ast::BinaryOp::Or || b.op == ast::BinaryOp::Implies) {
        return logical(b.op, l, r);
    }
    return arithmetic(b.op, l, r, where);
}

Emitted Writer::arithmetic(ast::BinaryOp op, const Emitted& l, const Emitted& r,
                           SourceRange where) {
    Emitted out;
    out.text = "(" + l.text + " " + op_text(op) + " " + r.text + ")";
    out.stable = l.stable && r.stable;
    out.def = conj(l.def, r.def);
    const bool divides = op == ast::BinaryOp::Div || op == ast::BinaryOp::Mod;
    if (divides && r.range.lo <= 0 && r.range.hi >= 0) {
        out.def = conj(out.def, "(" + r.text + " != 0)");
    }
    const bool comparison = op >= ast::BinaryOp::Lt && op <= ast::BinaryOp::Ne;
    out.range = comparison ? Interval{0, 1} : arith_range(op, l.range, r.range);
    if (l.value && r.value) {
        out.value = fold(op, *l.value, *r.value);
    }
    out.wide_variable = !comparison && (l.wide_variable || r.wide_variable);
    if (!out.wide_variable) {
        check_width(out.range, where);
    }
    return out;
}

Emitted Writer::logical(ast::BinaryOp op, const Emitted& l, const Emitted& r) {
    Emitted out;
    out.range = {0, 1};
    out.stable = l.stable && r.stable;
    const std::string lt = par(l.text);
    const std::string rt = par(r.text);
    if (op == ast::BinaryOp::And) {
        out.text = "(" + lt + " && " + rt + ")";
        out.def = conj(l.def, r.def.empty() ? "" : "(!" + lt + " || " + par(r.def) + ")");
    } else if (op == ast::BinaryOp::Or) {
        out.text = "(" + lt + " || " + rt + ")";
        out.def = conj(l.def, r.def.empty() ? "" : "(" + lt + " || " + par(r.def) + ")");
    } else {
        out.text = "(!" + lt + " || " + rt + ")";
        out.def = conj(l.def, r.def.empty() ? "" : "(!" + lt + " || " + par(r.def) + ")");
    }
    return out;
}

Emitted Writer::conditional(const ast::CondExpr& c, Scope& s) {
    const Emitted k = expr(*c.cond, s);
    const Emitted t = expr(*c.then_value, s);
    const Emitted f = expr(*c.else_value, s);
    Emitted out;
    out.text = "(" + par(k.text) + " -> " + t.text + " : " + f.text + ")";
    out.range = {std::min(t.range.lo, f.range.lo), std::max(t.range.hi, f.range.hi)};
    out.stable = k.stable && t.stable && f.stable;
    out.wide_variable = t.wide_variable || f.wide_variable;
    if (!t.def.empty() || !f.def.empty()) {
        const std::string td = t.def.empty() ? "true" : par(t.def);
        const std::string fd = f.def.empty() ? "true" : par(f.def);
        out.def = conj(k.def, "(" + par(k.text) + " -> " + td + " : " + fd + ")");
    } else {
        out.def = k.def;
    }
    return out;
}

Emitted Writer::quantifier(const ast::QuantifierExpr& q, SourceRange where, Scope& s) {
    const Emitted lo = expr(*q.lo, s);
    const Emitted hi = expr(*q.hi, s);
    const bool fixed = lo.value && hi.value;
    if (hi.range.hi >= lo.range.lo && sat(hi.range.hi, lo.range.lo, '-') >= max_unrolled) {
        unsupported(where, "a quantifier over more than " + std::to_string(max_unrolled) +
                               " values cannot be unrolled");
        return constant(0);
    }
    const bool count = q.kind == ast::QuantifierKind::Count;
    const bool forall = q.kind == ast::QuantifierKind::Forall;
    std::vector<std::string> terms;
    std::vector<std::string> defs;
    for (std::int64_t k = lo.range.lo; k <= hi.range.hi; ++k) {
        s.frame.push_back({q.var.text, constant(k)});
        Emitted body = expr(*q.body, s);
        s.frame.pop_back();
        std::string term = par(body.text);
        std::string in;
        if (!fixed) {
            const bool above = lo.value.has_value();
            const bool below = hi.value.has_value();
            in = conj(above ? "" : lo.text + " <= " + literal(k),
                      below ? "" : literal(k) + " <= " + hi.text);
            in = par(in);
        }
        if (!in.empty()) {
            term = forall ? "(!" + in + " || " + term + ")" : "(" + in + " && " + term + ")";
            body.def = body.def.empty() ? "" : "(!" + in + " || " + par(body.def) + ")";
        }
        terms.push_back(count ? "(" + term + " -> 1 : 0)" : term);
        defs.push_back(body.def);
    }
    Emitted out;
    out.range = count ? Interval{0, static_cast<std::int64_t>(terms.size())} : Interval{0, 1};
    out.stable = false;
    const char* join = count ? " + " : forall ? " && " : " || ";
    out.text = terms.empty() ? (count ? "0" : forall ? "true" : "false") : "";
    std::string def;
    for (std::size_t k = terms.size(); k-- > 0;) {
        out.text = out.text.empty() ? terms[k] : terms[k] + join + out.text;
        const std::string rest = def.empty() ? ""
                                 : count     ? def
                                 : forall    ? "(!" + terms[k] + " || " + par(def) + ")"
                                             : "(" + terms[k] + " || " + par(def) + ")";
        def = conj(defs[k], rest);
    }
    out.text = par(out.text);
    out.def = conj(conj(lo.def, hi.def), def);
    return out;
}

} // namespace ilv::promela
