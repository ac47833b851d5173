#include "model/compiler_impl.hpp"

#include "model/invariant.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace ilv::detail {

namespace {
constexpr std::int64_t max_array_length = 1 << 16;
constexpr std::int64_t max_family_size = 1 << 12;

SlotKind slot_kind(const DeclType& t) {
    switch (t.type.kind) {
    case TypeKind::Bool:
        return SlotKind::Bool;
    case TypeKind::Enum:
        return SlotKind::Enum;
    default:
        return SlotKind::Int;
    }
}
} // namespace

void Compiler::declare_var(const ast::VarDecl& v, Context& ctx, std::string prefix,
                           VarInfo& info) {
    info.name = v.name.text;
    info.where = v.name.range;
    const auto type = resolve_type(v.type, ctx);
    if (!type) {
        info.type = DeclType{};
        return;
    }
    info.type = *type;
    if (v.size) {
        Type st;
        const auto n = const_eval(*v.size, ctx, &st);
        if (!n) {
            return;
        }
        if (st.kind != TypeKind::Int || *n < 1 || *n > max_array_length) {
            error(v.size->range, code::array_too_large,
                  "array size must be an int from 1 to " + std::to_string(max_array_length));
            broken_.insert(v.name.text);
            return;
        }
        info.length = static_cast<std::uint32_t>(*n);
    }
    const std::vector<std::string> labels =
        type->type.kind == TypeKind::Enum ? enums_[type->type.enum_id].members
                                          : std::vector<std::string>{};
    const std::uint32_t n = std::max<std::uint32_t>(info.length, 1);
    SlotId first = 0;
    for (std::uint32_t k = 0; k < n; ++k) {
        std::string name = prefix + info.name;
        if (info.length > 0) {
            name += "[" + std::to_string(k) + "]";
        }
        const SlotId id = out_.layout.add(std::move(name), slot_kind(*type), type->lower,
                                          type->upper, labels);
        first = k == 0 ? id : first;
        init_.push_back(type->lower);
    }
    set_initial(v, ctx, info, first);
    info.first = first;
}

void Compiler::set_initial(const ast::VarDecl& v, Context& ctx, const VarInfo& info,
                           SlotId first) {
    if (!v.init) {
        return;
    }
    std::vector<const ast::Expr*> values;
    if (const auto* lit = std::get_if<ast::ArrayLit>(&v.init->node)) {
        if (info.length == 0 || lit->elements.size() != info.length) {
            error(v.init->range, code::initialiser_length,
                  info.length == 0 ? "a scalar cannot take a list of values"
                                   : "'" + info.name + "' has " + std::to_string(info.length) +
                                         " elements but the list has " +
                                         std::to_string(lit->elements.size()));
            return;
        }
        for (const auto& e : lit->elements) {
            values.push_back(e.get());
        }
    } else {
        values.assign(std::max<std::uint32_t>(info.length, 1), v.init.get());
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
        Type t;
        const auto value = const_eval(*values[k], ctx, &t);
        if (!value) {
            return;
        }
        if (t != info.type.type) {
            error(values[k]->range, code::type_mismatch,
                  "cannot initialise '" + info.name + "' of type " + type_name(info.type.type) +
                      " with " + type_name(t));
            return;
        }
        if (*value < info.type.lower || *value > info.type.upper) {
            error(values[k]->range, code::initial_out_of_range,
                  "initial value " + std::to_string(*value) + " of '" +
                      out_.layout.slot(static_cast<SlotId>(first + k)).name + "' is out of range " + std::to_string(info.type.lower) + ".." +
                      std::to_string(info.type.upper));
            return;
        }
        init_[first + k] = *value;
    }
}

void Compiler::declare_globals() {
    for (const auto& v : model_.vars) {
        Context ctx;
        VarInfo info;
        declare_var(v, ctx, "", info);
        globals_.emplace(v.name.text, info);
        global_order_.push_back(v.name.text);
    }
}

void Compiler::declare_locals(ProcInfo& p) {
    const std::size_t errors_before = diags_.error_count();
    for (std::uint32_t inst = 0; inst < p.count && diags_.error_count() == errors_before; ++inst) {
        Context ctx;
        ctx.proc = &p;
        ctx.instance = p.lo + inst;
        const std::string prefix = out_.instance_names[p.first_instance + inst] + ".";
        const SlotId pc = out_.layout.add(prefix + "@", SlotKind::Location, 0,
                                          std::max<std::int64_t>(
                                              static_cast<std::int64_t>(p.locations.size()) - 1, 0),
                                          p.locations);
        init_.push_back(0);
        if (inst == 0) {
            p.first_slot = pc;
        }
        for (const auto& v : p.decl->locals) {
            VarInfo info;
            declare_var(v, ctx, prefix, info);
            if (inst == 0) {
                info.first -= p.first_slot;
                if (!p.locals.emplace(v.name.text, info).second) {
                    error(v.name.range, code::duplicate_name,
                          "'" + v.name.text + "' is already declared in '" + p.name + "'");
                } else if (const auto global = top_names_.find(v.name.text);
                           global != top_names_.end()) {
                    diags_.error_with_note(v.name.range, code::duplicate_name,
                                           "local '" + v.name.text + "' hides a global declaration",
                                           global->second,
                                           "the global '" + v.name.text + "' is declared here");
                }
                p.local_order.push_back(v.name.text);
            }
        }
        if (inst == 0) {
            p.stride = static_cast<std::uint32_t>(out_.layout.slots().size()) - p.first_slot;
        }
    }
}

void Compiler::declare_processes() {
    for (const auto& decl : model_.processes) {
        ProcInfo p;
        p.decl = &decl;
        p.name = decl.name.text;
        p.family = decl.family;
        if (decl.family) {
            Context ctx;
            Type lt;
            Type ht;
            const auto lo = const_eval(*decl.lo, ctx, &lt);
            const auto hi = const_eval(*decl.hi, ctx, &ht);
            if (!lo || !hi) {
                continue;
            }
            if (*hi < *lo || *hi - *lo >= max_family_size) {
                error(decl.name.range, code::empty_range,
                      "process family '" + p.name + "' needs 1 to " +
                          std::to_string(max_family_size) + " instances, range is " +
                          std::to_string(*lo) + ".." + std::to_string(*hi));
                broken_.insert(p.name);
                continue;
            }
            p.lo = *lo;
            p.hi = *hi;
            p.count = static_cast<std::uint32_t>(*hi - *lo + 1);
        }
        for (const auto& loc : decl.locations) {
            const auto idx = static_cast<std::uint32_t>(p.locations.size());
            if (const auto [first, fresh] = p.location_index.emplace(loc.text, idx); !fresh) {
                diags_.error_with_note(loc.range, code::duplicate_name,
                                       "location '" + loc.text + "' is already declared",
                                       decl.locations[first->second].range,
                                       "previous declaration of '" + loc.text + "' is here");
                continue;
            }
            p.locations.push_back(loc.text);
        }
        if (p.locations.empty()) {
            error(decl.name.range, code::no_locations,
                  "process '" + p.name + "' declares no location");
            broken_.insert(p.name);
            continue;
        }
        for (const auto& e : decl.ends) {
            if (p.location_index.count(e.text) == 0) {
                error(e.range, code::unknown_location,
                      "unknown location '" + e.text + "' in process '" + p.name + "'");
            }
        }
        for (const auto& s : decl.steps) {
            const auto idx = static_cast<std::uint32_t>(p.step_index.size());
            if (!p.step_index.emplace(s.name.text, idx).second) {
                error(s.name.range, code::duplicate_name,
                      "step '" + s.name.text + "' is already declared in '" + p.name + "'");
            }
        }
        p.first_instance = static_cast<ProcessId>(out_.instances.size());
        for (std::uint32_t k = 0; k < p.count; ++k) {
            ProcessInstance inst;
            inst.name = p.family ? p.name + "[" + std::to_string(p.lo + k) + "]" : p.name;
            inst.is_end.assign(p.locations.size(), false);
            for (const auto& e : decl.ends) {
                auto it = p.location_index.find(e.text);
                if (it != p.location_index.end()) {
                    inst.is_end[it->second] = true;
                }
            }
            out_.instance_names.push_back(inst.name);
            out_.instances.push_back(std::move(inst));
        }
        proc_by_name_.emplace(p.name, static_cast<std::uint32_t>(procs_.size()));
        procs_.push_back(std::move(p));
    }
    for (ProcInfo& p : procs_) {
        declare_locals(p);
        for (std::uint32_t k = 0; k < p.count; ++k) {
            out_.instances[p.first_instance + k].location_slot = p.first_slot + k * p.stride;
        }
    }
}

void Compiler::declare_fns() {
    for (const auto& f : model_.fns) {
        FnInfo info;
        info.decl = &f;
        std::set<std::string> seen;
        for (const auto& prm : f.params) {
            Context ctx;
            const auto t = resolve_type(prm.type, ctx);
            info.params.push_back(t.value_or(DeclType{}));
            if (!seen.insert(prm.name.text).second || top_names_.count(prm.name.text) != 0) {
                error(prm.name.range, code::duplicate_name,
                      "parameter '" + prm.name.text + "' is already declared");
            }
        }
        fns_.emplace(f.name.text, std::move(info));
    }
}

void Compiler::build_initial_state() {
    out_.initial.assign(out_.layout.words(), 0);
    for (SlotId id = 0; id < init_.size(); ++id) {
        out_.layout.set(out_.initial, id, init_[id]);
    }
}

} // namespace ilv::detail
