#pragma once
/// \file
/// Internals of the recursive-descent parser, shared by parser.cpp (token plumbing, recovery,
/// declarations), parser_stmt.cpp (processes and statements) and parser_expr.cpp (expressions
/// and types). Only `parse_model` in parser.hpp is public.
///
/// Errors unwind with a `SyntaxError` exception to the nearest recovery point (a statement in
/// a block, a member of a process, a top-level declaration), which skips tokens to a
/// synchronisation point. `ParseAbort` unwinds out of the whole parse.

#include "model/ast.hpp"
#include "model/diagnostics.hpp"
#include "model/lexer.hpp"
#include "model/token.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace ilv::detail {

/// Unwinds to the nearest recovery point; the error has already been reported.
struct SyntaxError {};

/// Unwinds out of the whole parse: nesting too deep or too many errors.
struct ParseAbort {};

/// Where error recovery resumes, from the outermost to the innermost recovery point.
enum class SyncLevel { Top, Member, Statement };

/// Most constructs that may enclose one another (parentheses, operators, postfix selectors,
/// quantifiers, array literals, `if` and `for`) before E0105. It bounds the height of the
/// tree, so neither the parser nor any later recursive pass can overflow the stack.
inline constexpr int max_nesting = 256;

/// One parse of one text. Use once: construct, then `parse()`.
class Parser {
public:
    /// Reads `text` (which must outlive the parser), reporting into `diags`.
    Parser(std::string_view text, Diagnostics& diags);
    /// Parses the whole file; never throws.
    ast::Model parse();

private:
    /// Restores the nesting depth on scope exit (also when unwinding from an error).
    class DepthScope {
    public:
        explicit DepthScope(Parser& p) : parser_(p), saved_(p.depth_) {}

        ~DepthScope() { parser_.depth_ = saved_; }

        DepthScope(const DepthScope&) = delete;
        DepthScope& operator=(const DepthScope&) = delete;

    private:
        Parser& parser_;
        int saved_;
    };

    // Token plumbing and recovery (parser.cpp).
    [[nodiscard]] bool at(TokenKind kind) const noexcept { return tok_.kind == kind; }

    TokenKind peek_kind();
    Token advance();
    bool accept(TokenKind kind);
    Token expect(TokenKind kind);
    ast::Ident expect_ident();
    void complain(std::string_view expected);
    [[noreturn]] void fail(std::string_view expected);
    void report(SourceRange range, std::string_view code, std::string message);
    void deepen();
    void recover(SyncLevel level, std::size_t mark);

    [[nodiscard]] SourceRange from(SourceLoc begin) const noexcept { return {begin, prev_end_}; }

    // Declarations (parser.cpp).
    void parse_header(ast::Model& model);
    void parse_declaration(ast::Model& model);
    ast::ConstDecl parse_const();
    ast::EnumDecl parse_enum();
    ast::VarDecl parse_var();
    ast::FnDecl parse_fn();
    ast::InvariantDecl parse_invariant();
    ast::LivenessDecl parse_liveness();
    ast::StepRef parse_step_ref();

    // Processes and statements (parser_stmt.cpp).
    ast::ProcessDecl parse_process();
    void parse_member(ast::ProcessDecl& process);
    std::vector<ast::Ident> parse_name_list();
    ast::StepDecl parse_step();
    std::vector<ast::Param> parse_params(TokenKind separator);
    ast::Block parse_block();
    ast::Stmt parse_statement();
    ast::Stmt parse_if();
    ast::Stmt parse_for();
    ast::Stmt parse_assert();
    ast::Stmt parse_call();
    ast::Stmt parse_assign();

    // Expressions and types (parser_expr.cpp).
    ast::ExprPtr parse_expr();
    ast::ExprPtr parse_conditional();
    ast::ExprPtr parse_binary(int min_level);
    ast::ExprPtr parse_additive();
    ast::ExprPtr parse_unary();
    ast::ExprPtr parse_postfix();
    ast::ExprPtr parse_primary();
    ast::ExprPtr parse_quantifier();
    ast::ExprPtr parse_array_literal();
    ast::TypeExpr parse_type();

    Lexer lexer_;
    Diagnostics& diags_;
    Token tok_;
    Token ahead_;
    bool has_ahead_ = false;
    SourceLoc prev_end_;
    std::size_t consumed_ = 0;
    int depth_ = 0;
};

/// Keywords that begin a top-level declaration, except `var` (which also begins a
/// process-local variable, so recovery treats it apart).
[[nodiscard]] bool is_declaration_keyword(TokenKind kind) noexcept;

/// Keywords that begin a process member, except `var`.
[[nodiscard]] bool is_member_keyword(TokenKind kind) noexcept;

/// True when `kind` can begin an expression.
[[nodiscard]] bool starts_expression(TokenKind kind) noexcept;

/// `'text'` of a token for "found X" (shortened and made printable), or `end of file`.
[[nodiscard]] std::string found_text(const Token& token);

} // namespace ilv::detail
