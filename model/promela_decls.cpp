#include "model/promela_writer.hpp"

#include "model/invariant.hpp"

#include <algorithm>

namespace ilv::promela {

namespace {

/// SPIN numbers processes with a byte: at most 255 (`MAXPROC`), the monitor included.
constexpr std::uint32_t max_processes = 255;

/// `text` with every line but the first indented by `n` spaces.
std::string hang(const std::string& text, int n) {
    std::string out;
    for (char ch : text) {
        out += ch;
        if (ch == '\n') {
            out += std::string(static_cast<std::size_t>(n), ' ');
        }
    }
    return out;
}

/// True when every location of `p` is an end location.
bool always_at_end(const detail::ProcInfo& p) {
    std::set<std::string> ends;
    for (const ast::Ident& e : p.decl->ends) {
        ends.insert(e.text);
    }
    return ends.size() == p.locations.size();
}

/// `text` safe inside a Promela comment.
std::string comment_safe(std::string text) {
    for (std::size_t at = text.find("*/"); at != std::string::npos; at = text.find("*/")) {
        text.replace(at, 2, "* /");
    }
    return text;
}

} // namespace

Writer::Writer(detail::Compiler& compiler, const CompiledModel& model, Diagnostics& diags,
               std::string source)
    : c_(compiler), model_(model), diags_(diags), source_(std::move(source)) {}

std::string Writer::run() {
    name_declarations();
    std::string procs;
    for (const detail::ProcInfo& p : c_.procs_) {
        procs += proctype(p) + "\n";
    }
    const std::string mon = monitor();
    if (pids_ + 1 > max_processes) {
        unsupported(c_.model_.name.range,
                    std::to_string(pids_) + " process instances and the monitor exceed SPIN's " +
                        std::to_string(max_processes) + " processes");
    }
    return header() + defines() + declarations() + scratch_declarations() + "\n" + procs + mon;
}

void Writer::name_declarations() {
    for (const std::string& g : c_.global_order_) {
        const detail::VarInfo& info = c_.globals_.at(g);
        globals_[g] = VarMap{names_.claim(g), info.type, info.length, 0};
    }
    for (const ast::ConstDecl& k : c_.model_.consts) {
        const_names_[k.name.text] = names_.claim(k.name.text);
    }
    for (const detail::EnumInfo& e : c_.enums_) {
        for (const std::string& m : e.members) {
            member_names_[m] = names_.claim(m);
        }
    }
    for (const detail::ProcInfo& p : c_.procs_) {
        proc_names_[p.name] = names_.claim(p.name);
        first_pid_[p.name] = pids_;
        pids_ += p.count;
    }
    for (const detail::ProcInfo& p : c_.procs_) {
        const std::uint32_t inst = p.family ? p.count : 0;
        for (const std::string& l : p.local_order) {
            const detail::VarInfo& info = p.locals.at(l);
            locals_[p.name][l] = VarMap{names_.claim(p.name + "_" + l), info.type, info.length, inst};
        }
        const auto last = static_cast<std::int64_t>(p.locations.size()) - 1;
        locations_[p.name] = VarMap{names_.claim(p.name + "_loc"),
                                    detail::DeclType{{detail::TypeKind::Int, 0}, 0, last}, 0, inst};
        for (const std::string& l : p.locations) {
            location_names_[p.name].push_back(names_.claim(p.name + "_" + l));
        }
    }
}

std::string Writer::header() const {
    std::string defines;
    for (const auto& [name, value] : c_.overrides_) {
        defines += " -D " + name + "=" + std::to_string(value);
    }
    std::string out =
        "/* Model " + c_.model_.name.text + ", exported by `interleave export promela " +
        comment_safe(source_) + defines + "`.\n"
        "   Translation scheme: docs/promela.md. One d_step per step and parameter value, guarded\n"
        "   by the process's location; every local and location is a global array indexed by\n"
        "   the instance, so that any d_step and the monitor may read it.\n"
        "     spin -a FILE && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -E\n"
        "   stores exactly the states `interleave check` counts. ./pan without -E also reports\n"
        "   deadlocks (invalid end states), and every assert, runtime error and invariant fails\n"
        "   as an assertion. spin -DILV_VERDICTS with gcc -DPRINTF prints one `ilv-violation P`\n"
        "   line per violation of property P instead, and goes on. A failing step changes\n"
        "   nothing, as in interleave. */\n\n"
        "#ifndef ILV_SCRATCH\n#define ILV_SCRATCH hidden /* spin -DILV_SCRATCH= for pan -DBFS */\n"
        "#endif\n#ifdef ILV_VERDICTS\n#define ILV_VIOLATION(m) printf(m)\n#else\n"
        "#define ILV_VIOLATION(m) printf(m); assert(false)\n#endif\n\n";
    if (!c_.model_.liveness.empty()) {
        out += "/* not exported (liveness):";
        for (const ast::LivenessDecl& l : c_.model_.liveness) {
            out += " " + l.name.text;
        }
        out += " */\n\n";
    }
    return out;
}

std::string Writer::initial_values(const VarMap& v, const std::vector<SlotId>& slots) const {
    std::vector<Word> state(model_.layout().words(), 0);
    model_.initial(state);
    const bool boolean = v.type.type.kind == detail::TypeKind::Bool;
    const bool is_enum = v.type.type.kind == detail::TypeKind::Enum;
    std::vector<std::string> values;
    for (SlotId id : slots) {
        const std::int64_t x = model_.layout().get(state, id);
        values.push_back(boolean   ? (x != 0 ? "true" : "false")
                         : is_enum ? member_names_.at(c_.enums_[v.type.type.enum_id]
                                                          .members[static_cast<std::size_t>(x)])
                                   : literal(x));
    }
    if (std::all_of(values.begin(), values.end(), [&](const auto& x) { return x == values[0]; })) {
        return values[0];
    }
    std::string out;
    for (const std::string& x : values) {
        out += (out.empty() ? "{ " : ", ") + x;
    }
    return out + " }";
}

std::string Writer::defines() const {
    std::string out;
    for (const ast::ConstDecl& k : c_.model_.consts) {
        const detail::ConstInfo& info = c_.consts_.at(k.name.text);
        const bool boolean = info.type.kind == detail::TypeKind::Bool;
        out += "#define " + const_names_.at(k.name.text) + " " +
               (boolean ? (info.value != 0 ? "true" : "false") : literal(info.value)) + "\n";
    }
    for (const detail::EnumInfo& e : c_.enums_) {
        out += "/* enum " + e.name + " */\n";
        for (std::size_t k = 0; k < e.members.size(); ++k) {
            out += "#define " + member_names_.at(e.members[k]) + " " + std::to_string(k) + "\n";
        }
    }
    for (const detail::ProcInfo& p : c_.procs_) {
        out += "/* locations of " + p.name + " */\n";
        for (std::size_t k = 0; k < p.locations.size(); ++k) {
            out += "#define " + location_names_.at(p.name)[k] + " " + std::to_string(k) + "\n";
        }
    }
    return out + "\n";
}

std::string Writer::declarations() {
    std::string out;
    auto declare = [&](const VarMap& v, const std::vector<SlotId>& slots, const std::string& what,
                       SourceRange where) {
        const std::string type = promela_type(v.type);
        if (type.empty()) {
            unsupported(where, "the range of '" + what + "' does not fit Promela's 32-bit int");
        }
        const std::uint32_t n = std::max<std::uint32_t>(v.length, 1) * std::max<std::uint32_t>(v.instances, 1);
        const bool array = v.length > 0 || v.instances > 0;
        out += type + " " + v.name + (array ? "[" + std::to_string(n) + "]" : "") + " = " +
               initial_values(v, slots) + ";   /* " + what + ": " + std::to_string(v.type.lower) +
               ".." + std::to_string(v.type.upper) + " */\n";
    };
    for (const std::string& g : c_.global_order_) {
        const detail::VarInfo& info = c_.globals_.at(g);
        std::vector<SlotId> slots;
        for (std::uint32_t k = 0; k < std::max<std::uint32_t>(info.length, 1); ++k) {
            slots.push_back(info.first + k);
        }
        declare(globals_.at(g), slots, g, info.where);
    }
    for (const detail::ProcInfo& p : c_.procs_) {
        const std::string who = p.family ? p.name + "[" + p.decl->index.text + "]" : p.name;
        std::vector<SlotId> slots;
        for (std::uint32_t i = 0; i < p.count; ++i) {
            slots.push_back(p.first_slot + i * p.stride);
        }
        declare(locations_.at(p.name), slots, who + " location", p.decl->name.range);
        for (const std::string& l : p.local_order) {
            const detail::VarInfo& info = p.locals.at(l);
            slots.clear();
            for (std::uint32_t i = 0; i < p.count; ++i) {
                for (std::uint32_t k = 0; k < std::max<std::uint32_t>(info.length, 1); ++k) {
                    slots.push_back(p.first_slot + i * p.stride + info.first + k);
                }
            }
            declare(locals_.at(p.name).at(l), slots, who + "." + l, info.where);
        }
    }
    return out;
}

std::string Writer::scratch_declarations() const {
    std::string out;
    for (const auto& [key, name] : scratch_names_) {
        out += "ILV_SCRATCH int " + name + " = 0;   /* scratch, 0 between steps */\n";
    }
    for (const auto& [var, name] : save_names_) {
        const std::uint32_t n = std::max<std::uint32_t>(var->length, 1) *
                                std::max<std::uint32_t>(var->instances, 1);
        const bool array = var->length > 0 || var->instances > 0;
        out += "ILV_SCRATCH int " + name + (array ? "[" + std::to_string(n) + "]" : "") +
               " = 0;   /* " + var->name + " before a step that may fail */\n";
    }
    return out;
}

std::string Writer::proctype(const detail::ProcInfo& p) {
    std::string out = p.family ? "active [" + std::to_string(p.count) + "] proctype " +
                                     proc_names_.at(p.name) + "() {   /* " + p.name + "[" +
                                     p.decl->index.text + " in " + std::to_string(p.lo) + ".." +
                                     std::to_string(p.hi) + "], _pid " +
                                     std::to_string(first_pid_.at(p.name)) + " onwards */\n"
                               : "active proctype " + proc_names_.at(p.name) + "() {\n";
    if (always_at_end(p)) {
        out += "end_ilv:   /* every location is an end location */\n";
    }
    out += "  do\n";
    for (const ast::StepDecl& s : p.decl->steps) {
        out += step_options(p, s);
    }
    if (p.decl->steps.empty()) {
        out += "  :: false\n";
    }
    return out + "  od\n}\n";
}

std::string Writer::step_options(const detail::ProcInfo& p, const ast::StepDecl& s) {
    std::vector<detail::DeclType> types;
    std::vector<std::int64_t> values;
    for (const ast::Param& prm : s.params) {
        detail::Context ctx;
        types.push_back(c_.resolve_type(prm.type, ctx).value());
        values.push_back(types.back().lower);
    }
    std::string out;
    while (true) {
        Scope scope{&p, false, {}};
        std::string args;
        for (std::size_t k = 0; k < values.size(); ++k) {
            const detail::Type t = types[k].type;
            const std::int64_t v = values[k];
            std::string text = t.kind == detail::TypeKind::Bool ? (v != 0 ? "true" : "false")
                               : t.kind == detail::TypeKind::Enum
                                   ? member_names_.at(c_.enums_[t.enum_id].members[static_cast<std::size_t>(v)])
                                   : literal(v);
            args += (k == 0 ? "(" : ", ") + text + (k + 1 == values.size() ? ")" : "");
            scope.frame.push_back({s.params[k].name.text, Emitted{text, {v, v}, "", true, v}});
        }
        out += "  :: d_step {   /* " + s.name.text + args + " */\n       " +
               hang(d_step(p, s, scope), 7) + "\n     }\n";
        std::size_t k = values.size();
        while (k > 0 && values[k - 1] == types[k - 1].upper) {
            values[k - 1] = types[k - 1].lower;
            --k;
        }
        if (k == 0) {
            return out;
        }
        ++values[k - 1];
    }
}

std::string Writer::all_end() {
    std::string out;
    for (const detail::ProcInfo& p : c_.procs_) {
        if (p.decl->ends.empty()) {
            return "false";
        }
        if (always_at_end(p)) {
            continue;
        }
        for (std::uint32_t i = 0; i < p.count; ++i) {
            const std::string loc = location_of({&p, std::to_string(i), i, ""});
            std::string any;
            for (const ast::Ident& e : p.decl->ends) {
                any += (any.empty() ? "" : " || ") + loc + " == " +
                       location_names_.at(p.name)[p.location_index.at(e.text)];
            }
            out = conj(out, par(any));
        }
    }
    return out;
}

std::string Writer::unread_variables() const {
    std::string reads;
    auto add = [&](const VarMap& v) {
        if (read_.count(&v) == 0) {
            const bool array = v.length > 0 || v.instances > 0;
            reads += " && " + v.name + (array ? "[0]" : "") + " == 0";
        }
    };
    for (const auto& [name, v] : globals_) {
        add(v);
    }
    for (const auto& [proc, locals] : locals_) {
        for (const auto& [name, v] : locals) {
            add(v);
        }
    }
    return reads.empty() ? ""
                         : "  :: false" + reads +
                               "   /* never runs: SPIN drops variables nothing reads */\n";
}

std::string Writer::monitor() {
    std::string out = "/* The monitor: every transition below leaves the state unchanged, so it adds "
                      "no state. */\nactive proctype " +
                      names_.claim("ilv_monitor") + "() {\nend_ilv_monitor:\n  do\n";
    for (const ast::InvariantDecl& inv : c_.model_.invariants) {
        Scope scope;
        step_ = StepFrame{};
        const Emitted e = expr(*inv.expr, scope);
        const std::string bad = e.def.empty() ? "!" + par(e.text)
                                              : "!" + par(e.def) + " || !" + par(e.text);
        out += "  :: d_step { " + hang(bad, 14) + " -> ILV_VIOLATION(\"ilv-violation " +
               inv.name.text + "\\n\") }   /* invariant " + inv.name.text + " */\n";
    }
    out += unread_variables();
    const std::string end = all_end();
    std::string stuck;
    for (std::uint32_t pid = 0; pid < pids_; ++pid) {
        stuck += " && !enabled(" + std::to_string(pid) + ")";
    }
    out += "#ifdef ILV_VERDICTS\n  :: d_step { " + (end.empty() ? "false" : "!" + par(end)) +
           stuck + " -> printf(\"ilv-violation deadlock\\n\") }\n#endif\n";
    if (!end.empty()) {
        out += "  :: " + par(end) + "   /* every process at an end location: not a deadlock */\n";
    } else if (c_.model_.invariants.empty()) {
        out += "  :: false\n";
    }
    return out + "  od\n}\n";
}

} // namespace ilv::promela
