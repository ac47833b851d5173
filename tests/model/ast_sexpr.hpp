#pragma once
/// \file
/// Prints syntax trees as S-expressions so tests can state a tree's shape in one string:
/// `a + b * c` prints as `(+ a (* b c))`, `-x` as `(neg x)`, `a[i]` as `(idx a i)`, `p.v` as
/// `(. p v)`, `p @ l` as `(@ p l)`, `c ? a : b` as `(? c a b)`, quantifiers as
/// `(forall v lo hi body)`, array literals as `[a b]`; statements as `(= t v)`,
/// `(if c (stmts) (stmts))`, `(for v lo hi (stmts))`, `(call f args)`, `(assert c "msg")`.
/// Output is appended piecewise (GCC 12 misreports `"(" + std::string` under -Wrestrict).

#include "model/ast.hpp"

#include <array>
#include <string>
#include <type_traits>
#include <variant>

namespace ilv::test {

/// Appends the S-expression of expressions and statements to one string.
class SexprWriter {
public:
    /// Appends `e`.
    void expr(const ast::Expr& e) {
        std::visit([this](const auto& node) { expr_node(node); }, e.node);
    }

    /// Appends `block` as a parenthesised list of its statements.
    void block(const ast::Block& b) {
        out_ += '(';
        for (std::size_t i = 0; i < b.size(); ++i) {
            out_ += i == 0 ? "" : " ";
            stmt(b[i]);
        }
        out_ += ')';
    }

    /// Appends `s`.
    void stmt(const ast::Stmt& s) {
        std::visit([this](const auto& node) { stmt_node(node); }, s.node);
    }

    /// Everything appended so far.
    [[nodiscard]] const std::string& str() const { return out_; }

private:
    /// `(head part part ...)`, where parts are expressions, blocks or words.
    template <typename... Parts>
    void list(std::string_view head, const Parts&... parts) {
        out_ += '(';
        out_ += head;
        ((out_ += ' ', part(parts)), ...);
        out_ += ')';
    }

    void part(const ast::ExprPtr& e) { expr(*e); }

    void part(const ast::Block& b) { block(b); }

    void part(std::string_view word) { out_ += word; }

    void expr_node(const ast::IntLit& n) { out_ += std::to_string(n.value); }

    void expr_node(const ast::BoolLit& n) { out_ += n.value ? "true" : "false"; }

    void expr_node(const ast::NameRef& n) { out_ += n.name.text; }

    void expr_node(const ast::IndexExpr& n) { list("idx", n.base, n.index); }

    void expr_node(const ast::MemberExpr& n) { list(".", n.base, n.member.text); }

    void expr_node(const ast::AtExpr& n) { list("@", n.process, n.location.text); }

    void expr_node(const ast::UnaryExpr& n) {
        list(n.op == ast::UnaryOp::Not ? "!" : "neg", n.operand);
    }

    void expr_node(const ast::BinaryExpr& n) {
        constexpr std::array<std::string_view, 14> names{
            "*", "/", "%", "+", "-", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "->"};
        list(names.at(static_cast<std::size_t>(n.op)), n.lhs, n.rhs);
    }

    void expr_node(const ast::CondExpr& n) { list("?", n.cond, n.then_value, n.else_value); }

    void expr_node(const ast::QuantifierExpr& n) {
        const std::string_view kind = n.kind == ast::QuantifierKind::Forall   ? "forall"
                                      : n.kind == ast::QuantifierKind::Exists ? "exists"
                                                                              : "count";
        list(kind, n.var.text, n.lo, n.hi, n.body);
    }

    void expr_node(const ast::ArrayLit& n) {
        out_ += '[';
        for (std::size_t i = 0; i < n.elements.size(); ++i) {
            out_ += i == 0 ? "" : " ";
            expr(*n.elements[i]);
        }
        out_ += ']';
    }

    void stmt_node(const ast::AssignStmt& n) { list("=", n.target, n.value); }

    void stmt_node(const ast::IfStmt& n) { list("if", n.cond, n.then_block, n.else_block); }

    void stmt_node(const ast::ForStmt& n) { list("for", n.var.text, n.lo, n.hi, n.body); }

    void stmt_node(const ast::CallStmt& n) {
        out_ += "(call ";
        out_ += n.callee.text;
        for (const ast::ExprPtr& a : n.args) {
            out_ += ' ';
            expr(*a);
        }
        out_ += ')';
    }

    void stmt_node(const ast::AssertStmt& n) {
        out_ += "(assert ";
        expr(*n.cond);
        out_ += " \"";
        out_ += n.message;
        out_ += "\")";
    }

    std::string out_;
};

/// The S-expression of `e`.
inline std::string sexpr(const ast::Expr& e) {
    SexprWriter w;
    w.expr(e);
    return w.str();
}

/// The S-expression of a block: its statements in parentheses.
inline std::string sexpr(const ast::Block& b) {
    SexprWriter w;
    w.block(b);
    return w.str();
}

} // namespace ilv::test
