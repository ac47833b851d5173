#include "model/bytecode_optimize.hpp"
#include "model/compiler_impl.hpp"
#include "model/invariant.hpp"

#include <algorithm>

namespace ilv::detail {

namespace {
constexpr Type bool_type{TypeKind::Bool, 0};
constexpr std::size_t max_actions = std::size_t{1} << 20;

/// Adds every slot `code` may read to `reads` and every slot it may write to `writes`.
void collect_access(const Code& code, VarSet& reads, VarSet* writes) {
    for (const Instr& ins : code.instrs) {
        const auto extent = static_cast<SlotId>(ins.imm);
        switch (ins.op) {
        case Op::Load:
        case Op::LoadCmpImm:
            reads.insert(ins.a);
            break;
        case Op::LoadDyn:
            for (SlotId k = 0; k < extent; ++k) {
                reads.insert(ins.a + k);
            }
            break;
        case Op::Store:
            if (writes != nullptr) {
                writes->insert(ins.a);
            }
            break;
        case Op::StoreDyn:
            for (SlotId k = 0; writes != nullptr && k < extent; ++k) {
                writes->insert(ins.a + k);
            }
            break;
        default:
            break;
        }
    }
}
} // namespace

void Compiler::finish_code(Code& code) {
    optimize(code, out_.tables);
    out_.max_stack = std::max(out_.max_stack, code.stack_size);
    out_.max_frame = std::max(out_.max_frame, code.frame_size);
}

void Compiler::compile_steps() {
    for (ProcInfo& p : procs_) {
        p.actions_of.assign(p.count, std::vector<std::vector<ActionId>>(p.decl->steps.size()));
        const std::size_t errors_before = diags_.error_count();
        for (std::uint32_t inst = 0; inst < p.count; ++inst) {
            for (const ast::StepDecl& s : p.decl->steps) {
                compile_step(p, inst, s);
            }
            if (diags_.error_count() != errors_before) {
                break; // every instance would repeat the same errors
            }
        }
    }
}

void Compiler::compile_step(const ProcInfo& p, std::uint32_t instance, const ast::StepDecl& s) {
    const bool first = instance == 0;
    const std::size_t errors_before = diags_.error_count();
    auto location = [&](const ast::Ident& id) -> std::int64_t {
        auto it = p.location_index.find(id.text);
        if (it == p.location_index.end()) {
            if (first) {
                error(id.range, code::unknown_location,
                      "unknown location '" + id.text + "' in process '" + p.name + "'");
            }
            return 0;
        }
        return it->second;
    };
    CompiledStep step;
    step.process = p.first_instance + instance;
    step.location_slot = p.first_slot + instance * p.stride;
    step.from = location(s.from);
    step.to = location(s.to);
    Context ctx;
    ctx.proc = &p;
    ctx.instance = p.lo + static_cast<std::int64_t>(instance);
    Emitter guard(step.guard);
    std::vector<DeclType> params;
    for (const ast::Param& prm : s.params) {
        Context tctx;
        const auto t = resolve_type(prm.type, tctx);
        params.push_back(t.value_or(DeclType{}));
        push_frame(ctx, guard, prm.name.text,
                   params.back().type.kind == TypeKind::Error ? Type{} : params.back().type,
                   prm.name.range);
    }
    if (s.guard) {
        expect(*s.guard, ctx, guard, bool_type, "a step guard");
    }
    Emitter effect(step.effect);
    step.effect.frame_size = step.guard.frame_size;
    block(s.body, ctx, effect);
    if (diags_.error_count() != errors_before) {
        return;
    }
    finish_code(step.guard);
    finish_code(step.effect);
    if (std::int64_t always = 0; is_constant(step.guard, always) && always != 0) {
        step.guard.instrs.clear(); // empty means true
    }
    const auto id = static_cast<std::uint32_t>(out_.steps.size());
    out_.steps.push_back(std::move(step));
    add_actions(p, instance, s, id, params);
}

void Compiler::add_actions(const ProcInfo& p, std::uint32_t instance, const ast::StepDecl& s,
                           std::uint32_t step_id, const std::vector<DeclType>& params) {
    const CompiledStep& step = out_.steps[step_id];
    ActionInfo base;
    base.process = step.process;
    base.step = s.name.text;
    base.where = s.range;
    base.guard_reads.insert(step.location_slot);
    collect_access(step.guard, base.guard_reads, nullptr);
    base.reads = base.guard_reads;
    collect_access(step.effect, base.reads, &base.writes);
    base.writes.insert(step.location_slot);
    base.from_location = step.from;
    const std::uint32_t step_index = p.step_index.at(s.name.text);
    std::vector<std::int64_t> values;
    std::size_t combinations = 1;
    for (const DeclType& d : params) {
        values.push_back(d.lower);
        const auto n = static_cast<std::size_t>(d.upper - d.lower) + 1;
        combinations = combinations > max_actions / n ? max_actions + 1 : combinations * n;
    }
    if (out_.actions.size() + combinations > max_actions) {
        error(s.name.range, code::too_many_actions,
              "more than " + std::to_string(max_actions) +
                  " actions (steps times parameter values)");
        return;
    }
    while (true) {
        ActionInfo info = base;
        std::string args;
        for (std::size_t k = 0; k < params.size(); ++k) {
            const Type t = params[k].type;
            std::string v = t.kind == TypeKind::Bool ? (values[k] != 0 ? "true" : "false")
                            : t.kind == TypeKind::Enum
                                ? enums_[t.enum_id].members[static_cast<std::size_t>(values[k])]
                                : std::to_string(values[k]);
            args += (k == 0 ? "" : ",") + v;
            info.params.push_back(std::move(v));
        }
        info.name = out_.instance_names[step.process] + "." + s.name.text +
                    (params.empty() ? "" : "(" + args + ")");
        p.actions_of[instance][step_index].push_back(static_cast<ActionId>(out_.actions.size()));
        out_.actions.push_back(std::move(info));
        out_.compiled_actions.push_back({step_id, values});
        std::size_t k = params.size();
        while (k > 0 && values[k - 1] == params[k - 1].upper) {
            values[k - 1] = params[k - 1].lower;
            --k;
        }
        if (k == 0) {
            return;
        }
        ++values[k - 1];
    }
}

void Compiler::compile_properties() {
    for (const ast::InvariantDecl& inv : model_.invariants) {
        CompiledInvariant c;
        c.name = inv.name.text;
        c.where = inv.range;
        Context ctx;
        Emitter em(c.code);
        expect(*inv.expr, ctx, em, bool_type, "an invariant");
        finish_code(c.code);
        collect_access(c.code, c.reads, nullptr);
        out_.invariants.push_back(std::move(c));
    }
    for (const ast::LivenessDecl& l : model_.liveness) {
        CompiledLiveness c;
        c.name = l.name.text;
        c.where = l.range;
        if (l.kind == ast::LivenessDecl::Kind::LeadsTo) {
            c.kind = CompiledLiveness::Kind::LeadsTo;
            Context ctx;
            Emitter p(c.premise);
            expect(*l.premise, ctx, p, bool_type, "the premise of 'leadsto'");
            Emitter q(c.consequence);
            expect(*l.consequence, ctx, q, bool_type, "the consequence of 'leadsto'");
            finish_code(c.premise);
            finish_code(c.consequence);
        } else {
            c.kind = CompiledLiveness::Kind::FinitelyOften;
            c.actions = step_actions(l.step);
        }
        out_.liveness.push_back(std::move(c));
    }
}

std::vector<ActionId> Compiler::step_actions(const ast::StepRef& ref) {
    auto it = proc_by_name_.find(ref.process.text);
    if (it == proc_by_name_.end()) {
        if (broken_.count(ref.process.text) == 0) {
            error(ref.process.range, code::unknown_process,
                  "unknown process '" + ref.process.text + "'");
        }
        return {};
    }
    const ProcInfo& p = procs_[it->second];
    auto st = p.step_index.find(ref.step.text);
    if (st == p.step_index.end()) {
        error(ref.step.range, code::unknown_step,
              "process '" + p.name + "' has no step '" + ref.step.text + "'");
        return {};
    }
    std::uint32_t lo = 0;
    std::uint32_t hi = p.count;
    if (ref.index) {
        Context ctx;
        const auto k = const_eval(*ref.index, ctx);
        if (!k) {
            return {};
        }
        if (!p.family || *k < p.lo || *k > p.hi) {
            error(ref.index->range, code::constant_index_out_of_bounds,
                  "process index " + std::to_string(*k) + " out of range for '" + p.name + "'");
            return {};
        }
        lo = static_cast<std::uint32_t>(*k - p.lo);
        hi = lo + 1;
    }
    std::vector<ActionId> out;
    for (std::uint32_t inst = lo; inst < hi && inst < p.actions_of.size(); ++inst) {
        const auto& acts = p.actions_of[inst][st->second];
        out.insert(out.end(), acts.begin(), acts.end());
    }
    return out;
}

} // namespace ilv::detail
