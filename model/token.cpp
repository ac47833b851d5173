#include "model/token.hpp"

#include "model/invariant.hpp"

#include <array>
#include <utility>

namespace ilv {

namespace {

using Spelling = std::pair<TokenKind, std::string_view>;

/// Keywords with their quoted spelling; `keyword_kind` compares without the quotes.
constexpr std::array<Spelling, 27> keywords{{
    {TokenKind::KwModel, "'model'"},
    {TokenKind::KwConst, "'const'"},
    {TokenKind::KwEnum, "'enum'"},
    {TokenKind::KwVar, "'var'"},
    {TokenKind::KwFn, "'fn'"},
    {TokenKind::KwProcess, "'process'"},
    {TokenKind::KwLocation, "'location'"},
    {TokenKind::KwEnd, "'end'"},
    {TokenKind::KwStep, "'step'"},
    {TokenKind::KwWhen, "'when'"},
    {TokenKind::KwIf, "'if'"},
    {TokenKind::KwElse, "'else'"},
    {TokenKind::KwFor, "'for'"},
    {TokenKind::KwIn, "'in'"},
    {TokenKind::KwAssert, "'assert'"},
    {TokenKind::KwInvariant, "'invariant'"},
    {TokenKind::KwLiveness, "'liveness'"},
    {TokenKind::KwFinitely, "'finitely'"},
    {TokenKind::KwOften, "'often'"},
    {TokenKind::KwLeadsto, "'leadsto'"},
    {TokenKind::KwForall, "'forall'"},
    {TokenKind::KwExists, "'exists'"},
    {TokenKind::KwCount, "'count'"},
    {TokenKind::KwTrue, "'true'"},
    {TokenKind::KwFalse, "'false'"},
    {TokenKind::KwBool, "'bool'"},
    {TokenKind::KwSelf, "'self'"},
}};

constexpr std::array<Spelling, 33> symbols{{
    {TokenKind::End, "end of file"}, {TokenKind::Ident, "identifier"},
    {TokenKind::Int, "integer"},     {TokenKind::String, "string literal"},
    {TokenKind::Bang, "'!'"},        {TokenKind::Minus, "'-'"},
    {TokenKind::Star, "'*'"},        {TokenKind::Slash, "'/'"},
    {TokenKind::Percent, "'%'"},     {TokenKind::Plus, "'+'"},
    {TokenKind::Lt, "'<'"},          {TokenKind::Le, "'<='"},
    {TokenKind::Gt, "'>'"},          {TokenKind::Ge, "'>='"},
    {TokenKind::EqEq, "'=='"},       {TokenKind::NotEq, "'!='"},
    {TokenKind::AndAnd, "'&&'"},     {TokenKind::OrOr, "'||'"},
    {TokenKind::Question, "'?'"},    {TokenKind::Colon, "':'"},
    {TokenKind::Arrow, "'->'"},      {TokenKind::At, "'@'"},
    {TokenKind::DotDot, "'..'"},     {TokenKind::Semicolon, "';'"},
    {TokenKind::Comma, "','"},       {TokenKind::Dot, "'.'"},
    {TokenKind::LParen, "'('"},      {TokenKind::RParen, "')'"},
    {TokenKind::LBracket, "'['"},    {TokenKind::RBracket, "']'"},
    {TokenKind::LBrace, "'{'"},      {TokenKind::RBrace, "'}'"},
    {TokenKind::Assign, "'='"},
}};

/// `'word'` without its quotes.
constexpr std::string_view unquoted(std::string_view quoted) noexcept {
    return quoted.substr(1, quoted.size() - 2);
}

} // namespace

std::string_view describe(TokenKind kind) noexcept {
    for (const Spelling& s : symbols) {
        if (s.first == kind) {
            return s.second;
        }
    }
    for (const Spelling& k : keywords) {
        if (k.first == kind) {
            return k.second;
        }
    }
    ILV_UNREACHABLE("every token kind has a spelling");
}

TokenKind keyword_kind(std::string_view word) noexcept {
    if (word.size() < 2 || word.size() > 9 || word[0] < 'a' || word[0] > 'z') {
        return TokenKind::Ident; // quick exit: keywords are 2 to 9 lowercase letters
    }
    for (const Spelling& k : keywords) {
        if (unquoted(k.second) == word) {
            return k.first;
        }
    }
    return TokenKind::Ident;
}

} // namespace ilv
