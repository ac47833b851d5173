#include "model/compiler_impl.hpp"
#include "model/invariant.hpp"

#include <algorithm>

namespace ilv {

std::unique_ptr<CompiledModel> compile_model(const ast::Model& model, const Overrides& overrides,
                                             Diagnostics& diags) {
    detail::Compiler compiler(model, overrides, diags);
    return compiler.run();
}

namespace detail {

namespace {
constexpr std::int64_t max_values_per_slot = std::int64_t{1} << 32;
constexpr std::size_t max_state_words = 1 << 12;
} // namespace

Compiler::Compiler(const ast::Model& model, const Overrides& overrides, Diagnostics& diags)
    : model_(model),
      overrides_(overrides),
      diags_(diags) {
    no_state_.finish();
}

void Compiler::error(SourceRange r, std::string_view code, std::string msg) {
    diags_.error(r, code, std::move(msg));
}

std::unique_ptr<CompiledModel> Compiler::run() {
    if (!compile()) {
        note_overrides();
        return nullptr;
    }
    return finish();
}

std::unique_ptr<CompiledModel> Compiler::finish() {
    return std::make_unique<CompiledModel>(std::move(out_));
}

bool Compiler::compile() {
    out_.name = model_.name.text;
    declare_names();
    apply_overrides();
    declare_enums();
    for (const ast::ConstDecl& c : model_.consts) {
        const_value(c.name.text, c.name.range);
    }
    declare_globals();
    declare_processes();
    declare_fns();
    check_recursion();
    number_asserts();
    out_.layout.finish();
    if (out_.layout.words() > max_state_words) {
        error(model_.name.range, code::state_too_large, "the state needs more than 32 KiB");
        return false;
    }
    build_initial_state();
    compile_steps();
    compile_properties();
    return !diags_.has_errors();
}

void Compiler::declare_names() {
    auto declare = [&](const ast::Ident& id) {
        auto [it, inserted] = top_names_.emplace(id.text, id.range);
        if (!inserted) {
            diags_.error_with_note(id.range, code::duplicate_name,
                                   "'" + id.text + "' is already declared", it->second,
                                   "previous declaration of '" + id.text + "' is here");
        }
    };
    for (const auto& c : model_.consts) {
        declare(c.name);
    }
    for (const auto& e : model_.enums) {
        declare(e.name);
        for (const auto& m : e.members) {
            declare(m);
        }
    }
    for (const auto& v : model_.vars) {
        declare(v.name);
    }
    for (const auto& f : model_.fns) {
        declare(f.name);
    }
    for (const auto& p : model_.processes) {
        declare(p.name);
    }
    std::map<std::string, SourceRange> props{{"deadlock", {}}, {"runtime_error", {}}};
    auto declare_property = [&](const ast::Ident& id) {
        auto [it, inserted] = props.emplace(id.text, id.range);
        if (!inserted) {
            error(id.range, code::duplicate_name, "property '" + id.text + "' is already declared");
        }
    };
    for (const auto& i : model_.invariants) {
        declare_property(i.name);
    }
    for (const auto& l : model_.liveness) {
        declare_property(l.name);
    }
}

void Compiler::note_overrides() {
    // Errors about the -D values themselves already name them.
    const std::vector<Diagnostic>& all = diags_.all();
    if (std::none_of(all.begin(), all.end(), [](const Diagnostic& d) {
            return d.severity == Severity::Error && d.code != code::unknown_override &&
                   d.code != code::bad_override;
        })) {
        return;
    }
    for (const auto& [name, value] : overrides_) {
        const auto it = consts_.find(name);
        if (it != consts_.end() && it->second.decl != nullptr &&
            it->second.override_value == value) {
            diags_.note(it->second.decl->name.range, "-D " + name + "=" + std::to_string(value) +
                                                         " replaced the value of '" + name +
                                                         "' declared here");
        }
    }
}

void Compiler::apply_overrides() {
    for (const auto& c : model_.consts) {
        consts_[c.name.text].decl = &c;
    }
    for (const auto& [name, value] : overrides_) {
        auto it = consts_.find(name);
        if (it == consts_.end()) {
            error({}, code::unknown_override,
                  "-D " + name + ": the model has no const '" + name + "'");
            continue;
        }
        if (it->second.override_value) {
            // Two values for one const: neither silently wins (and a trace records each once).
            error({}, code::bad_override,
                  "-D " + name + "=" + std::to_string(value) + ": '" + name +
                      "' is already set to " + std::to_string(*it->second.override_value));
            continue;
        }
        it->second.override_value = value;
    }
}

void Compiler::declare_enums() {
    for (const auto& e : model_.enums) {
        const auto id = static_cast<std::uint32_t>(enums_.size());
        EnumInfo info{e.name.text, {}};
        for (const auto& m : e.members) {
            enum_members_.emplace(
                m.text, std::make_pair(id, static_cast<std::int64_t>(info.members.size())));
            info.members.push_back(m.text);
        }
        enum_by_name_.emplace(e.name.text, id);
        enums_.push_back(std::move(info));
    }
}

std::optional<std::int64_t> Compiler::const_value(const std::string& name, SourceRange use) {
    ConstInfo& c = consts_.at(name);
    if (c.state == ConstInfo::State::Done) {
        return c.value;
    }
    if (c.state == ConstInfo::State::Busy) {
        error(use, code::not_constant, "constant '" + name + "' is defined in terms of itself");
        return std::nullopt;
    }
    c.state = ConstInfo::State::Busy;
    Context ctx;
    Type type;
    const std::optional<std::int64_t> v = const_eval(*c.decl->value, ctx, &type);
    c.type = type;
    c.value = v.value_or(0);
    if (c.override_value) {
        if (type.kind == TypeKind::Bool && *c.override_value != 0 && *c.override_value != 1) {
            error({}, code::bad_override,
                  "-D " + name + "=" + std::to_string(*c.override_value) + ": '" + name +
                      "' is a bool constant, give 0 or 1");
        }
        c.value = *c.override_value;
    }
    c.state = ConstInfo::State::Done;
    if (!v) {
        c.type = Type{};
        return std::nullopt;
    }
    return c.value;
}

std::optional<std::int64_t> Compiler::const_eval(const ast::Expr& e, Context& ctx, Type* type) {
    Code code;
    Emitter em(code);
    const bool was_constant = ctx.constant;
    ctx.constant = true;
    const std::size_t before = diags_.error_count();
    const Type t = expr(e, ctx, em);
    ctx.constant = was_constant;
    if (type != nullptr) {
        *type = t;
    }
    if (t.kind == TypeKind::Error || diags_.error_count() != before) {
        return std::nullopt;
    }
    finish_code(code);
    Evaluator ev(no_state_, out_.tables, code.stack_size, code.frame_size);
    std::int64_t value = 0;
    EvalError err;
    std::vector<Word> empty(1, 0);
    if (!ev.eval(code, empty, {}, value, err)) {
        const bool div = err.message.find("by zero") != std::string::npos;
        error(e.range, div ? code::constant_division_by_zero : code::constant_overflow,
              "constant expression: " + err.message);
        return std::nullopt;
    }
    return value;
}

std::optional<DeclType> Compiler::resolve_type(const ast::TypeExpr& t, Context& ctx) {
    switch (t.kind) {
    case ast::TypeExpr::Kind::Bool:
        return DeclType{Type{TypeKind::Bool, 0}, 0, 1};
    case ast::TypeExpr::Kind::Named: {
        auto it = enum_by_name_.find(t.name.text);
        if (it == enum_by_name_.end()) {
            error(t.name.range, code::unknown_type, "unknown type '" + t.name.text + "'");
            return std::nullopt;
        }
        const auto n = static_cast<std::int64_t>(enums_[it->second].members.size());
        return DeclType{Type{TypeKind::Enum, it->second}, 0, std::max<std::int64_t>(n - 1, 0)};
    }
    case ast::TypeExpr::Kind::Range:
        break;
    }
    Type lt;
    Type ht;
    const auto lo = const_eval(*t.lo, ctx, &lt);
    const auto hi = const_eval(*t.hi, ctx, &ht);
    if (!lo || !hi) {
        return std::nullopt;
    }
    if (lt.kind != TypeKind::Int || ht.kind != TypeKind::Int) {
        error(t.range, code::type_mismatch, "range bounds must be int");
        return std::nullopt;
    }
    if (*lo > *hi) {
        error(t.range, code::empty_range,
              "empty range " + std::to_string(*lo) + ".." + std::to_string(*hi));
        return std::nullopt;
    }
    std::int64_t span = 0;
    if (__builtin_sub_overflow(*hi, *lo, &span) || span >= max_values_per_slot) {
        error(t.range, code::range_too_wide, "range has more than 2^32 values");
        return std::nullopt;
    }
    return DeclType{Type{TypeKind::Int, 0}, *lo, *hi};
}

} // namespace detail
} // namespace ilv
