#pragma once
/// \file
/// Tokens of the `.ilv` language. The lexer never throws: bad bytes, unterminated comments
/// and strings become diagnostics, and lexing goes on so every error of a file is reported.

#include "model/diagnostics.hpp"
#include "model/source_location.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ilv {

/// Token kinds: identifiers, literals, keywords and punctuation.
enum class Tok {
    End, Ident, Int, String,
    // keywords
    KwModel, KwConst, KwEnum, KwVar, KwFn, KwProcess, KwLocation, KwEnd, KwStep, KwWhen, KwIf,
    KwElse, KwFor, KwIn, KwAssert, KwInvariant, KwLiveness, KwFinitely, KwOften, KwLeadsto,
    KwForall, KwExists, KwCount, KwTrue, KwFalse, KwBool, KwSelf,
    // punctuation and operators
    Semi, Comma, Colon, Dot, DotDot, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Assign,
    Arrow, At, Not, Minus, Star, Slash, Percent, Plus, Lt, Le, Gt, Ge, EqEq, NotEq, AndAnd, OrOr,
    Question,
};

/// One token with its text (identifiers), value (integers, strings) and range.
struct Token {
    Tok kind = Tok::End;
    std::string_view text; ///< the source bytes of the token
    std::int64_t value = 0;
    std::string string_value; ///< String only, escapes resolved
    SourceRange range;
};

/// Splits `text` into tokens, ending with one `Tok::End`; reports lexical errors to `diags`.
[[nodiscard]] std::vector<Token> lex(std::string_view text, Diagnostics& diags);

/// How a token kind is shown in "expected X, found Y" messages: `';'`, `identifier`.
[[nodiscard]] std::string describe(Tok kind);

} // namespace ilv
