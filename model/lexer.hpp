#pragma once
/// \file
/// Splits `.ilv` text into tokens on demand. Lexical errors (bad bytes, unterminated comments
/// and strings, oversized integers) go to the diagnostics sink and are skipped or repaired, so
/// the parser always sees a well-formed token stream ending in `TokenKind::End`.

#include "model/diagnostics.hpp"
#include "model/token.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ilv {

/// Largest integer literal accepted (2^62 - 1), leaving headroom for constant folding.
inline constexpr std::int64_t max_int_literal = (std::int64_t{1} << 62) - 1;

/// Streaming lexer over one file, reporting lexical errors into a `Diagnostics` sink. The text
/// and the sink must outlive it and every token it returns. A text of 4 GiB or more is cut at
/// the largest offset a `SourceLoc` can hold, with an E0001 error saying so.
class Lexer {
public:
    /// Starts at the beginning of `text`, reporting lexical errors to `diags`.
    Lexer(std::string_view text, Diagnostics& diags);

    /// The next token; after the input is exhausted, an `End` token at the end, every time.
    Token next();

private:
    /// `next` once the trivia before the token is skipped.
    Token next_after_trivia();
    void skip_trivia();
    void skip_block_comment();
    Token lex_word();
    Token lex_number();
    Token lex_string();
    Token lex_operator();
    void report_bad_run();
    [[nodiscard]] bool is_bad_at(std::size_t pos) const noexcept;
    [[nodiscard]] char peek(std::size_t ahead = 0) const noexcept;
    [[nodiscard]] SourceLoc here() const noexcept;
    void advance(std::size_t n = 1) noexcept;
    Token make(TokenKind kind, SourceLoc begin) const noexcept;

    std::string_view text_;
    Diagnostics& diags_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::size_t line_start_ = 0;
    bool skipped_invalid_ = false; ///< invalid characters were skipped before the next token
};

/// The characters a `String` token stands for: its text without the quotes, with `\"` and
/// `\\` unescaped (a backslash before any other character stands for itself).
[[nodiscard]] std::string string_literal_value(std::string_view token_text);

} // namespace ilv
