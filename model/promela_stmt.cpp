#include "model/promela_writer.hpp"

#include "model/invariant.hpp"

#include <algorithm>

namespace ilv::promela {

namespace {

/// Saves and restores up to this many elements statement by statement, larger ones in a loop.
constexpr std::uint32_t max_unrolled_copy = 16;

/// Prefixes every line of `text` with `n` spaces.
std::string indent(const std::string& text, int n) {
    const std::string pad(static_cast<std::size_t>(n), ' ');
    std::string out = pad;
    for (char ch : text) {
        out += ch;
        if (ch == '\n') {
            out += pad;
        }
    }
    return out;
}

/// Number of Promela elements of `v` (all instances).
std::uint32_t elements(const VarMap& v) {
    return std::max<std::uint32_t>(v.length, 1) * std::max<std::uint32_t>(v.instances, 1);
}

} // namespace

std::string Writer::block_text(const std::vector<std::string>& stmts, int n) const {
    std::string joined;
    for (const std::string& s : stmts) {
        joined += (joined.empty() ? "" : ";\n") + s;
    }
    return indent(joined.empty() ? "skip" : joined, n);
}

std::string Writer::scratch(const std::string& base, std::uint32_t k) {
    const std::string key = base + std::to_string(k);
    auto it = scratch_names_.find(key);
    if (it == scratch_names_.end()) {
        it = scratch_names_.emplace(key, names_.claim(key)).first;
    }
    step_.scratch.insert(it->second);
    return it->second;
}

void Writer::check(const std::string& ok, const std::string& property,
                   std::vector<std::string>& out) {
    if (ok.empty() || ok == "true") {
        return;
    }
    step_.fails = true;
    step_.saved = step_.written.size();
    out.push_back("if :: !" + par(ok) + " -> ILV_VIOLATION(\"ilv-violation " + property +
                  "\\n\"); goto " + step_.fail_label + " :: else fi");
}

void Writer::block(const ast::Block& b, Scope& s, std::vector<std::string>& out) {
    for (const ast::Stmt& st : b) {
        statement(st, s, out);
    }
}

void Writer::statement(const ast::Stmt& st, Scope& s, std::vector<std::string>& out) {
    if (const auto* a = std::get_if<ast::AssignStmt>(&st.node)) {
        assign(*a, s, out);
    } else if (const auto* i = std::get_if<ast::IfStmt>(&st.node)) {
        if_stmt(*i, s, out);
    } else if (const auto* f = std::get_if<ast::ForStmt>(&st.node)) {
        for_loop(*f, s, out);
    } else if (const auto* c = std::get_if<ast::CallStmt>(&st.node)) {
        call(*c, s, out);
    } else if (const auto* as = std::get_if<ast::AssertStmt>(&st.node)) {
        const Emitted cond = expr(*as->cond, s);
        check(cond.def, "runtime_error", out);
        if (!(cond.value && *cond.value != 0)) {
            const auto id = c_.assert_ids_.at(&st);
            check(cond.text, model_.asserts()[id].name, out);
        }
    }
}

void Writer::assign(const ast::AssignStmt& a, Scope& s, std::vector<std::string>& out) {
    const Access target = place(*a.target, s);
    const Emitted value = expr(*a.value, s);
    std::string ok = conj(target.def, value.def);
    if (target.var->type.type.kind == detail::TypeKind::Int) {
        ok = conj(ok, within(value, target.var->type.lower, target.var->type.upper));
    }
    check(ok, "runtime_error", out);
    out.push_back(element(target) + " = " + value.text);
    auto& w = step_.written;
    if (std::find(w.begin(), w.end(), target.var) == w.end()) {
        w.push_back(target.var);
    }
}

void Writer::if_stmt(const ast::IfStmt& i, Scope& s, std::vector<std::string>& out) {
    const Emitted cond = expr(*i.cond, s);
    check(cond.def, "runtime_error", out);
    std::vector<std::string> then_block;
    std::vector<std::string> else_block;
    block(i.then_block, s, then_block);
    block(i.else_block, s, else_block);
    out.push_back("if\n:: " + par(cond.text) + " ->\n" + block_text(then_block, 3) +
                  "\n:: else" + (else_block.empty() ? "" : " ->\n" + block_text(else_block, 3)) +
                  "\nfi");
}

void Writer::for_loop(const ast::ForStmt& f, Scope& s, std::vector<std::string>& out) {
    const Emitted lo = expr(*f.lo, s);
    const Emitted hi = expr(*f.hi, s);
    check(conj(lo.def, hi.def), "runtime_error", out);
    check_width({lo.range.lo, hi.range.hi + 1}, f.var.range);
    const std::uint32_t depth = step_.loops++;
    const std::string k = scratch("ilv_k", depth);
    out.push_back(k + " = " + lo.text);
    std::string bound = hi.text;
    if (!hi.stable) {
        bound = scratch("ilv_h", depth);
        out.push_back(bound + " = " + hi.text);
    }
    const Interval range{lo.range.lo, std::max(lo.range.lo, hi.range.hi)};
    s.frame.push_back({f.var.text, Emitted{k, range, "", true, std::nullopt}});
    std::vector<std::string> body;
    const bool failed_before = step_.fails;
    step_.fails = false;
    block(f.body, s, body);
    if (step_.fails) {
        step_.saved = step_.written.size(); // a later iteration may fail after these writes
    }
    step_.fails = step_.fails || failed_before;
    s.frame.pop_back();
    body.push_back(k + " = " + k + " + 1");
    out.push_back("do\n:: " + k + " <= " + bound + " ->\n" + block_text(body, 3) +
                  "\n:: else -> break\nod");
    --step_.loops;
}

void Writer::call(const ast::CallStmt& c, Scope& s, std::vector<std::string>& out) {
    const detail::FnInfo& fn = c_.fns_.at(c.callee.text);
    const std::uint32_t temps = step_.temps;
    Scope inner{s.proc, true, {}};
    for (std::size_t k = 0; k < c.args.size(); ++k) {
        Emitted arg = expr(*c.args[k], s);
        const detail::DeclType& want = fn.params[k];
        std::string ok = arg.def;
        if (want.type.kind == detail::TypeKind::Int) {
            ok = conj(ok, within(arg, want.lower, want.upper));
            arg.range = {std::max(arg.range.lo, want.lower), std::min(arg.range.hi, want.upper)};
        }
        check(ok, "runtime_error", out);
        arg.def.clear();
        if (!arg.value && !arg.stable) {
            const std::string temp = scratch("ilv_t", step_.temps++);
            out.push_back(temp + " = " + arg.text);
            arg = Emitted{temp, arg.range, "", true, std::nullopt};
        }
        inner.frame.push_back({fn.decl->params[k].name.text, arg});
    }
    block(fn.decl->body, inner, out);
    step_.temps = temps;
}

std::vector<std::string> Writer::saves(Copy mode) const {
    std::vector<std::string> out;
    for (std::size_t w = 0; w < step_.saved; ++w) {
        const VarMap* v = step_.written[w];
        const std::string& sv = save_names_.at(v);
        const std::string to = mode == Copy::Restore ? v->name : sv;
        const std::string from = mode == Copy::Save ? v->name : mode == Copy::Restore ? sv : "";
        const std::uint32_t n = elements(*v);
        auto at = [&](const std::string& name, const std::string& k) {
            return name.empty() ? std::string("0") : name + "[" + k + "]";
        };
        if (v->length == 0 && v->instances == 0) {
            out.push_back(to + " = " + (from.empty() ? "0" : from));
        } else if (n <= max_unrolled_copy) {
            for (std::uint32_t k = 0; k < n; ++k) {
                out.push_back(at(to, std::to_string(k)) + " = " + at(from, std::to_string(k)));
            }
        } else {
            const std::string& j = scratch_names_.at("ilv_j0");
            out.push_back(j + " = 0; do :: " + j + " < " + std::to_string(n) + " -> " + at(to, j) +
                          " = " + at(from, j) + "; " + j + " = " + j + " + 1 :: else -> break od");
        }
    }
    return out;
}

std::vector<std::string> Writer::finish_step(std::vector<std::string> body) {
    if (!step_.fails) {
        for (const std::string& name : step_.scratch) {
            body.push_back(name + " = 0");
        }
        return body;
    }
    for (std::size_t w = 0; w < step_.saved; ++w) {
        const VarMap* v = step_.written[w];
        if (save_names_.count(v) == 0) {
            save_names_.emplace(v, names_.claim("ilv_sv_" + v->name));
        }
        if (elements(*v) > max_unrolled_copy) {
            scratch("ilv_j", 0);
        }
    }
    std::vector<std::string> out = saves(Copy::Save);
    out.insert(out.end(), body.begin(), body.end());
    out.push_back("goto " + step_.done_label);
    std::vector<std::string> restore = saves(Copy::Restore);
    out.push_back(step_.fail_label + ": " + (restore.empty() ? "skip" : restore.front()));
    out.insert(out.end(), restore.begin() + (restore.empty() ? 0 : 1), restore.end());
    std::vector<std::string> reset = saves(Copy::Clear);
    for (const std::string& name : step_.scratch) {
        reset.push_back(name + " = 0");
    }
    out.push_back(step_.done_label + ": " + (reset.empty() ? "skip" : reset.front()));
    out.insert(out.end(), reset.begin() + (reset.empty() ? 0 : 1), reset.end());
    return out;
}

std::string Writer::d_step(const detail::ProcInfo& p, const ast::StepDecl& st, Scope& scope) {
    const std::string n = std::to_string(labels_++);
    step_ = StepFrame{};
    step_.fail_label = "ilv_fail_" + n;
    step_.done_label = "ilv_done_" + n;
    const ProcAccess self{&p, p.family ? own_instance(p) : "", std::nullopt, ""};
    const std::string loc = location_of(self);
    const auto& locs = location_names_.at(p.name);
    std::string first = loc + " == " + locs[p.location_index.at(st.from.text)];
    std::vector<std::string> body;
    if (st.guard) {
        const Emitted g = expr(*st.guard, scope);
        const std::string guard = g.def.empty() ? par(g.text)
                                                : "(!" + par(g.def) + " || " + par(g.text) + ")";
        first += " && " + guard;
        check(g.def, "runtime_error", body);
    }
    block(st.body, scope, body);
    body.push_back(loc + " = " + locs[p.location_index.at(st.to.text)]);
    return first + " ->\n" + block_text(finish_step(std::move(body)), 0);
}

} // namespace ilv::promela
