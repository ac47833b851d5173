#include "model/parser_detail.hpp"

#include <utility>

namespace ilv::detail {

namespace {

/// Tokens that cannot continue a block: a declaration or process-member keyword (other than
/// `var`, which gets a clearer "expected statement" error) means its `}` is missing.
bool ends_block(TokenKind kind) noexcept {
    return kind == TokenKind::End || is_declaration_keyword(kind) || is_member_keyword(kind);
}

ast::Stmt make_stmt(SourceRange range, auto node) {
    return ast::Stmt{range, std::move(node)};
}

} // namespace

ast::ProcessDecl Parser::parse_process() {
    ast::ProcessDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    if (accept(TokenKind::LBracket)) {
        decl.family = true;
        decl.index = expect_ident();
        expect(TokenKind::KwIn);
        decl.lo = parse_additive();
        expect(TokenKind::DotDot);
        decl.hi = parse_additive();
        expect(TokenKind::RBracket);
    }
    expect(TokenKind::LBrace);
    while (!accept(TokenKind::RBrace)) {
        if (at(TokenKind::End) || is_declaration_keyword(tok_.kind)) {
            complain("'}'");
            break;
        }
        const std::size_t mark = consumed_;
        try {
            parse_member(decl);
        } catch (const SyntaxError&) {
            recover(SyncLevel::Member, mark);
        }
    }
    decl.range = from(begin);
    return decl;
}

void Parser::parse_member(ast::ProcessDecl& process) {
    switch (tok_.kind) {
    case TokenKind::KwVar:
        process.locals.push_back(parse_var());
        return;
    case TokenKind::KwLocation:
        for (ast::Ident& name : parse_name_list()) {
            process.locations.push_back(std::move(name));
        }
        return;
    case TokenKind::KwEnd:
        for (ast::Ident& name : parse_name_list()) {
            process.ends.push_back(std::move(name));
        }
        return;
    case TokenKind::KwStep:
        process.steps.push_back(parse_step());
        return;
    default:
        fail("'var', 'location', 'end', 'step' or '}'");
    }
}

std::vector<ast::Ident> Parser::parse_name_list() {
    advance();
    std::vector<ast::Ident> names;
    do {
        names.push_back(expect_ident());
    } while (accept(TokenKind::Comma));
    expect(TokenKind::Semicolon);
    return names;
}

ast::StepDecl Parser::parse_step() {
    ast::StepDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    if (accept(TokenKind::LParen)) {
        decl.params = parse_params(TokenKind::KwIn);
        expect(TokenKind::RParen);
    }
    expect(TokenKind::Colon);
    decl.from = expect_ident();
    expect(TokenKind::Arrow);
    decl.to = expect_ident();
    if (accept(TokenKind::KwWhen)) {
        decl.guard = parse_expr();
    }
    decl.body = parse_block();
    decl.range = from(begin);
    return decl;
}

std::vector<ast::Param> Parser::parse_params(TokenKind separator) {
    std::vector<ast::Param> params;
    if (at(TokenKind::RParen)) {
        return params;
    }
    do {
        ast::Param param;
        param.name = expect_ident();
        expect(separator);
        param.type = parse_type();
        params.push_back(std::move(param));
    } while (accept(TokenKind::Comma));
    return params;
}

ast::Block Parser::parse_block() {
    expect(TokenKind::LBrace);
    ast::Block block;
    while (!accept(TokenKind::RBrace)) {
        if (ends_block(tok_.kind)) {
            complain("'}'");
            break;
        }
        const std::size_t mark = consumed_;
        try {
            block.push_back(parse_statement());
        } catch (const SyntaxError&) {
            recover(SyncLevel::Statement, mark);
        }
    }
    return block;
}

ast::Stmt Parser::parse_statement() {
    switch (tok_.kind) {
    case TokenKind::KwIf:
        return parse_if();
    case TokenKind::KwFor:
        return parse_for();
    case TokenKind::KwAssert:
        return parse_assert();
    case TokenKind::Ident:
        return peek_kind() == TokenKind::LParen ? parse_call() : parse_assign();
    case TokenKind::KwSelf:
        return parse_assign();
    default:
        fail("statement");
    }
}

ast::Stmt Parser::parse_if() {
    const DepthScope scope(*this);
    deepen();
    const SourceLoc begin = advance().range.begin;
    ast::IfStmt node;
    expect(TokenKind::LParen);
    node.cond = parse_expr();
    expect(TokenKind::RParen);
    node.then_block = parse_block();
    if (accept(TokenKind::KwElse)) {
        if (at(TokenKind::KwIf)) {
            node.else_block.push_back(parse_if());
        } else {
            node.else_block = parse_block();
        }
    }
    return make_stmt(from(begin), std::move(node));
}

ast::Stmt Parser::parse_for() {
    const DepthScope scope(*this);
    deepen();
    const SourceLoc begin = advance().range.begin;
    ast::ForStmt node;
    node.var = expect_ident();
    expect(TokenKind::KwIn);
    node.lo = parse_additive();
    expect(TokenKind::DotDot);
    node.hi = parse_additive();
    node.body = parse_block();
    return make_stmt(from(begin), std::move(node));
}

ast::Stmt Parser::parse_assert() {
    const SourceLoc begin = advance().range.begin;
    ast::AssertStmt node;
    expect(TokenKind::LParen);
    node.cond = parse_expr();
    expect(TokenKind::Comma);
    node.message = string_literal_value(expect(TokenKind::String).text);
    expect(TokenKind::RParen);
    expect(TokenKind::Semicolon);
    return make_stmt(from(begin), std::move(node));
}

ast::Stmt Parser::parse_call() {
    const SourceLoc begin = tok_.range.begin;
    ast::CallStmt node;
    node.callee = expect_ident();
    expect(TokenKind::LParen);
    if (!at(TokenKind::RParen)) {
        do {
            node.args.push_back(parse_expr());
        } while (accept(TokenKind::Comma));
    }
    expect(TokenKind::RParen);
    expect(TokenKind::Semicolon);
    return make_stmt(from(begin), std::move(node));
}

ast::Stmt Parser::parse_assign() {
    const SourceLoc begin = tok_.range.begin;
    ast::AssignStmt node;
    node.target = parse_postfix();
    expect(TokenKind::Assign);
    node.value = parse_expr();
    expect(TokenKind::Semicolon);
    return make_stmt(from(begin), std::move(node));
}

} // namespace ilv::detail
