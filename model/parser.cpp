#include "model/parser.hpp"

#include "model/parser_detail.hpp"

#include <utility>

namespace ilv {

namespace detail {

namespace {

bool is_statement_keyword(TokenKind kind) noexcept {
    return kind == TokenKind::KwIf || kind == TokenKind::KwFor || kind == TokenKind::KwAssert;
}

} // namespace

bool is_declaration_keyword(TokenKind kind) noexcept {
    switch (kind) {
    case TokenKind::KwConst:
    case TokenKind::KwEnum:
    case TokenKind::KwFn:
    case TokenKind::KwProcess:
    case TokenKind::KwInvariant:
    case TokenKind::KwLiveness:
        return true;
    default:
        return false;
    }
}

bool is_member_keyword(TokenKind kind) noexcept {
    return kind == TokenKind::KwLocation || kind == TokenKind::KwEnd || kind == TokenKind::KwStep;
}

Parser::Parser(std::string_view text, Diagnostics& diags)
    : lexer_(text, diags),
      diags_(diags),
      tok_(lexer_.next()) {}

ast::Model Parser::parse() {
    ast::Model model;
    try {
        if (diags_.saturated()) {
            return model;
        }
        parse_header(model);
        while (!at(TokenKind::End)) {
            parse_declaration(model);
        }
    } catch (const ParseAbort&) {
        // The reason was reported; the model keeps what was parsed so far.
    }
    return model;
}

TokenKind Parser::peek_kind() {
    if (!has_ahead_) {
        ahead_ = lexer_.next();
        has_ahead_ = true;
    }
    return ahead_.kind;
}

Token Parser::advance() {
    Token consumed = tok_;
    prev_end_ = tok_.range.end;
    if (has_ahead_) {
        tok_ = ahead_;
        has_ahead_ = false;
    } else if (!at(TokenKind::End)) {
        tok_ = lexer_.next();
    }
    ++consumed_;
    if (diags_.saturated()) {
        throw ParseAbort{};
    }
    return consumed;
}

bool Parser::accept(TokenKind kind) {
    if (!at(kind)) {
        return false;
    }
    advance();
    return true;
}

Token Parser::expect(TokenKind kind) {
    if (!at(kind)) {
        fail(describe(kind));
    }
    return advance();
}

ast::Ident Parser::expect_ident() {
    const Token t = expect(TokenKind::Ident);
    return ast::Ident{std::string(t.text), t.range};
}

void Parser::complain(std::string_view expected) {
    if (tok_.after_invalid) {
        return; // the invalid characters before this token were reported; this is their echo
    }
    std::string message = "expected ";
    message += expected;
    message += ", found ";
    message += found_text(tok_);
    report(tok_.range, code::unexpected_token, std::move(message));
}

void Parser::fail(std::string_view expected) {
    complain(expected);
    throw SyntaxError{};
}

void Parser::report(SourceRange range, std::string_view code, std::string message) {
    diags_.error(range, code, std::move(message));
    if (diags_.saturated()) {
        throw ParseAbort{};
    }
}

void Parser::deepen() {
    if (depth_ >= max_nesting) {
        diags_.error(tok_.range, code::nesting_too_deep,
                     "nesting too deep (more than 256 levels; each operator of a chain such as "
                     "a + b + c counts as one)");
        throw ParseAbort{};
    }
    ++depth_;
}

/// Skips tokens after a syntax error. Always consumes at least one token when none was
/// consumed since `mark`, so the caller's loop makes progress. Stops before a declaration
/// keyword; inside processes also before a member keyword and before a `}` that closes the
/// enclosing body; after a `;` at the error's brace depth or a `}` that balances a `{` skipped
/// here.
void Parser::recover(SyncLevel level, std::size_t mark) {
    if (consumed_ == mark && !at(TokenKind::End)) {
        advance();
    }
    int depth = 0;
    while (!at(TokenKind::End)) {
        const TokenKind k = tok_.kind;
        if (is_declaration_keyword(k) || (level != SyncLevel::Top && is_member_keyword(k))) {
            return;
        }
        if (depth == 0 && level != SyncLevel::Top) {
            if (k == TokenKind::RBrace ||
                (level == SyncLevel::Statement && is_statement_keyword(k))) {
                return;
            }
            if (k == TokenKind::Semicolon) {
                advance();
                return;
            }
        }
        if (depth == 0 && k == TokenKind::KwVar) {
            return;
        }
        if (k == TokenKind::LBrace) {
            ++depth;
        } else if (k == TokenKind::RBrace && depth > 0 && --depth == 0 && level != SyncLevel::Top) {
            advance();
            if (level != SyncLevel::Statement || !at(TokenKind::KwElse)) {
                return;
            }
        }
        advance();
    }
}

void Parser::parse_header(ast::Model& model) {
    if (!at(TokenKind::KwModel)) {
        report(tok_.range, code::missing_model, "expected 'model NAME;' as the first declaration");
        if (!is_declaration_keyword(tok_.kind) && !at(TokenKind::KwVar)) {
            recover(SyncLevel::Top, consumed_);
        }
        return;
    }
    const std::size_t mark = consumed_;
    try {
        advance();
        model.name = expect_ident();
        expect(TokenKind::Semicolon);
    } catch (const SyntaxError&) {
        recover(SyncLevel::Top, mark);
    }
}

void Parser::parse_declaration(ast::Model& model) {
    const std::size_t mark = consumed_;
    try {
        switch (tok_.kind) {
        case TokenKind::KwConst:
            model.consts.push_back(parse_const());
            return;
        case TokenKind::KwEnum:
            model.enums.push_back(parse_enum());
            return;
        case TokenKind::KwVar:
            model.vars.push_back(parse_var());
            return;
        case TokenKind::KwFn:
            model.fns.push_back(parse_fn());
            return;
        case TokenKind::KwProcess:
            model.processes.push_back(parse_process());
            return;
        case TokenKind::KwInvariant:
            model.invariants.push_back(parse_invariant());
            return;
        case TokenKind::KwLiveness:
            model.liveness.push_back(parse_liveness());
            return;
        default:
            fail("declaration");
        }
    } catch (const SyntaxError&) {
        recover(SyncLevel::Top, mark);
    }
}

ast::ConstDecl Parser::parse_const() {
    ast::ConstDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    expect(TokenKind::Assign);
    decl.value = parse_expr();
    expect(TokenKind::Semicolon);
    decl.range = from(begin);
    return decl;
}

ast::EnumDecl Parser::parse_enum() {
    ast::EnumDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    expect(TokenKind::LBrace);
    do {
        decl.members.push_back(expect_ident());
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RBrace);
    expect(TokenKind::Semicolon);
    decl.range = from(begin);
    return decl;
}

ast::VarDecl Parser::parse_var() {
    ast::VarDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    if (accept(TokenKind::LBracket)) {
        decl.size = parse_expr();
        expect(TokenKind::RBracket);
    }
    expect(TokenKind::Colon);
    decl.type = parse_type();
    if (accept(TokenKind::Assign)) {
        decl.init = parse_expr();
    }
    expect(TokenKind::Semicolon);
    decl.range = from(begin);
    return decl;
}

ast::FnDecl Parser::parse_fn() {
    ast::FnDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    expect(TokenKind::LParen);
    decl.params = parse_params(TokenKind::Colon);
    expect(TokenKind::RParen);
    decl.body = parse_block();
    decl.range = from(begin);
    return decl;
}

ast::InvariantDecl Parser::parse_invariant() {
    ast::InvariantDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    expect(TokenKind::Colon);
    decl.expr = parse_expr();
    expect(TokenKind::Semicolon);
    decl.range = from(begin);
    return decl;
}

ast::LivenessDecl Parser::parse_liveness() {
    ast::LivenessDecl decl;
    const SourceLoc begin = advance().range.begin;
    decl.name = expect_ident();
    expect(TokenKind::Colon);
    if (accept(TokenKind::KwFinitely)) {
        expect(TokenKind::KwOften);
        decl.kind = ast::LivenessDecl::Kind::FinitelyOften;
        decl.step = parse_step_ref();
    } else {
        decl.kind = ast::LivenessDecl::Kind::LeadsTo;
        decl.premise = parse_expr();
        expect(TokenKind::KwLeadsto);
        decl.consequence = parse_expr();
    }
    expect(TokenKind::Semicolon);
    decl.range = from(begin);
    return decl;
}

ast::StepRef Parser::parse_step_ref() {
    ast::StepRef ref;
    ref.process = expect_ident();
    if (accept(TokenKind::LBracket)) {
        ref.index = parse_expr();
        expect(TokenKind::RBracket);
    }
    expect(TokenKind::Dot);
    ref.step = expect_ident();
    ref.range = from(ref.process.range.begin);
    return ref;
}

} // namespace detail

ast::Model parse_model(std::string_view text, Diagnostics& diags) {
    detail::Parser parser(text, diags);
    return parser.parse();
}

} // namespace ilv
