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
    std::int64_t lo = 0;
    std::int64_t hi = 0;
};

/// An expression written as Promela.
struct Emitted {
    std::string text;  ///< a name, a literal, an indexed name, or parenthesised
    Interval range;
    std::string def;   ///< holds when evaluating `text` has no runtime error; empty: always
    bool stable = false; ///< cannot change while a step runs (constants, `_pid`, scratch)
    std::optional<std::int64_t> value; ///< known constant value
};

/// A frame name (step or fn parameter, loop or quantifier variable) and its Promela value.
struct Binding {
    std::string name;
    Emitted value;
};

/// Where an expression is written: in a step of `proc` (null in invariants), inside an
/// inlined fn or not, with the frame names visible there.
struct Scope {
    const detail::ProcInfo* proc = nullptr;
    bool in_fn = false;
    std::vector<Binding> frame;
};

/// Where a declared variable lives in Promela: always a global (a family's locals become an
/// array with one block of `max(length, 1)` elements per instance).
struct VarMap {
    std::string name;            ///< the Promela global
    detail::DeclType type;
    std::uint32_t length = 0;    ///< 0 for a scalar, else elements per instance
    std::uint32_t instances = 0; ///< family size for a family's local, else 0
};

/// One element of a variable, reached by an expression.
struct Access {
    const VarMap* var = nullptr;
    std::string inst;  ///< instance number text (family locals only)
    std::optional<std::int64_t> inst_value;
    std::string index; ///< element index text (arrays only, once indexed)
    std::optional<std::int64_t> index_value;
    bool indexed = false;
    std::string def;   ///< holds when every index is in bounds
};

/// A process instance reached by an expression.
struct ProcAccess {
    const detail::ProcInfo* proc = nullptr;
    std::string inst; ///< instance number text (families only)
    std::optional<std::int64_t> inst_value;
    std::string def;
};

/// The d_step being written.
struct StepFrame {
    std::string fail_label;
    std::string done_label;
    bool fails = false;                   ///< some check jumps to `fail_label`
    std::vector<const VarMap*> written;   ///< written by the step, in order of first write
    std::size_t saved = 0;                ///< the first `saved` of `written` need saving
    std::uint32_t loops = 0;              ///< current loop nesting
    std::uint32_t temps = 0;              ///< fn argument temporaries in use
    std::set<std::string> scratch;        ///< scratch names to reset at the end
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
    void name_declarations();
    std::string header() const;
    std::string declarations();
    std::string initial_values(const VarMap& v, const std::vector<SlotId>& slots) const;
    std::string proctype(const detail::ProcInfo& p);
    std::string step_options(const detail::ProcInfo& p, const ast::StepDecl& s);
    std::string monitor();
    std::string all_end();
    std::string unread_variables() const;
    std::string scratch_declarations() const;

    // Expressions (promela_expr.cpp)
    Emitted expr(const ast::Expr& e, Scope& s);
    Emitted unary(const ast::UnaryExpr& u, Scope& s);
    Emitted binary(const ast::BinaryExpr& b, SourceRange where, Scope& s);
    Emitted arithmetic(ast::BinaryOp op, const Emitted& l, const Emitted& r, SourceRange where);
    Emitted logical(ast::BinaryOp op, const Emitted& l, const Emitted& r);
    Emitted conditional(const ast::CondExpr& c, Scope& s);
    Emitted quantifier(const ast::QuantifierExpr& q, SourceRange where, Scope& s);
    void check_width(Interval r, SourceRange where);

    // Names and places (promela_access.cpp)
    Emitted name_value(const ast::NameRef& n, SourceRange where, Scope& s);
    Access place(const ast::Expr& e, Scope& s);
    Access own_local(const detail::ProcInfo& p, const std::string& name);
    std::optional<ProcAccess> process_ref(const ast::Expr& e, Scope& s);
    Emitted read(const Access& a);
    std::string element(const Access& a) const;
    std::string location_of(const ProcAccess& p) const;
    std::string own_instance(const detail::ProcInfo& p) const;

    // Statements (promela_stmt.cpp)
    void block(const ast::Block& b, Scope& s, std::vector<std::string>& out);
    void statement(const ast::Stmt& st, Scope& s, std::vector<std::string>& out);
    void assign(const ast::AssignStmt& a, Scope& s, std::vector<std::string>& out);
    void if_stmt(const ast::IfStmt& i, Scope& s, std::vector<std::string>& out);
    void for_loop(const ast::ForStmt& f, Scope& s, std::vector<std::string>& out);
    void call(const ast::CallStmt& c, Scope& s, std::vector<std::string>& out);
    void check(const std::string& ok, const std::string& property, std::vector<std::string>& out);
    std::string d_step(const detail::ProcInfo& p, const ast::StepDecl& s, Scope& scope);
    std::vector<std::string> saves(Copy mode) const;
    std::vector<std::string> finish_step(std::vector<std::string> body);
    std::string scratch(const std::string& base, std::uint32_t k);
    std::string block_text(const std::vector<std::string>& stmts, int indent) const;
    void unsupported(SourceRange where, const std::string& message);

    detail::Compiler& c_;
    const CompiledModel& model_;
    Diagnostics& diags_;
    std::string source_;
    NameTable names_;
    std::map<std::string, std::string> const_names_;  ///< const → Promela name
    std::map<std::string, std::string> member_names_; ///< enum member → Promela name
    std::map<std::string, VarMap> globals_;
    std::map<std::string, std::string> proc_names_;   ///< process → proctype name
    std::map<std::string, std::map<std::string, VarMap>> locals_;
    std::map<std::string, VarMap> locations_;         ///< process → its location variable
    std::map<std::string, std::vector<std::string>> location_names_;
    std::map<std::string, std::uint32_t> first_pid_;
    std::map<const VarMap*, std::string> save_names_;
    std::set<const VarMap*> read_; ///< variables some expression reads
    std::map<std::string, std::string> scratch_names_;
    std::uint32_t pids_ = 0;
    std::uint32_t labels_ = 0;
    StepFrame step_;
    bool in_step_ = false;
};

} // namespace ilv::promela
