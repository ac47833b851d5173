#pragma once
/// \file
/// Internal state of the compiler, shared by compiler_*.cpp. Not part of the public API.

#include "model/ast.hpp"
#include "model/compiled_model.hpp"
#include "model/compiler.hpp"
#include "model/diagnostics.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ilv::detail {

/// The type of an expression value.
enum class TypeKind { Bool, Int, Enum, Error };

/// A value type; `enum_id` indexes the enum table for Enum.
struct Type {
    TypeKind kind = TypeKind::Error;
    std::uint32_t enum_id = 0;
    friend bool operator==(const Type&, const Type&) = default;
};

/// A declared (storage) type: the value type plus the slot range.
struct DeclType {
    Type type;
    std::int64_t lower = 0;
    std::int64_t upper = 0;
};

/// A `const` and the state of its lazy evaluation (for cycle detection).
struct ConstInfo {
    const ast::ConstDecl* decl = nullptr;
    enum class State { Pending, Busy, Done } state = State::Pending;
    std::int64_t value = 0;
    Type type;
    std::optional<std::int64_t> override_value;
};

/// An enum declaration.
struct EnumInfo {
    std::string name;
    std::vector<std::string> members;
};

/// A global or process-local variable (scalar when length == 0).
struct VarInfo {
    std::string name;
    DeclType type;
    SlotId first = 0; ///< globals: the slot; locals: offset inside the instance block
    std::uint32_t length = 0;
    SourceRange where;
};

/// A process declaration and where its instances live in the state.
struct ProcInfo {
    const ast::ProcessDecl* decl = nullptr;
    std::string name;
    bool family = false;
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    std::uint32_t count = 1;
    ProcessId first_instance = 0;
    SlotId first_slot = 0; ///< the location slot of instance 0; locals follow
    std::uint32_t stride = 1;
    std::vector<std::string> locations;
    std::map<std::string, std::uint32_t> location_index;
    std::map<std::string, VarInfo> locals;
    std::vector<std::string> local_order;
    std::map<std::string, std::uint32_t> step_index;
    mutable std::vector<std::vector<std::vector<ActionId>>>
        actions_of; ///< [instance][step] → actions
};

/// A `fn`, with its parameter types resolved.
struct FnInfo {
    const ast::FnDecl* decl = nullptr;
    std::vector<DeclType> params;
    bool recursive = false;
};

/// A variable living in the evaluation frame (parameter, loop or bound variable).
struct FrameVar {
    std::string name;
    std::uint32_t index = 0;
    Type type;
    std::optional<std::int64_t> constant; ///< known value (family index)
    /// The value is known only in this copy of unrolled or inlined code (a loop or quantifier
    /// variable, a fn argument): a constant index it yields that is out of bounds is an error
    /// at run time, if reached, not at compile time.
    bool specialized = false;
};

/// The bounds of a `for` loop or a quantifier, compiled by `loop_bounds`.
struct LoopBounds {
    Type lower_type;
    Type upper_type;
    bool constant = false; ///< both constant and few enough values: nothing left on the stack
    std::int64_t lo = 0;
    std::int64_t hi = 0;
};

/// Where an expression is compiled: which process instance, which frame variables.
struct Context {
    const ProcInfo* proc = nullptr;
    std::int64_t instance = 0; ///< family index value of the instance being compiled
    bool in_fn = false;
    bool constant = false; ///< only constants allowed (const, sizes, ranges, initial values)
    std::vector<FrameVar> frame;
    std::uint32_t frame_top = 0;
};

/// Emits instructions and tracks the operand stack depth.
class Emitter {
public:
    explicit Emitter(Code& code) : code_(code) {}

    /// Appends one instruction; returns its index.
    std::uint32_t emit(Op op, SourceRange where, std::uint32_t a = 0, std::int64_t imm = 0);
    /// Index of the next instruction.
    [[nodiscard]] std::uint32_t here() const;
    /// Sets the jump target of instruction `at` to `target`.
    void patch(std::uint32_t at, std::uint32_t target);

    /// Current operand stack depth.
    [[nodiscard]] int depth() const noexcept { return depth_; }

    /// Resets the depth at a join point.
    void set_depth(int d) noexcept { depth_ = d; }

    /// The code being written.
    [[nodiscard]] Code& code() noexcept { return code_; }

private:
    Code& code_;
    int depth_ = 0;
};

/// A storage place reached by an expression: a slot, or a base slot plus an offset that the
/// emitted code has left on the stack.
struct Place {
    bool ok = false;
    bool dynamic = false;
    SlotId slot = 0; ///< static: the slot; dynamic: the base slot
    DeclType type;
    std::uint32_t length = 0; ///< > 0: a whole array not yet indexed
    std::string name;         ///< for messages: "reg", "opener[1].disk"
    bool writable = false;
    std::uint32_t extent = 1; ///< dynamic: how many slots from `slot` the offset may reach
};

/// A process instance reached by an expression (static instance or index on the stack).
struct ProcRef {
    const ProcInfo* proc = nullptr;
    bool dynamic = false;
    std::uint32_t instance = 0; ///< static: instance number (index - lo)
};

/// The compiler: one instance per compilation.
class Compiler {
public:
    Compiler(const ast::Model& model, const Overrides& overrides, Diagnostics& diags);
    /// Runs every phase; null when an error was reported.
    std::unique_ptr<CompiledModel> run();
    /// Runs every phase but keeps the tables, so more code can be compiled against them;
    /// false when an error was reported.
    bool compile();
    /// Hands the tables to a `CompiledModel`; call once, after a successful `compile`.
    std::unique_ptr<CompiledModel> finish();

    // Declarations (compiler_decls.cpp)
    void declare_names();
    void apply_overrides();
    /// After errors: a note at each const a `-D` value replaced, since the errors may come
    /// from that value rather than from the text.
    void note_overrides();
    void declare_enums();
    void declare_globals();
    void declare_processes();
    void declare_fns();
    void build_initial_state();
    void declare_var(const ast::VarDecl& v, Context& ctx, std::string prefix, VarInfo& info);
    void declare_locals(ProcInfo& p);
    void set_initial(const ast::VarDecl& v, Context& ctx, const VarInfo& info, SlotId first);
    std::optional<DeclType> resolve_type(const ast::TypeExpr& t, Context& ctx);
    std::optional<std::int64_t> const_value(const std::string& name, SourceRange use);
    std::optional<std::int64_t> const_eval(const ast::Expr& e, Context& ctx, Type* type = nullptr);
    void check_recursion();
    void number_asserts();

    // Expressions (compiler_expr.cpp)
    Type expr(const ast::Expr& e, Context& ctx, Emitter& em);
    Type expect(const ast::Expr& e, Context& ctx, Emitter& em, Type want, const char* what);
    Place place(const ast::Expr& e, Context& ctx, Emitter& em);
    void load(const Place& p, SourceRange where, Emitter& em);
    bool index_into(Place& p, const ast::Expr& index, Context& ctx, Emitter& em);
    std::optional<ProcRef> process_ref(const ast::Expr& e, Context& ctx, Emitter& em);
    Place process_member(const ast::MemberExpr& m, SourceRange where, Context& ctx, Emitter& em);
    Type name_value(const ast::NameRef& n, SourceRange where, Context& ctx, Emitter& em);
    Type binary(const ast::BinaryExpr& b, SourceRange where, Context& ctx, Emitter& em);
    Type conditional(const ast::Expr& c, const ast::Expr* t, const ast::Expr* f, bool tv, bool fv,
                     SourceRange where, Context& ctx, Emitter& em);
    Type quantifier(const ast::QuantifierExpr& q, SourceRange where, Context& ctx, Emitter& em);
    Type at_location(const ast::AtExpr& at, SourceRange where, Context& ctx, Emitter& em);
    std::optional<std::int64_t> fold_constant(Emitter& em, std::uint32_t start);
    const FrameVar* find_frame(const Context& ctx, const std::string& name) const;
    bool name_taken(const Context& ctx, const std::string& name) const;

    // Statements and steps (compiler_stmt.cpp)
    void block(const ast::Block& b, Context& ctx, Emitter& em);
    void statement(const ast::Stmt& s, Context& ctx, Emitter& em);
    void assign(const ast::AssignStmt& a, SourceRange where, Context& ctx, Emitter& em);
    void for_loop(const ast::ForStmt& f, SourceRange where, Context& ctx, Emitter& em);
    void call(const ast::CallStmt& c, SourceRange where, Context& ctx, Emitter& em);
    void compile_steps();
    void compile_step(const ProcInfo& p, std::uint32_t instance, const ast::StepDecl& s);
    void add_actions(const ProcInfo& p, std::uint32_t instance, const ast::StepDecl& s,
                     std::uint32_t step_id, const std::vector<DeclType>& params);
    void compile_properties();
    std::vector<ActionId> step_actions(const ast::StepRef& ref);
    std::uint32_t push_frame(Context& ctx, Emitter& em, std::string name, Type type,
                             SourceRange where);
    void pop_frame(Context& ctx, std::size_t to);

    // Unrolling loops and quantifiers over constant bounds (compiler_unroll.cpp)
    /// Compiles the bounds of a loop or quantifier; when both are small constants they are
    /// returned in the result and nothing is left on the stack, else both are on the stack.
    LoopBounds loop_bounds(const ast::Expr& lo, const ast::Expr& hi, const char* what, Context& ctx,
                           Emitter& em);
    /// Pushes constant bounds again, for a loop that is not unrolled after all.
    void push_bounds(const LoopBounds& b, SourceRange where, Emitter& em);
    /// Declares `var` as a frame variable with the known `value` for one unrolled copy.
    void bind_specialized(Context& ctx, Emitter& em, const ast::Ident& var, std::int64_t value);
    /// Emits the body of `f` once per value; false (bounds pushed again) when too large.
    bool unroll_for(const ast::ForStmt& f, const LoopBounds& b, SourceRange where, Context& ctx,
                    Emitter& em);
    /// Emits `q` as a chain of its body per value; nothing (bounds pushed again) when too large.
    std::optional<Type> unroll_quantifier(const ast::QuantifierExpr& q, const LoopBounds& b,
                                          SourceRange where, Context& ctx, Emitter& em);
    /// True when copies of the code emitted since `begin`, one per value, would be too long.
    bool unrolled_too_large(std::uint32_t begin, const Emitter& em, const LoopBounds& b) const;
    /// Drops the `push` that `fold_constant` left at the end of the code.
    void drop_folded(Emitter& em);

    // Shared helpers
    std::string type_name(Type t) const;

    bool is_bool(Type t) const { return t.kind == TypeKind::Bool; }

    std::uint32_t index_name(std::string name);
    void error(SourceRange r, std::string_view code, std::string msg);
    void finish_code(Code& code);

    const ast::Model& model_;
    const Overrides& overrides_;
    Diagnostics& diags_;
    ModelTables out_;
    std::map<std::string, ConstInfo> consts_;
    std::vector<EnumInfo> enums_;
    std::map<std::string, std::pair<std::uint32_t, std::int64_t>> enum_members_;
    std::map<std::string, std::uint32_t> enum_by_name_;
    std::map<std::string, VarInfo> globals_;
    std::vector<std::string> global_order_;
    std::vector<ProcInfo> procs_;
    std::map<std::string, std::uint32_t> proc_by_name_;
    std::map<std::string, FnInfo> fns_;
    std::map<const ast::Stmt*, std::uint32_t> assert_ids_;
    std::map<std::string, SourceRange> top_names_;
    std::vector<std::int64_t> init_;    ///< initial value by slot
    StateLayout no_state_;              ///< empty layout for evaluating constants
    std::vector<std::string> inlining_; ///< fns being inlined (recursion guard)
    bool code_too_large_reported_ = false;
    std::uint64_t specialized_reads_ = 0; ///< uses of `FrameVar::specialized` values so far
    SourceRange outer_call_; ///< the call in a step or fn body that the current inlining began at
    /// Names whose declaration failed (a bad family range or array size, no locations): their
    /// uses are not reported again as unknown processes or scalars, so one mistake (often a
    /// bad -D value) gives one error, not a cascade.
    std::set<std::string> broken_;
};

} // namespace ilv::detail
