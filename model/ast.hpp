#pragma once
/// \file
/// The syntax tree of one `.ilv` file, exactly as written (names unresolved). The parser
/// builds it; `sema` resolves and compiles it. Every node carries its source range.

#include "model/source_location.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace ilv::ast {

struct Expr;
/// Owning pointer to an expression; never null inside a well-formed tree.
using ExprPtr = std::unique_ptr<Expr>;

/// A name as written, with where it was written.
struct Ident {
    std::string text;
    SourceRange range;
};

/// Binary operators, from `*` to the implication `->`.
enum class BinaryOp { Mul, Div, Mod, Add, Sub, Lt, Le, Gt, Ge, Eq, Ne, And, Or, Implies };
/// Prefix operators `!` and unary `-`.
enum class UnaryOp { Not, Neg };
/// `forall`, `exists` and `count` quantifiers over an integer range.
enum class QuantifierKind { Forall, Exists, Count };

/// An integer literal (non-negative; negation is a UnaryOp).
struct IntLit { std::int64_t value = 0; };
/// `true` or `false`.
struct BoolLit { bool value = false; };
/// A bare name: a variable, const, enum member, family index, parameter or bound variable.
struct NameRef { Ident name; };
/// `base[index]`: an array element or a process of a family.
struct IndexExpr { ExprPtr base; ExprPtr index; };
/// `base.member`: a process-local variable (`opener[1].disk`, `worker.x`, `self.v`).
struct MemberExpr { ExprPtr base; Ident member; };
/// `process @ location`: true when that process instance is at that location.
struct AtExpr { ExprPtr process; Ident location; };
/// `op operand`.
struct UnaryExpr { UnaryOp op; ExprPtr operand; };
/// `lhs op rhs`.
struct BinaryExpr { BinaryOp op; ExprPtr lhs; ExprPtr rhs; };
/// `cond ? then_value : else_value`.
struct CondExpr { ExprPtr cond; ExprPtr then_value; ExprPtr else_value; };
/// `forall v in lo..hi: body` (and exists, count).
struct QuantifierExpr { QuantifierKind kind; Ident var; ExprPtr lo; ExprPtr hi; ExprPtr body; };
/// `[e1, e2, ...]`: only valid as an array variable's initial value.
struct ArrayLit { std::vector<ExprPtr> elements; };

/// One expression node.
struct Expr {
    SourceRange range;
    std::variant<IntLit, BoolLit, NameRef, IndexExpr, MemberExpr, AtExpr, UnaryExpr, BinaryExpr,
                 CondExpr, QuantifierExpr, ArrayLit>
        node;
};

/// A written type: `bool`, `LO..HI`, or a name (an enum).
struct TypeExpr {
    enum class Kind { Bool, Range, Named };
    Kind kind = Kind::Bool;
    ExprPtr lo; ///< Range only
    ExprPtr hi; ///< Range only
    Ident name; ///< Named only
    SourceRange range;
};

struct Stmt;
/// A `{ ... }` block.
using Block = std::vector<Stmt>;

/// `target = value;` where target is a NameRef, IndexExpr or MemberExpr.
struct AssignStmt { ExprPtr target; ExprPtr value; };
/// `if (cond) { then } else { otherwise }`; `else if` nests an IfStmt in `otherwise`.
struct IfStmt { ExprPtr cond; Block then_block; Block else_block; };
/// `for v in lo..hi { body }`.
struct ForStmt { Ident var; ExprPtr lo; ExprPtr hi; Block body; };
/// `name(args);`: an inlined call of a `fn`.
struct CallStmt { Ident callee; std::vector<ExprPtr> args; };
/// `assert(cond, "message");`.
struct AssertStmt { ExprPtr cond; std::string message; };

/// One statement node.
struct Stmt {
    SourceRange range;
    std::variant<AssignStmt, IfStmt, ForStmt, CallStmt, AssertStmt> node;
};

/// `const NAME = value;`
struct ConstDecl { Ident name; ExprPtr value; SourceRange range; };
/// `enum NAME { A, B, C };`
struct EnumDecl { Ident name; std::vector<Ident> members; SourceRange range; };
/// `var name[size]: type = init;` (size null for scalars; init null means the type's lowest value).
struct VarDecl { Ident name; ExprPtr size; TypeExpr type; ExprPtr init; SourceRange range; };
/// A `fn` parameter `n: T` or a step parameter `c in T` (T a range, enum name or bool).
struct Param { Ident name; TypeExpr type; };
/// `fn name(params) { body }`: an inline procedure.
struct FnDecl { Ident name; std::vector<Param> params; Block body; SourceRange range; };
/// `step name(params): from -> to when guard { body }` (guard null means true).
struct StepDecl {
    Ident name;
    std::vector<Param> params;
    Ident from;
    Ident to;
    ExprPtr guard;
    Block body;
    SourceRange range;
};
/// `process name[index in lo..hi] { ... }`; `family` false for a single process.
struct ProcessDecl {
    Ident name;
    bool family = false;
    Ident index;     ///< family only
    ExprPtr lo;      ///< family only
    ExprPtr hi;      ///< family only
    std::vector<VarDecl> locals;
    std::vector<Ident> locations; ///< all `location` lines concatenated; the first is initial
    std::vector<Ident> ends;      ///< all `end` lines concatenated
    std::vector<StepDecl> steps;
    SourceRange range;
};
/// `invariant name: expr;`
struct InvariantDecl { Ident name; ExprPtr expr; SourceRange range; };
/// A step named in a liveness property: `proc.step` (any instance) or `proc[k].step`.
struct StepRef { Ident process; ExprPtr index; Ident step; SourceRange range; };
/// `liveness name: finitely often STEP;` or `liveness name: P leadsto Q;`
struct LivenessDecl {
    enum class Kind { FinitelyOften, LeadsTo };
    Ident name;
    Kind kind = Kind::FinitelyOften;
    StepRef step;   ///< FinitelyOften only
    ExprPtr premise;    ///< LeadsTo only (P)
    ExprPtr consequence; ///< LeadsTo only (Q)
    SourceRange range;
};

/// A whole model file. Declarations keep their source order within each kind.
struct Model {
    Ident name;
    std::vector<ConstDecl> consts;
    std::vector<EnumDecl> enums;
    std::vector<VarDecl> vars;
    std::vector<FnDecl> fns;
    std::vector<ProcessDecl> processes;
    std::vector<InvariantDecl> invariants;
    std::vector<LivenessDecl> liveness;
};

} // namespace ilv::ast
