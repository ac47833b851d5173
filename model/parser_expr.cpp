#include "model/parser_detail.hpp"

#include <utility>

namespace ilv::detail {

namespace {

/// Binding levels of the left-associative binary operators, loosest first.
enum Level : int { OrLevel, AndLevel, EqualityLevel, RelationalLevel, AdditiveLevel, MulLevel };

struct BinaryInfo {
    ast::BinaryOp op;
    int level; ///< -1 when the token is no binary operator
};

BinaryInfo binary_info(TokenKind kind) noexcept {
    using ast::BinaryOp;
    switch (kind) {
    case TokenKind::OrOr:
        return {BinaryOp::Or, OrLevel};
    case TokenKind::AndAnd:
        return {BinaryOp::And, AndLevel};
    case TokenKind::EqEq:
        return {BinaryOp::Eq, EqualityLevel};
    case TokenKind::NotEq:
        return {BinaryOp::Ne, EqualityLevel};
    case TokenKind::Lt:
        return {BinaryOp::Lt, RelationalLevel};
    case TokenKind::Le:
        return {BinaryOp::Le, RelationalLevel};
    case TokenKind::Gt:
        return {BinaryOp::Gt, RelationalLevel};
    case TokenKind::Ge:
        return {BinaryOp::Ge, RelationalLevel};
    case TokenKind::Plus:
        return {BinaryOp::Add, AdditiveLevel};
    case TokenKind::Minus:
        return {BinaryOp::Sub, AdditiveLevel};
    case TokenKind::Star:
        return {BinaryOp::Mul, MulLevel};
    case TokenKind::Slash:
        return {BinaryOp::Div, MulLevel};
    case TokenKind::Percent:
        return {BinaryOp::Mod, MulLevel};
    default:
        return {BinaryOp::Mul, -1};
    }
}

/// A new expression node, built in place (variant moves are costly in unoptimised builds).
template <typename Node, typename... Args>
ast::ExprPtr make_expr(SourceRange range, Args&&... args) {
    auto e = std::make_unique<ast::Expr>();
    e->range = range;
    e->node.emplace<Node>(Node{std::forward<Args>(args)...});
    return e;
}

ast::ExprPtr make_binary(ast::BinaryOp op, ast::ExprPtr lhs, ast::ExprPtr rhs) {
    const SourceRange range = join(lhs->range, rhs->range);
    return make_expr<ast::BinaryExpr>(range, op, std::move(lhs), std::move(rhs));
}

} // namespace

bool starts_expression(TokenKind kind) noexcept {
    switch (kind) {
    case TokenKind::Int:
    case TokenKind::Ident:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwSelf:
    case TokenKind::KwForall:
    case TokenKind::KwExists:
    case TokenKind::KwCount:
    case TokenKind::LParen:
    case TokenKind::LBracket:
    case TokenKind::Bang:
    case TokenKind::Minus:
        return true;
    default:
        return false;
    }
}

std::string found_text(const Token& token) {
    if (token.kind == TokenKind::End) {
        return "end of file";
    }
    constexpr std::size_t max_shown = 32;
    const std::string_view shown = token.text.substr(0, max_shown);
    std::string out = "'";
    for (const char c : shown) {
        const auto u = static_cast<unsigned char>(c);
        out.push_back(u < 0x20 || u >= 0x7f ? '?' : c);
    }
    out += token.text.size() > max_shown ? "...'" : "'";
    return out;
}

/// Lowest level: `a -> b`, right associative.
ast::ExprPtr Parser::parse_expr() {
    ast::ExprPtr lhs = parse_conditional();
    if (!at(TokenKind::Arrow)) {
        return lhs;
    }
    const DepthScope scope(*this);
    deepen();
    advance();
    ast::ExprPtr rhs = parse_expr();
    return make_binary(ast::BinaryOp::Implies, std::move(lhs), std::move(rhs));
}

/// `c ? a : b`, right associative; the middle operand is a full expression.
ast::ExprPtr Parser::parse_conditional() {
    const DepthScope scope(*this);
    ast::ExprPtr cond = parse_binary(OrLevel);
    if (!at(TokenKind::Question)) {
        return cond;
    }
    deepen();
    advance();
    ast::ExprPtr then_value = parse_expr();
    expect(TokenKind::Colon);
    ast::ExprPtr else_value = parse_conditional();
    const SourceRange range = join(cond->range, else_value->range);
    return make_expr<ast::CondExpr>(range, std::move(cond), std::move(then_value),
                                    std::move(else_value));
}

/// Precedence climbing over the left-associative operators binding at `min_level` or tighter.
/// Each operator applied counts as one nesting level, since the left spine grows the tree.
ast::ExprPtr Parser::parse_binary(int min_level) {
    const DepthScope scope(*this);
    ast::ExprPtr lhs = parse_unary();
    for (BinaryInfo info = binary_info(tok_.kind); info.level >= min_level;
         info = binary_info(tok_.kind)) {
        deepen();
        advance();
        ast::ExprPtr rhs = parse_binary(info.level + 1);
        lhs = make_binary(info.op, std::move(lhs), std::move(rhs));
    }
    return lhs;
}

ast::ExprPtr Parser::parse_additive() {
    return parse_binary(AdditiveLevel);
}

ast::ExprPtr Parser::parse_unary() {
    if (!at(TokenKind::Bang) && !at(TokenKind::Minus)) {
        return parse_postfix();
    }
    const DepthScope scope(*this);
    deepen();
    const Token op = advance();
    ast::ExprPtr operand = parse_unary();
    const SourceRange range{op.range.begin, operand->range.end};
    const ast::UnaryOp kind = op.kind == TokenKind::Bang ? ast::UnaryOp::Not : ast::UnaryOp::Neg;
    return make_expr<ast::UnaryExpr>(range, kind, std::move(operand));
}

/// A primary followed by any number of `[index]`, `.member` and `@ location`.
ast::ExprPtr Parser::parse_postfix() {
    const DepthScope scope(*this);
    ast::ExprPtr e = parse_primary();
    while (at(TokenKind::LBracket) || at(TokenKind::Dot) || at(TokenKind::At)) {
        deepen();
        const SourceLoc begin = e->range.begin;
        const TokenKind kind = advance().kind;
        if (kind == TokenKind::LBracket) {
            ast::ExprPtr index = parse_expr();
            expect(TokenKind::RBracket);
            e = make_expr<ast::IndexExpr>(from(begin), std::move(e), std::move(index));
        } else if (kind == TokenKind::Dot) {
            ast::Ident member = expect_ident();
            e = make_expr<ast::MemberExpr>(from(begin), std::move(e), std::move(member));
        } else {
            ast::Ident location = expect_ident();
            e = make_expr<ast::AtExpr>(from(begin), std::move(e), std::move(location));
        }
    }
    return e;
}

ast::ExprPtr Parser::parse_primary() {
    switch (tok_.kind) {
    case TokenKind::Int: {
        const Token t = advance();
        return make_expr<ast::IntLit>(t.range, t.int_value);
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: {
        const Token t = advance();
        return make_expr<ast::BoolLit>(t.range, t.kind == TokenKind::KwTrue);
    }
    case TokenKind::Ident:
    case TokenKind::KwSelf: {
        const Token t = advance();
        return make_expr<ast::NameRef>(t.range, ast::Ident{std::string(t.text), t.range});
    }
    case TokenKind::LParen: {
        const DepthScope scope(*this);
        deepen();
        const SourceLoc begin = advance().range.begin;
        ast::ExprPtr inner = parse_expr();
        expect(TokenKind::RParen);
        inner->range = from(begin);
        return inner;
    }
    case TokenKind::LBracket:
        return parse_array_literal();
    case TokenKind::KwForall:
    case TokenKind::KwExists:
    case TokenKind::KwCount:
        return parse_quantifier();
    default:
        fail("expression");
    }
}

/// `forall v in lo..hi: body`; the body is parsed at the lowest level, so it extends as far
/// to the right as possible.
ast::ExprPtr Parser::parse_quantifier() {
    const DepthScope scope(*this);
    deepen();
    const Token keyword = advance();
    ast::QuantifierExpr node;
    node.kind = keyword.kind == TokenKind::KwForall   ? ast::QuantifierKind::Forall
                : keyword.kind == TokenKind::KwExists ? ast::QuantifierKind::Exists
                                                      : ast::QuantifierKind::Count;
    node.var = expect_ident();
    expect(TokenKind::KwIn);
    node.lo = parse_additive();
    expect(TokenKind::DotDot);
    node.hi = parse_additive();
    expect(TokenKind::Colon);
    node.body = parse_expr();
    return make_expr<ast::QuantifierExpr>(from(keyword.range.begin), std::move(node));
}

ast::ExprPtr Parser::parse_array_literal() {
    const DepthScope scope(*this);
    deepen();
    const SourceLoc begin = advance().range.begin;
    ast::ArrayLit node;
    do {
        node.elements.push_back(parse_expr());
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RBracket);
    return make_expr<ast::ArrayLit>(from(begin), std::move(node));
}

/// `bool`, `lo..hi` (additive bounds), or an enum name.
ast::TypeExpr Parser::parse_type() {
    ast::TypeExpr type;
    const SourceLoc begin = tok_.range.begin;
    if (accept(TokenKind::KwBool)) {
        type.kind = ast::TypeExpr::Kind::Bool;
    } else if (!starts_expression(tok_.kind)) {
        fail("type");
    } else {
        const bool plain_name = at(TokenKind::Ident);
        ast::ExprPtr lo = parse_additive();
        if (accept(TokenKind::DotDot)) {
            type.kind = ast::TypeExpr::Kind::Range;
            type.lo = std::move(lo);
            type.hi = parse_additive();
        } else if (auto* name = std::get_if<ast::NameRef>(&lo->node); name && plain_name) {
            type.kind = ast::TypeExpr::Kind::Named;
            type.name = std::move(name->name);
        } else {
            fail("'..'");
        }
    }
    type.range = from(begin);
    return type;
}

} // namespace ilv::detail
