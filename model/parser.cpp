#include "model/parser.hpp"

#include "model/lexer.hpp"

#include <initializer_list>
#include <utility>

namespace ilv {

namespace {

/// Thrown after a syntax error has been reported, caught where parsing can resume.
struct SyntaxError {};

using ast::Expr;
using ast::ExprPtr;

ExprPtr make(SourceRange r, auto node) {
    auto e = std::make_unique<Expr>();
    e->range = r;
    e->node = std::move(node);
    return e;
}

/// Guards one level of nesting; reports E0105 and unwinds when too deep.
class DepthGuard {
public:
    DepthGuard(int& depth, Diagnostics& diags, SourceRange where) : depth_(depth) {
        if (++depth_ > max_nesting) {
            --depth_;
            diags.error(where, code::nesting_too_deep,
                        "nesting too deep (more than " + std::to_string(max_nesting) + " levels)");
            throw SyntaxError{};
        }
    }
    ~DepthGuard() { --depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    int& depth_;
};

class Parser {
public:
    Parser(std::vector<Token> tokens, Diagnostics& diags)
        : toks_(std::move(tokens)), diags_(diags) {}

    ast::Model model() {
        ast::Model m;
        if (!at(Tok::KwModel)) {
            diags_.error(peek().range, code::missing_model,
                         "expected 'model NAME;' as the first declaration");
        } else {
            try {
                next();
                m.name = ident();
                expect(Tok::Semi, "';'");
            } catch (const SyntaxError&) {
                recover_top();
            }
        }
        while (!at(Tok::End) && !diags_.saturated()) {
            try {
                declaration(m);
            } catch (const SyntaxError&) {
                recover_top();
            }
        }
        return m;
    }

private:
    // ---- token helpers
    const Token& peek(std::size_t ahead = 0) const {
        const std::size_t k = std::min(pos_ + ahead, toks_.size() - 1);
        return toks_[k];
    }
    bool at(Tok k) const { return peek().kind == k; }
    const Token& next() {
        const Token& t = toks_[pos_];
        if (pos_ + 1 < toks_.size()) {
            ++pos_;
        }
        return t;
    }
    bool accept(Tok k) {
        if (at(k)) {
            next();
            return true;
        }
        return false;
    }
    [[noreturn]] void fail(const std::string& expected) {
        const Token& t = peek();
        const std::string found =
            t.kind == Tok::End ? "end of file" : "'" + std::string(t.text.substr(0, 40)) + "'";
        diags_.error(t.range, code::unexpected_token, "expected " + expected + ", found " + found);
        throw SyntaxError{};
    }
    const Token& expect(Tok k, const std::string& what) {
        if (!at(k)) {
            fail(what);
        }
        return next();
    }
    ast::Ident ident() {
        const Token& t = expect(Tok::Ident, "identifier");
        return ast::Ident{std::string(t.text), t.range};
    }
    SourceRange from(SourceLoc begin) const { return {begin, toks_[pos_ > 0 ? pos_ - 1 : 0].range.end}; }

    // ---- recovery
    static bool is_decl_start(Tok k) {
        return k == Tok::KwConst || k == Tok::KwEnum || k == Tok::KwVar || k == Tok::KwFn ||
               k == Tok::KwProcess || k == Tok::KwInvariant || k == Tok::KwLiveness;
    }
    void recover_top() {
        int depth = 0;
        while (!at(Tok::End)) {
            if (depth == 0 && is_decl_start(peek().kind)) {
                return;
            }
            const Tok k = next().kind;
            depth += k == Tok::LBrace ? 1 : k == Tok::RBrace ? -1 : 0;
            depth = std::max(depth, 0);
        }
    }
    void recover_statement() {
        int depth = 0;
        while (!at(Tok::End)) {
            if (depth == 0 && at(Tok::RBrace)) {
                return;
            }
            const Tok k = next().kind;
            if (depth == 0 && k == Tok::Semi) {
                return;
            }
            depth += k == Tok::LBrace ? 1 : k == Tok::RBrace ? -1 : 0;
            if (depth < 0) {
                return;
            }
        }
    }

    // ---- declarations
    void declaration(ast::Model& m) {
        const SourceLoc begin = peek().range.begin;
        switch (peek().kind) {
        case Tok::KwConst: {
            next();
            ast::ConstDecl c;
            c.name = ident();
            expect(Tok::Assign, "'='");
            c.value = expr();
            expect(Tok::Semi, "';'");
            c.range = from(begin);
            m.consts.push_back(std::move(c));
            return;
        }
        case Tok::KwEnum:
            m.enums.push_back(enum_decl());
            return;
        case Tok::KwVar:
            m.vars.push_back(var_decl());
            return;
        case Tok::KwFn:
            m.fns.push_back(fn_decl());
            return;
        case Tok::KwProcess:
            m.processes.push_back(process_decl());
            return;
        case Tok::KwInvariant: {
            next();
            ast::InvariantDecl inv;
            inv.name = ident();
            expect(Tok::Colon, "':'");
            inv.expr = expr();
            expect(Tok::Semi, "';'");
            inv.range = from(begin);
            m.invariants.push_back(std::move(inv));
            return;
        }
        case Tok::KwLiveness:
            m.liveness.push_back(liveness_decl());
            return;
        default:
            fail("a declaration (const, enum, var, fn, process, invariant, liveness)");
        }
    }

    ast::EnumDecl enum_decl() {
        const SourceLoc begin = next().range.begin;
        ast::EnumDecl e;
        e.name = ident();
        expect(Tok::LBrace, "'{'");
        do {
            e.members.push_back(ident());
        } while (accept(Tok::Comma) && !at(Tok::RBrace));
        expect(Tok::RBrace, "',' or '}'");
        accept(Tok::Semi);
        e.range = from(begin);
        return e;
    }

    ast::VarDecl var_decl() {
        const SourceLoc begin = next().range.begin;
        ast::VarDecl v;
        v.name = ident();
        if (accept(Tok::LBracket)) {
            v.size = expr();
            expect(Tok::RBracket, "']'");
        }
        expect(Tok::Colon, "':'");
        v.type = type();
        if (accept(Tok::Assign)) {
            v.init = expr();
        }
        expect(Tok::Semi, "';'");
        v.range = from(begin);
        return v;
    }

    ast::TypeExpr type() {
        const SourceLoc begin = peek().range.begin;
        ast::TypeExpr t;
        if (accept(Tok::KwBool)) {
            t.kind = ast::TypeExpr::Kind::Bool;
        } else if (at(Tok::Ident) && !starts_range_continuation(peek(1).kind)) {
            t.kind = ast::TypeExpr::Kind::Named;
            t.name = ident();
        } else {
            t.kind = ast::TypeExpr::Kind::Range;
            t.lo = additive();
            expect(Tok::DotDot, "'..'");
            t.hi = additive();
        }
        t.range = from(begin);
        return t;
    }
    static bool starts_range_continuation(Tok k) {
        return k == Tok::DotDot || k == Tok::Plus || k == Tok::Minus || k == Tok::Star ||
               k == Tok::Slash || k == Tok::Percent || k == Tok::LParen;
    }

    ast::Param param(bool step_param) {
        ast::Param p;
        p.name = ident();
        if (step_param) {
            expect(Tok::KwIn, "'in'");
        } else {
            expect(Tok::Colon, "':'");
        }
        p.type = type();
        return p;
    }

    std::vector<ast::Param> params(bool step_param) {
        std::vector<ast::Param> out;
        expect(Tok::LParen, "'('");
        if (!at(Tok::RParen)) {
            do {
                out.push_back(param(step_param));
            } while (accept(Tok::Comma));
        }
        expect(Tok::RParen, "')'");
        return out;
    }

    ast::FnDecl fn_decl() {
        const SourceLoc begin = next().range.begin;
        ast::FnDecl f;
        f.name = ident();
        f.params = params(false);
        f.body = block();
        f.range = from(begin);
        return f;
    }

    void ident_list(std::vector<ast::Ident>& out) {
        do {
            out.push_back(ident());
        } while (accept(Tok::Comma));
        expect(Tok::Semi, "';'");
    }

    ast::ProcessDecl process_decl() {
        const SourceLoc begin = next().range.begin;
        ast::ProcessDecl p;
        p.name = ident();
        if (accept(Tok::LBracket)) {
            p.family = true;
            p.index = ident();
            expect(Tok::KwIn, "'in'");
            p.lo = additive();
            expect(Tok::DotDot, "'..'");
            p.hi = additive();
            expect(Tok::RBracket, "']'");
        }
        expect(Tok::LBrace, "'{'");
        while (!at(Tok::RBrace) && !at(Tok::End) && !diags_.saturated()) {
            try {
                process_item(p);
            } catch (const SyntaxError&) {
                recover_process_item();
            }
        }
        expect(Tok::RBrace, "'}'");
        p.range = from(begin);
        return p;
    }

    void recover_process_item() {
        int depth = 0;
        while (!at(Tok::End)) {
            const Tok k = peek().kind;
            if (depth == 0 && (k == Tok::KwVar || k == Tok::KwLocation || k == Tok::KwEnd ||
                               k == Tok::KwStep || k == Tok::RBrace || is_decl_start(k))) {
                return;
            }
            next();
            depth += k == Tok::LBrace ? 1 : k == Tok::RBrace ? -1 : 0;
            if (depth == 0 && k == Tok::RBrace) {
                return;
            }
        }
    }

    void process_item(ast::ProcessDecl& p) {
        switch (peek().kind) {
        case Tok::KwVar:
            p.locals.push_back(var_decl());
            return;
        case Tok::KwLocation:
            next();
            ident_list(p.locations);
            return;
        case Tok::KwEnd:
            next();
            ident_list(p.ends);
            return;
        case Tok::KwStep:
            p.steps.push_back(step_decl());
            return;
        default:
            fail("'var', 'location', 'end', 'step' or '}'");
        }
    }

    ast::StepDecl step_decl() {
        const SourceLoc begin = next().range.begin;
        ast::StepDecl s;
        s.name = ident();
        if (at(Tok::LParen)) {
            s.params = params(true);
        }
        expect(Tok::Colon, "':'");
        s.from = ident();
        expect(Tok::Arrow, "'->'");
        s.to = ident();
        if (accept(Tok::KwWhen)) {
            s.guard = expr();
        }
        s.range = from(begin);
        s.body = block();
        return s;
    }

    ast::LivenessDecl liveness_decl() {
        const SourceLoc begin = next().range.begin;
        ast::LivenessDecl l;
        l.name = ident();
        expect(Tok::Colon, "':'");
        if (accept(Tok::KwFinitely)) {
            expect(Tok::KwOften, "'often'");
            l.kind = ast::LivenessDecl::Kind::FinitelyOften;
            const SourceLoc sb = peek().range.begin;
            l.step.process = ident();
            if (accept(Tok::LBracket)) {
                l.step.index = expr();
                expect(Tok::RBracket, "']'");
            }
            expect(Tok::Dot, "'.'");
            l.step.step = ident();
            l.step.range = from(sb);
        } else {
            l.kind = ast::LivenessDecl::Kind::LeadsTo;
            l.premise = expr();
            expect(Tok::KwLeadsto, "'leadsto'");
            l.consequence = expr();
        }
        expect(Tok::Semi, "';'");
        l.range = from(begin);
        return l;
    }

    // ---- statements
    ast::Block block() {
        DepthGuard guard(depth_, diags_, peek().range);
        expect(Tok::LBrace, "'{'");
        ast::Block out;
        while (!at(Tok::RBrace) && !at(Tok::End) && !diags_.saturated()) {
            try {
                if (!accept(Tok::Semi)) {
                    out.push_back(statement());
                }
            } catch (const SyntaxError&) {
                if (depth_ > max_nesting - 1) {
                    throw;
                }
                recover_statement();
            }
        }
        expect(Tok::RBrace, "'}'");
        return out;
    }

    ast::Stmt statement() {
        const SourceLoc begin = peek().range.begin;
        ast::Stmt s;
        if (accept(Tok::KwIf)) {
            s.node = if_rest();
        } else if (accept(Tok::KwFor)) {
            ast::ForStmt f;
            f.var = ident();
            expect(Tok::KwIn, "'in'");
            f.lo = additive();
            expect(Tok::DotDot, "'..'");
            f.hi = additive();
            f.body = block();
            s.node = std::move(f);
        } else if (accept(Tok::KwAssert)) {
            ast::AssertStmt a;
            expect(Tok::LParen, "'('");
            a.cond = expr();
            expect(Tok::Comma, "','");
            a.message = expect(Tok::String, "a string message").string_value;
            expect(Tok::RParen, "')'");
            expect(Tok::Semi, "';'");
            s.node = std::move(a);
        } else if (at(Tok::Ident) && peek(1).kind == Tok::LParen) {
            ast::CallStmt c;
            c.callee = ident();
            next();
            if (!at(Tok::RParen)) {
                do {
                    c.args.push_back(expr());
                } while (accept(Tok::Comma));
            }
            expect(Tok::RParen, "')'");
            expect(Tok::Semi, "';'");
            s.node = std::move(c);
        } else {
            ast::AssignStmt a;
            a.target = postfix();
            expect(Tok::Assign, "'='");
            a.value = expr();
            expect(Tok::Semi, "';'");
            s.node = std::move(a);
        }
        s.range = from(begin);
        return s;
    }

    ast::IfStmt if_rest() {
        DepthGuard guard(depth_, diags_, peek().range);
        ast::IfStmt i;
        expect(Tok::LParen, "'('");
        i.cond = expr();
        expect(Tok::RParen, "')'");
        i.then_block = block();
        if (accept(Tok::KwElse)) {
            if (at(Tok::KwIf)) {
                const SourceLoc begin = next().range.begin;
                ast::Stmt nested;
                nested.node = if_rest();
                nested.range = from(begin);
                i.else_block.push_back(std::move(nested));
            } else {
                i.else_block = block();
            }
        }
        return i;
    }

    // ---- expressions, lowest precedence first
    ExprPtr expr() {
        DepthGuard guard(depth_, diags_, peek().range);
        ExprPtr lhs = conditional();
        if (accept(Tok::Arrow)) {
            ExprPtr rhs = expr();
            const SourceRange r{lhs->range.begin, rhs->range.end};
            return make(r, ast::BinaryExpr{ast::BinaryOp::Implies, std::move(lhs), std::move(rhs)});
        }
        return lhs;
    }

    ExprPtr conditional() {
        ExprPtr c = binary_level(0);
        if (!accept(Tok::Question)) {
            return c;
        }
        DepthGuard guard(depth_, diags_, peek().range);
        ExprPtr t = expr();
        expect(Tok::Colon, "':'");
        ExprPtr f = conditional();
        const SourceRange r{c->range.begin, f->range.end};
        return make(r, ast::CondExpr{std::move(c), std::move(t), std::move(f)});
    }

    static const std::vector<std::vector<std::pair<Tok, ast::BinaryOp>>>& levels() {
        using B = ast::BinaryOp;
        static const std::vector<std::vector<std::pair<Tok, ast::BinaryOp>>> table{
            {{Tok::OrOr, B::Or}},
            {{Tok::AndAnd, B::And}},
            {{Tok::EqEq, B::Eq}, {Tok::NotEq, B::Ne}},
            {{Tok::Lt, B::Lt}, {Tok::Le, B::Le}, {Tok::Gt, B::Gt}, {Tok::Ge, B::Ge}},
            {{Tok::Plus, B::Add}, {Tok::Minus, B::Sub}},
            {{Tok::Star, B::Mul}, {Tok::Slash, B::Div}, {Tok::Percent, B::Mod}},
        };
        return table;
    }

    static constexpr std::size_t additive_level = 4;

    ExprPtr additive() {
        DepthGuard guard(depth_, diags_, peek().range);
        return binary_level(additive_level);
    }

    ExprPtr binary_level(std::size_t level) {
        if (level == levels().size()) {
            return unary();
        }
        ExprPtr lhs = binary_level(level + 1);
        while (true) {
            const auto* op = find_op(level, peek().kind);
            if (op == nullptr) {
                return lhs;
            }
            next();
            ExprPtr rhs = binary_level(level + 1);
            const SourceRange r{lhs->range.begin, rhs->range.end};
            lhs = make(r, ast::BinaryExpr{op->second, std::move(lhs), std::move(rhs)});
        }
    }

    static const std::pair<Tok, ast::BinaryOp>* find_op(std::size_t level, Tok k) {
        for (const auto& p : levels()[level]) {
            if (p.first == k) {
                return &p;
            }
        }
        return nullptr;
    }

    ExprPtr unary() {
        if (at(Tok::Not) || at(Tok::Minus)) {
            DepthGuard guard(depth_, diags_, peek().range);
            const Token& t = next();
            const ast::UnaryOp op = t.kind == Tok::Not ? ast::UnaryOp::Not : ast::UnaryOp::Neg;
            const SourceLoc begin = t.range.begin;
            ExprPtr operand = unary();
            const SourceRange r{begin, operand->range.end};
            return make(r, ast::UnaryExpr{op, std::move(operand)});
        }
        return postfix();
    }

    ExprPtr postfix() {
        ExprPtr e = primary();
        while (true) {
            const SourceLoc begin = e->range.begin;
            if (accept(Tok::LBracket)) {
                ExprPtr index = expr();
                expect(Tok::RBracket, "']'");
                e = make(from(begin), ast::IndexExpr{std::move(e), std::move(index)});
            } else if (accept(Tok::Dot)) {
                ast::Ident member = ident();
                e = make(from(begin), ast::MemberExpr{std::move(e), std::move(member)});
            } else if (accept(Tok::At)) {
                ast::Ident loc = ident();
                e = make(from(begin), ast::AtExpr{std::move(e), std::move(loc)});
            } else {
                return e;
            }
        }
    }

    ExprPtr primary() {
        const Token& t = peek();
        const SourceRange r = t.range;
        switch (t.kind) {
        case Tok::Int:
            return make(r, ast::IntLit{next().value});
        case Tok::KwTrue:
        case Tok::KwFalse:
            return make(r, ast::BoolLit{next().kind == Tok::KwTrue});
        case Tok::Ident:
        case Tok::KwSelf:
            return make(r, ast::NameRef{ast::Ident{std::string(next().text), r}});
        case Tok::LParen: {
            DepthGuard guard(depth_, diags_, r);
            next();
            ExprPtr inner = expr();
            expect(Tok::RParen, "')'");
            inner->range = from(r.begin);
            return inner;
        }
        case Tok::LBracket: {
            DepthGuard guard(depth_, diags_, r);
            next();
            ast::ArrayLit lit;
            do {
                lit.elements.push_back(expr());
            } while (accept(Tok::Comma));
            expect(Tok::RBracket, "',' or ']'");
            return make(from(r.begin), std::move(lit));
        }
        case Tok::KwForall:
        case Tok::KwExists:
        case Tok::KwCount:
            return quantifier();
        default:
            fail("expression");
        }
    }

    ExprPtr quantifier() {
        DepthGuard guard(depth_, diags_, peek().range);
        const Token& t = next();
        const SourceLoc begin = t.range.begin;
        const ast::QuantifierKind kind = t.kind == Tok::KwForall   ? ast::QuantifierKind::Forall
                                         : t.kind == Tok::KwExists ? ast::QuantifierKind::Exists
                                                                   : ast::QuantifierKind::Count;
        ast::QuantifierExpr q;
        q.kind = kind;
        q.var = ident();
        expect(Tok::KwIn, "'in'");
        q.lo = additive();
        expect(Tok::DotDot, "'..'");
        q.hi = additive();
        expect(Tok::Colon, "':'");
        q.body = expr();
        return make(from(begin), std::move(q));
    }

    std::vector<Token> toks_;
    Diagnostics& diags_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

} // namespace

ast::Model parse_model(std::string_view text, Diagnostics& diags) {
    std::vector<Token> tokens = lex(text, diags);
    return Parser(std::move(tokens), diags).model();
}

} // namespace ilv
