#include "model/lexer.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace ilv {

namespace {

constexpr std::size_t max_text = std::numeric_limits<std::uint32_t>::max();

bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

bool is_word_start(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_word_char(char c) noexcept {
    return is_word_start(c) || is_digit(c);
}

/// Bytes that are a token on their own (`&` and `|` only count doubled), and their kinds.
constexpr std::string_view singles = "!-*/%+<>=?:@.;,()[]{}";
constexpr std::array<TokenKind, 21> single_kinds{
    TokenKind::Bang,    TokenKind::Minus,     TokenKind::Star,     TokenKind::Slash,
    TokenKind::Percent, TokenKind::Plus,      TokenKind::Lt,       TokenKind::Gt,
    TokenKind::Assign,  TokenKind::Question,  TokenKind::Colon,    TokenKind::At,
    TokenKind::Dot,     TokenKind::Semicolon, TokenKind::Comma,    TokenKind::LParen,
    TokenKind::RParen,  TokenKind::LBracket,  TokenKind::RBracket, TokenKind::LBrace,
    TokenKind::RBrace};

bool is_operator_start(char c) noexcept {
    return singles.find(c) != std::string_view::npos;
}

/// "invalid character 'X'" for printable ASCII, else "invalid byte 0xNN".
std::string bad_byte_message(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f) {
        return std::string("invalid character '") + c + "'";
    }
    constexpr std::string_view hex = "0123456789ABCDEF";
    return std::string("invalid byte 0x") + hex[u >> 4U] + hex[u & 0xFU];
}

/// Two-byte operators, checked before their one-byte prefixes.
struct Pair {
    char first;
    char second;
    TokenKind kind;
};

constexpr std::array<Pair, 8> pairs{{
    {'!', '=', TokenKind::NotEq},
    {'-', '>', TokenKind::Arrow},
    {'<', '=', TokenKind::Le},
    {'>', '=', TokenKind::Ge},
    {'=', '=', TokenKind::EqEq},
    {'&', '&', TokenKind::AndAnd},
    {'|', '|', TokenKind::OrOr},
    {'.', '.', TokenKind::DotDot},
}};

} // namespace

Lexer::Lexer(std::string_view text, Diagnostics& diags)
    : text_(text.substr(0, std::min(text.size(), max_text))),
      diags_(diags) {
    if (text.size() > max_text) {
        diags_.error({}, code::cannot_read, "file too large (4 GiB or more); read only its start");
    }
}

char Lexer::peek(std::size_t ahead) const noexcept {
    const std::size_t at = pos_ + ahead;
    return at < text_.size() ? text_[at] : '\0';
}

SourceLoc Lexer::here() const noexcept {
    return SourceLoc{line_, static_cast<std::uint32_t>(pos_ - line_start_ + 1),
                     static_cast<std::uint32_t>(pos_)};
}

void Lexer::advance(std::size_t n) noexcept {
    const std::size_t end = std::min(pos_ + n, text_.size());
    for (std::size_t i = pos_; i < end; ++i) {
        if (ends_line(text_, i)) {
            ++line_;
            line_start_ = i + 1;
        }
    }
    pos_ = end;
}

Token Lexer::make(TokenKind kind, SourceLoc begin) const noexcept {
    return Token{kind, text_.substr(begin.offset, pos_ - begin.offset), {begin, here()}, 0};
}

Token Lexer::next() {
    skipped_invalid_ = false;
    skip_trivia();
    Token t = next_after_trivia();
    t.after_invalid = skipped_invalid_;
    return t;
}

Token Lexer::next_after_trivia() {
    if (pos_ >= text_.size()) {
        return make(TokenKind::End, here());
    }
    const char c = peek();
    if (is_word_start(c)) {
        return lex_word();
    }
    if (is_digit(c)) {
        return lex_number();
    }
    if (c == '"') {
        return lex_string();
    }
    return lex_operator();
}

void Lexer::skip_trivia() {
    while (pos_ < text_.size()) {
        const char c = peek();
        if (is_space(c)) {
            advance();
        } else if (c == '/' && peek(1) == '/') {
            pos_ = std::min(text_.find_first_of("\r\n", pos_), text_.size()); // the newline stays
        } else if (c == '/' && peek(1) == '*') {
            skip_block_comment();
        } else if (is_bad_at(pos_)) {
            report_bad_run();
            if (diags_.saturated()) {
                advance(text_.size() - pos_); // the parser stops at saturation: skip the rest
            }
        } else {
            return;
        }
    }
}

void Lexer::skip_block_comment() {
    const SourceLoc begin = here();
    const std::size_t close = text_.find("*/", pos_ + 2);
    if (close == std::string_view::npos) {
        advance(2);
        diags_.error({begin, here()}, code::unterminated_comment, "unterminated comment");
        advance(text_.size() - pos_);
        return;
    }
    advance(close + 2 - pos_);
}

bool Lexer::is_bad_at(std::size_t pos) const noexcept {
    const char c = text_[pos];
    const char after = pos + 1 < text_.size() ? text_[pos + 1] : '\0';
    if (c == '&' || c == '|') {
        return after != c;
    }
    return !(is_space(c) || is_word_start(c) || is_digit(c) || c == '"' || is_operator_start(c));
}

void Lexer::report_bad_run() {
    const SourceLoc begin = here();
    const char first = peek();
    while (pos_ < text_.size() && is_bad_at(pos_)) {
        advance();
    }
    diags_.error({begin, here()}, code::invalid_character, bad_byte_message(first));
    skipped_invalid_ = true;
}

Token Lexer::lex_word() {
    const SourceLoc begin = here();
    while (pos_ < text_.size() && is_word_char(text_[pos_])) {
        ++pos_; // words hold no newline
    }
    Token t = make(TokenKind::Ident, begin);
    t.kind = keyword_kind(t.text);
    return t;
}

Token Lexer::lex_number() {
    const SourceLoc begin = here();
    std::int64_t value = 0;
    bool too_large = false;
    while (is_digit(peek())) {
        const std::int64_t digit = peek() - '0';
        if (value > (max_int_literal - digit) / 10) {
            too_large = true;
        } else {
            value = value * 10 + digit;
        }
        advance();
    }
    Token t = make(TokenKind::Int, begin);
    if (too_large) {
        diags_.error(t.range, code::integer_too_large,
                     "integer literal too large (the limit is 2^62-1)");
    } else {
        t.int_value = value;
    }
    return t;
}

Token Lexer::lex_string() {
    const SourceLoc begin = here();
    advance();
    while (pos_ < text_.size() && !ends_line(text_, pos_) && peek() != '"') {
        advance(peek() == '\\' && (peek(1) == '"' || peek(1) == '\\') ? 2 : 1);
    }
    if (peek() == '"') {
        advance();
        return make(TokenKind::String, begin);
    }
    Token t = make(TokenKind::String, begin);
    diags_.error(t.range, code::unterminated_string, "unterminated string literal");
    return t;
}

Token Lexer::lex_operator() {
    const SourceLoc begin = here();
    const char c = peek();
    for (const Pair& p : pairs) {
        if (c == p.first && peek(1) == p.second) {
            advance(2);
            return make(p.kind, begin);
        }
    }
    const std::size_t index = singles.find(c);
    advance();
    return make(single_kinds.at(index), begin);
}

std::string string_literal_value(std::string_view token_text) {
    std::string out;
    for (std::size_t i = 1; i < token_text.size(); ++i) {
        const char c = token_text[i];
        if (c == '"') {
            break;
        }
        if (c == '\\' && i + 1 < token_text.size() &&
            (token_text[i + 1] == '"' || token_text[i + 1] == '\\')) {
            ++i;
        }
        out.push_back(token_text[i]);
    }
    return out;
}

} // namespace ilv
