#include "model/lexer.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

/// Every token of `text` up to and including the `End` token.
std::vector<Token> lex_all(std::string_view text, Diagnostics& diags) {
    Lexer lexer(text, diags);
    std::vector<Token> out;
    do {
        out.push_back(lexer.next());
    } while (out.back().kind != TokenKind::End);
    return out;
}

std::vector<TokenKind> kinds_of(std::string_view text) {
    Diagnostics diags;
    std::vector<TokenKind> out;
    for (const Token& t : lex_all(text, diags)) {
        out.push_back(t.kind);
    }
    CHECK_FALSE(diags.has_errors());
    return out;
}

SourceLoc loc(std::uint32_t line, std::uint32_t column, std::uint32_t offset) {
    return SourceLoc{line, column, offset};
}

} // namespace

TEST_CASE("lexer: keywords are recognised and near-keywords are identifiers") {
    using K = TokenKind;
    CHECK(kinds_of("model const enum var fn process location end step when if else for in") ==
          std::vector<K>{K::KwModel, K::KwConst, K::KwEnum, K::KwVar, K::KwFn, K::KwProcess,
                         K::KwLocation, K::KwEnd, K::KwStep, K::KwWhen, K::KwIf, K::KwElse,
                         K::KwFor, K::KwIn, K::End});
    CHECK(kinds_of("assert invariant liveness finitely often leadsto forall exists count") ==
          std::vector<K>{K::KwAssert, K::KwInvariant, K::KwLiveness, K::KwFinitely, K::KwOften,
                         K::KwLeadsto, K::KwForall, K::KwExists, K::KwCount, K::End});
    CHECK(kinds_of("true false bool self") ==
          std::vector<K>{K::KwTrue, K::KwFalse, K::KwBool, K::KwSelf, K::End});
    CHECK(kinds_of("models Var _end end_ x1 _") ==
          std::vector<K>{K::Ident, K::Ident, K::Ident, K::Ident, K::Ident, K::Ident, K::End});
}

TEST_CASE("lexer: operators and punctuation, longest match first") {
    using K = TokenKind;
    CHECK(kinds_of("! - * / % + < <= > >= == != && || ? : -> @ .. ; , . ( ) [ ] { } =") ==
          std::vector<K>{K::Bang,     K::Minus,     K::Star,     K::Slash,  K::Percent, K::Plus,
                         K::Lt,       K::Le,        K::Gt,       K::Ge,     K::EqEq,    K::NotEq,
                         K::AndAnd,   K::OrOr,      K::Question, K::Colon,  K::Arrow,   K::At,
                         K::DotDot,   K::Semicolon, K::Comma,    K::Dot,    K::LParen,  K::RParen,
                         K::LBracket, K::RBracket,  K::LBrace,   K::RBrace, K::Assign,  K::End});
    CHECK(kinds_of("a->b!=c<=-d===e...f") == std::vector<K>{K::Ident, K::Arrow, K::Ident, K::NotEq,
                                                            K::Ident, K::Le, K::Minus, K::Ident,
                                                            K::EqEq, K::Assign, K::Ident, K::DotDot,
                                                            K::Dot, K::Ident, K::End});
}

TEST_CASE("lexer: a range 0..3 is an integer, '..' and an integer") {
    Diagnostics diags;
    const std::vector<Token> t = lex_all("0..N-1", diags);
    REQUIRE(t.size() == 6);
    CHECK(t[0].kind == TokenKind::Int);
    CHECK(t[0].int_value == 0);
    CHECK(t[1].kind == TokenKind::DotDot);
    CHECK(t[2].text == "N");
    CHECK(t[3].kind == TokenKind::Minus);
    CHECK(t[4].int_value == 1);
}

TEST_CASE("lexer: tokens carry 1-based line, byte column and byte offset") {
    Diagnostics diags;
    const std::string text = "model m; // note\n\t/* a\nb */ x  =\r\n  42;";
    const std::vector<Token> t = lex_all(text, diags);
    REQUIRE(t.size() == 8);
    CHECK(t[0].range == SourceRange{loc(1, 1, 0), loc(1, 6, 5)});
    CHECK(t[1].range == SourceRange{loc(1, 7, 6), loc(1, 8, 7)});
    CHECK(t[2].range.begin == loc(1, 8, 7));
    // Line 2 is "\t/* a", line 3 is "b */ x  =\r": x is at byte 5 of line 3, offset 23+5.
    CHECK(t[3].text == "x");
    CHECK(t[3].range.begin == loc(3, 6, 28));
    CHECK(t[4].kind == TokenKind::Assign);
    CHECK(t[4].range.begin == loc(3, 9, 31));
    CHECK(t[5].int_value == 42);
    CHECK(t[5].range == SourceRange{loc(4, 3, 36), loc(4, 5, 38)});
    CHECK(t[6].range.begin == loc(4, 5, 38));
    CHECK(t[7].kind == TokenKind::End);
    CHECK(t[7].range.begin == loc(4, 6, 39));
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("lexer: the end token repeats once input is exhausted") {
    Diagnostics diags;
    Lexer lexer("x", diags);
    CHECK(lexer.next().kind == TokenKind::Ident);
    CHECK(lexer.next().kind == TokenKind::End);
    const Token again = lexer.next();
    CHECK(again.kind == TokenKind::End);
    CHECK(again.range.begin == loc(1, 2, 1));
}

TEST_CASE("lexer: integer literals up to 2^62-1 are accepted") {
    Diagnostics diags;
    const std::vector<Token> t = lex_all("4611686018427387903 0007", diags);
    CHECK_FALSE(diags.has_errors());
    CHECK(t[0].int_value == (std::int64_t{1} << 62) - 1);
    CHECK(t[1].int_value == 7);
}

TEST_CASE("lexer: string literals unescape \\\" and \\\\ only") {
    Diagnostics diags;
    const std::vector<Token> t = lex_all(R"("a\"b\\c\n" "")", diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(t.size() == 3);
    CHECK(t[0].kind == TokenKind::String);
    CHECK(t[0].text == R"("a\"b\\c\n")");
    CHECK(string_literal_value(t[0].text) == R"(a"b\c\n)");
    CHECK(string_literal_value(t[1].text).empty());
}

TEST_CASE("lexer: a run of invalid bytes is one diagnostic, then lexing resumes") {
    Diagnostics diags;
    const std::string text = "a \x01\xff\xfe b $# c & d";
    const std::vector<Token> t = lex_all(text, diags);
    REQUIRE(t.size() == 5);
    CHECK(t[1].text == "b");
    CHECK(t[2].text == "c");
    CHECK(t[3].text == "d");
    REQUIRE(diags.all().size() == 3);
    CHECK(diags.all()[0].message == "invalid byte 0x01");
    CHECK(diags.all()[0].range == SourceRange{loc(1, 3, 2), loc(1, 6, 5)});
    CHECK(diags.all()[1].message == "invalid character '$'");
    CHECK(diags.all()[1].range == SourceRange{loc(1, 9, 8), loc(1, 11, 10)});
    CHECK(diags.all()[2].message == "invalid character '&'");
}

TEST_CASE("lexer: an unterminated string ends at the end of its line") {
    Diagnostics diags;
    const std::vector<Token> t = lex_all("\"abc\\\"\nx", diags);
    REQUIRE(t.size() == 3);
    CHECK(t[0].kind == TokenKind::String);
    CHECK(string_literal_value(t[0].text) == "abc\"");
    CHECK(t[1].text == "x");
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == code::unterminated_string);
}
