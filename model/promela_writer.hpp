#pragma once
/// \file
/// Internal state of the Promela exporter, shared by promela_*.cpp. Not part of the public API.
/// The writer reads the compiler's resolved tables (constants after `-D`, variables, processes,
/// fns, assert names) and walks the syntax tree once per step and parameter value.

#include "model/compiler_impl.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ilv::promela {

/// The values an expression may take (from declared ranges; used to omit runtime checks).
struct Interval {
    std::int64_t lo = 0; ///< smallest value
    std::int64_t hi = 0; ///< largest value
};

/// An expression written as Promela.
struct Emitted {
    std::string text; ///< a name, a literal, an indexed name, or parenthesised
    Interval range;
    std::string def;     ///< holds when evaluating `text` has no runtime error; empty: always
    bool stable = false; ///< cannot change while a step runs (constants, `_pid`, scratch)
    std::optional<std::int64_t> value; ///< known constant value
    /// The range is too wide for Promela because a variable's declared range is, which is
    /// reported once at its declaration: not again at each use.
    bool wide_variable = false;
};

/// A frame name (step or fn parameter, loop or quantifier variable) and its Promela value.
struct Binding {
    std::string name; ///< as written in the model
    Emitted value;    ///< what it stands for in Promela
};

/// Where an expression is written: in a step of `proc` (null in invariants), inside an
/// inlined fn or not, with the frame names visible there.
struct Scope {
    const detail::ProcInfo* proc = nullptr; ///< the process whose step is written
    bool in_fn = false;                     ///< inside an inlined fn (no locals visible)
    std::vector<Binding> frame;             ///< innermost last
};

/// Where a declared variable lives in Promela: always a global (a family's locals become an
/// array with one block of `max(length, 1)` elements per instance).
struct VarMap {
    std::string name;            ///< the Promela global
    detail::DeclType type;       ///< the declared type and range
    std::uint32_t length = 0;    ///< 0 for a scalar, else elements per instance
    std::uint32_t instances = 0; ///< family size for a family's local, else 0
};

/// One element of a variable, reached by an expression.
struct Access {
    const VarMap* var = nullptr;             ///< the variable
    std::string inst;                        ///< instance number text (family locals only)
    std::optional<std::int64_t> inst_value;  ///< the instance number when known
    std::string index;                       ///< element index text (arrays only, once indexed)
    std::optional<std::int64_t> index_value; ///< the index when known
    bool indexed = false;                    ///< an array element, not the whole array
    std::string def;                         ///< holds when every index is in bounds
};

/// A process instance reached by an expression.
struct ProcAccess {
    const detail::ProcInfo* proc = nullptr; ///< the process declaration
    std::string inst;                       ///< instance number text (families only)
    std::optional<std::int64_t> inst_value; ///< the instance number when known
    std::string def;                        ///< holds when the index is within the family
};

/// The d_step being written.
struct StepFrame {
    std::string fail_label; ///< where a failed check jumps: restores, then ends the step
    std::string done_label; ///< the end of the step: scratch resets
    bool fails = false;     ///< some check jumps to `fail_label`
    std::vector<const VarMap*> written; ///< written by the step, in order of first write
    std::size_t saved = 0;              ///< the first `saved` of `written` need saving
    std::uint32_t loops = 0;            ///< current loop nesting
    std::uint32_t temps = 0;            ///< fn argument temporaries in use
    std::set<std::string> scratch;      ///< scratch names to reset at the end
};

/// What `Writer::saves` writes: the saved copies, the variables back from them, or zeros.
enum class Copy { Save, Restore, Clear };

/// Picks Promela names: keeps the model's names unless they clash with a Promela or C keyword,
/// a name pan defines, or a name already taken.
class NameTable {
public:
    /// Returns `wanted`, or `wanted_1`, `wanted_2`... when that is reserved or taken.
    std::string claim(const std::string& wanted);

private:
    std::set<std::string> taken_;
};

/// The smallest Promela type holding `lo..hi` (`bool` for a bool), or empty beyond 32 bits.
std::string promela_type(const detail::DeclType& t);
/// `(text)` unless `text` is already a name, a literal or parenthesised.
std::string par(const std::string& text);
/// `a && b`, dropping empty (always true) operands.
std::string conj(const std::string& a, const std::string& b);
/// The condition that `e` lies in `lo..hi`; sides its interval already meets are left out.
std::string within(const Emitted& e, std::int64_t lo, std::int64_t hi);
/// Promela text of an integer (negative values parenthesised).
std::string literal(std::int64_t v);

/// Writes one model as Promela.
class Writer {
public:
    /// A writer over the compiler's tables (after a successful run) and the compiled model.
    Writer(detail::Compiler& compiler, const CompiledModel& model, Diagnostics& diags,
           std::string source);
    /// The whole Promela text; check `diags` for E0701 errors afterwards.
    std::string run();

    // Declarations (promela_decls.cpp)
    /// Picks the Promela name of every constant, member, variable, process and location.
    void name_declarations();
    /// The leading comment and the ILV_SCRATCH / ILV_VIOLATION macros.
    std::string header() const;
    /// `#define`s for constants (after `-D`), enum members and locations.
    std::string defines() const;
    /// The global declarations with their initial values (locals and locations included).
    std::string declarations();
    /// `v` or `{ a, b }`: the initial values of `slots` in the compiled model's initial state.
    std::string initial_values(const VarMap& v, const std::vector<SlotId>& slots) const;
    /// The `active proctype` of one process or family.
    std::string proctype(const detail::ProcInfo& p);
    /// One `:: d_step { ... }` option per parameter value of step `s`.
    std::string step_options(const detail::ProcInfo& p, const ast::StepDecl& s);
    /// The monitor process: invariants, deadlock, reads of write-only variables.
    std::string monitor();
    /// The condition that every process is at an end location (empty: always).
    std::string all_end();
    /// A never-enabled monitor option reading every variable nothing else reads.
    std::string unread_variables() const;
    /// Declarations of the hidden scratch variables the steps used.
    std::string scratch_declarations() const;

    // Expressions (promela_expr.cpp)
    /// Writes expression `e` with its interval and evaluation condition.
    Emitted expr(const ast::Expr& e, Scope& s);
    /// `!x` and `-x`.
    Emitted unary(const ast::UnaryExpr& u, Scope& s);
    /// Any binary operator.
    Emitted binary(const ast::BinaryExpr& b, SourceRange where, Scope& s);
    /// Arithmetic and comparisons; a divisor that may be 0 is checked.
    Emitted arithmetic(ast::BinaryOp op, const Emitted& l, const Emitted& r, SourceRange where);
    /// `&&`, `||` and `->`, with short-circuit evaluation conditions.
    Emitted logical(ast::BinaryOp op, const Emitted& l, const Emitted& r);
    /// `c ? a : b` as `(c -> a : b)`.
    Emitted conditional(const ast::CondExpr& c, Scope& s);
    /// A quantifier unrolled over every value its bounds may take.
    Emitted quantifier(const ast::QuantifierExpr& q, SourceRange where, Scope& s);
    /// Reports E0701 when `r` leaves Promela's 32-bit int.
    void check_width(Interval r, SourceRange where);

    // Names and places (promela_access.cpp)
    /// A bare name, resolved in the compiler's order (frame, family index, const, member,
    /// variable).
    Emitted name_value(const ast::NameRef& n, SourceRange where, Scope& s);
    /// The variable element an expression names.
    Access place(const ast::Expr& e, Scope& s);
    /// A local of the instance running the step.
    Access own_local(const detail::ProcInfo& p, const std::string& name);
    /// The instance `self`, `w` or `p[k]` names.
    std::optional<ProcAccess> process_ref(const ast::Expr& e, Scope& s);
    /// The value of an element (and records that the variable is read).
    Emitted read(const Access& a);
    /// The Promela text of an element (`g`, `a[k]`, `p_x[inst * L + k]`).
    std::string element(const Access& a) const;
    /// The location variable of an instance.
    std::string location_of(const ProcAccess& p) const;
    /// The running instance's number (`_pid - first`), `0` for a single instance.
    std::string own_instance(const detail::ProcInfo& p) const;

    // Statements (promela_stmt.cpp)
    /// Appends the statements of a block to `out`.
    void block(const ast::Block& b, Scope& s, std::vector<std::string>& out);
    /// Appends one statement (with its checks) to `out`.
    void statement(const ast::Stmt& st, Scope& s, std::vector<std::string>& out);
    /// An assignment, with index, evaluation and range checks.
    void assign(const ast::AssignStmt& a, Scope& s, std::vector<std::string>& out);
    /// `if` with an `else` branch always present.
    void if_stmt(const ast::IfStmt& i, Scope& s, std::vector<std::string>& out);
    /// A `do` loop over a scratch counter.
    void for_loop(const ast::ForStmt& f, Scope& s, std::vector<std::string>& out);
    /// An inlined fn call, arguments evaluated once and range-checked.
    void call(const ast::CallStmt& c, Scope& s, std::vector<std::string>& out);
    /// Unless `ok` is empty: reports `property` and fails the step when `ok` is false.
    void check(const std::string& ok, const std::string& property, std::vector<std::string>& out);
    /// The body of one d_step: location test, guard, effect, new location.
    std::string d_step(const detail::ProcInfo& p, const ast::StepDecl& s, Scope& scope);
    /// Copies between the variables a failing step must restore and their saved copies.
    std::vector<std::string> saves(Copy mode) const;
    /// Adds saving, restoring and scratch resets around a step body.
    std::vector<std::string> finish_step(std::vector<std::string> body);
    /// The name of scratch variable `base` + `k` (declared once, reset after the step).
    std::string scratch(const std::string& base, std::uint32_t k);
    /// Statements joined by `;`, indented (`skip` when there are none).
    std::string block_text(const std::vector<std::string>& stmts, int indent) const;
    /// Reports E0701 at `where`, once per position (a statement's parts share its position).
    void unsupported(SourceRange where, const std::string& message);

    detail::Compiler& c_;
    const CompiledModel& model_;
    Diagnostics& diags_;
    std::string source_;
    NameTable names_;
    std::map<std::string, std::string> const_names_;             ///< const → Promela name
    std::map<std::string, std::string> member_names_;            ///< enum member → Promela name
    std::set<std::pair<std::uint32_t, std::uint32_t>> reported_; ///< E0701 (line, column)s
    std::map<std::string, VarMap> globals_;
    std::map<std::string, std::string> proc_names_; ///< process → proctype name
    std::map<std::string, std::map<std::string, VarMap>> locals_;
    std::map<std::string, VarMap> locations_; ///< process → its location variable
    std::map<std::string, std::vector<std::string>> location_names_;
    std::map<std::string, std::uint32_t> first_pid_;
    std::map<const VarMap*, std::string> save_names_;
    std::set<const VarMap*> read_; ///< variables some expression reads
    std::map<std::string, std::string> scratch_names_;
    std::uint32_t pids_ = 0;
    std::uint32_t labels_ = 0;
    StepFrame step_;
};

} // namespace ilv::promela
