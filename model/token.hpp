#pragma once
/// \file
/// The tokens of the `.ilv` language, produced by the lexer and consumed by the parser.

#include "model/source_location.hpp"

#include <cstdint>
#include <string_view>

namespace ilv {

/// Every kind of token. Keywords and punctuation each get their own kind so the parser can
/// switch on them; `End` marks the end of the input and is returned forever after.
enum class TokenKind : std::uint8_t {
    End,
    Ident,
    Int,
    String,
    // keywords
    KwModel,
    KwConst,
    KwEnum,
    KwVar,
    KwFn,
    KwProcess,
    KwLocation,
    KwEnd,
    KwStep,
    KwWhen,
    KwIf,
    KwElse,
    KwFor,
    KwIn,
    KwAssert,
    KwInvariant,
    KwLiveness,
    KwFinitely,
    KwOften,
    KwLeadsto,
    KwForall,
    KwExists,
    KwCount,
    KwTrue,
    KwFalse,
    KwBool,
    KwSelf,
    // operators
    Bang,
    Minus,
    Star,
    Slash,
    Percent,
    Plus,
    Lt,
    Le,
    Gt,
    Ge,
    EqEq,
    NotEq,
    AndAnd,
    OrOr,
    Question,
    Colon,
    Arrow,
    At,
    DotDot,
    // punctuation
    Semicolon,
    Comma,
    Dot,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Assign,
};

/// One token. `text` views the token's bytes in the source (string literals keep their quotes
/// and escapes; see `string_literal_value`), so the source must outlive the token.
struct Token {
    TokenKind kind = TokenKind::End;
    std::string_view text;
    SourceRange range;
    /// Value of an `Int` token; 0 for a literal that was too large (already diagnosed).
    std::int64_t int_value = 0;
    /// True when invalid characters (already reported, E0100) were skipped just before this
    /// token: a syntax error here is their consequence and is not reported again.
    bool after_invalid = false;
};

/// How a token kind is named in "expected X" messages: the quoted spelling for keywords and
/// punctuation (`';'`, `'var'`), a word for the open classes (`identifier`, `integer`,
/// `string literal`, `end of file`).
[[nodiscard]] std::string_view describe(TokenKind kind) noexcept;

/// The keyword kind spelled by `word`, or `TokenKind::Ident` when it is no keyword.
[[nodiscard]] TokenKind keyword_kind(std::string_view word) noexcept;

} // namespace ilv
