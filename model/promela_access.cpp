#include "model/invariant.hpp"
#include "model/promela_writer.hpp"

namespace ilv::promela {

namespace {

const ast::NameRef* as_name(const ast::Expr& e) {
    return std::get_if<ast::NameRef>(&e.node);
}

/// `text - k` (or `text + -k`), folded when `k` is zero.
std::string minus(const std::string& text, std::int64_t k) {
    if (k == 0) {
        return text;
    }
    return k > 0 ? "(" + text + " - " + std::to_string(k) + ")"
                 : "(" + text + " + " + std::to_string(-k) + ")";
}

} // namespace

std::string within(const Emitted& e, std::int64_t lo, std::int64_t hi) {
    std::string out;
    if (e.range.lo < lo) {
        out = "(" + literal(lo) + " <= " + e.text + ")";
    }
    if (e.range.hi > hi) {
        out = conj(out, "(" + e.text + " <= " + literal(hi) + ")");
    }
    return out;
}

std::string Writer::own_instance(const detail::ProcInfo& p) const {
    if (p.count == 1) {
        return "0";
    }
    return minus("_pid", first_pid_.at(p.name));
}

Emitted Writer::name_value(const ast::NameRef& n, SourceRange where, Scope& s) {
    const std::string& name = n.name.text;
    for (auto it = s.frame.rbegin(); it != s.frame.rend(); ++it) {
        if (it->name == name) {
            return it->value;
        }
    }
    if (s.proc != nullptr && s.proc->family && s.proc->decl->index.text == name) {
        const detail::ProcInfo& p = *s.proc;
        const auto offset = static_cast<std::int64_t>(first_pid_.at(p.name)) - p.lo;
        Emitted out{minus("_pid", offset), {p.lo, p.hi}, "", true, std::nullopt};
        if (p.count == 1) {
            out.text = literal(p.lo);
            out.value = p.lo;
        }
        return out;
    }
    if (auto c = c_.consts_.find(name); c != c_.consts_.end()) {
        const std::int64_t v = c->second.value;
        return Emitted{const_names_.at(name), {v, v}, "", true, v};
    }
    if (auto m = c_.enum_members_.find(name); m != c_.enum_members_.end()) {
        const std::int64_t v = m->second.second;
        return Emitted{member_names_.at(name), {v, v}, "", true, v};
    }
    ast::Expr wrapper{where, ast::NameRef{n.name}};
    return read(place(wrapper, s));
}

Access Writer::own_local(const detail::ProcInfo& p, const std::string& name) {
    Access a;
    a.var = &locals_.at(p.name).at(name);
    if (p.family) {
        a.inst = own_instance(p);
        if (p.count == 1) {
            a.inst_value = 0;
        }
    }
    return a;
}

Access Writer::place(const ast::Expr& e, Scope& s) {
    if (const auto* ix = std::get_if<ast::IndexExpr>(&e.node)) {
        Access a = place(*ix->base, s);
        ILV_ASSERT(a.var != nullptr && a.var->length > 0 && !a.indexed, "indexing an array");
        const Emitted k = expr(*ix->index, s);
        a.index = k.text;
        a.index_value = k.value;
        a.indexed = true;
        a.def = conj(conj(a.def, k.def), within(k, 0, a.var->length - 1));
        return a;
    }
    if (const auto* m = std::get_if<ast::MemberExpr>(&e.node)) {
        const auto p = process_ref(*m->base, s);
        ILV_ASSERT(p.has_value(), "the compiler resolved every process reference");
        Access a;
        a.var = &locals_.at(p->proc->name).at(m->member.text);
        a.inst = p->inst;
        a.inst_value = p->inst_value;
        a.def = p->def;
        return a;
    }
    const ast::NameRef* n = as_name(e);
    ILV_ASSERT(n != nullptr, "the compiler accepted only variables as places");
    if (s.proc != nullptr && !s.in_fn && s.proc->locals.count(n->name.text) != 0) {
        return own_local(*s.proc, n->name.text);
    }
    Access a;
    a.var = &globals_.at(n->name.text);
    return a;
}

std::optional<ProcAccess> Writer::process_ref(const ast::Expr& e, Scope& s) {
    if (const ast::NameRef* n = as_name(e)) {
        if (n->name.text == "self") {
            ILV_ASSERT(s.proc != nullptr, "self is only valid in a step");
            ProcAccess p{s.proc, s.proc->family ? own_instance(*s.proc) : "", std::nullopt, ""};
            if (s.proc->count == 1) {
                p.inst_value = 0;
            }
            return p;
        }
        return ProcAccess{&c_.procs_[c_.proc_by_name_.at(n->name.text)], "", 0, ""};
    }
    const auto* ix = std::get_if<ast::IndexExpr>(&e.node);
    if (ix == nullptr || as_name(*ix->base) == nullptr) {
        return std::nullopt;
    }
    const detail::ProcInfo& p = c_.procs_[c_.proc_by_name_.at(as_name(*ix->base)->name.text)];
    const Emitted k = expr(*ix->index, s);
    ProcAccess out{&p, minus(k.text, p.lo), std::nullopt, conj(k.def, within(k, p.lo, p.hi))};
    if (k.value) {
        out.inst_value = *k.value - p.lo;
        out.inst = std::to_string(*out.inst_value);
    }
    return out;
}

std::string Writer::element(const Access& a) const {
    const VarMap& v = *a.var;
    if (v.instances == 0) {
        return v.length == 0 ? v.name : v.name + "[" + a.index + "]";
    }
    if (v.length == 0) {
        return v.name + "[" + a.inst + "]";
    }
    if (a.inst_value && a.index_value) {
        return v.name + "[" + std::to_string(*a.inst_value * v.length + *a.index_value) + "]";
    }
    const std::string base = a.inst_value ? std::to_string(*a.inst_value * v.length)
                                          : par(a.inst) + " * " + std::to_string(v.length);
    return v.name + "[" + base + " + " + a.index + "]";
}

Emitted Writer::read(const Access& a) {
    ILV_ASSERT(a.var->length == 0 || a.indexed, "whole arrays are never values");
    read_.insert(a.var);
    Emitted out{element(a), {a.var->type.lower, a.var->type.upper}, a.def, false, std::nullopt};
    out.wide_variable = promela_type(a.var->type).empty(); // reported at the declaration
    return out;
}

std::string Writer::location_of(const ProcAccess& p) const {
    const VarMap& v = locations_.at(p.proc->name);
    return v.instances == 0 ? v.name : v.name + "[" + p.inst + "]";
}

} // namespace ilv::promela
