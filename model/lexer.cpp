#include "model/lexer.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace ilv {

namespace {

constexpr std::int64_t max_literal = (std::int64_t{1} << 62) - 1;

struct Keyword {
    std::string_view text;
    Tok kind;
};

constexpr std::array keywords{
    Keyword{"model", Tok::KwModel},         Keyword{"const", Tok::KwConst},
    Keyword{"enum", Tok::KwEnum},           Keyword{"var", Tok::KwVar},
    Keyword{"fn", Tok::KwFn},               Keyword{"process", Tok::KwProcess},
    Keyword{"location", Tok::KwLocation},   Keyword{"end", Tok::KwEnd},
    Keyword{"step", Tok::KwStep},           Keyword{"when", Tok::KwWhen},
    Keyword{"if", Tok::KwIf},               Keyword{"else", Tok::KwElse},
    Keyword{"for", Tok::KwFor},             Keyword{"in", Tok::KwIn},
    Keyword{"assert", Tok::KwAssert},       Keyword{"invariant", Tok::KwInvariant},
    Keyword{"liveness", Tok::KwLiveness},   Keyword{"finitely", Tok::KwFinitely},
    Keyword{"often", Tok::KwOften},         Keyword{"leadsto", Tok::KwLeadsto},
    Keyword{"forall", Tok::KwForall},       Keyword{"exists", Tok::KwExists},
    Keyword{"count", Tok::KwCount},         Keyword{"true", Tok::KwTrue},
    Keyword{"false", Tok::KwFalse},         Keyword{"bool", Tok::KwBool},
    Keyword{"self", Tok::KwSelf},
};

struct Punct {
    std::string_view text;
    Tok kind;
};

// Longest first, so that `..` wins over `.` and `->` over `-`.
constexpr std::array puncts{
    Punct{"..", Tok::DotDot}, Punct{"->", Tok::Arrow},  Punct{"<=", Tok::Le},
    Punct{">=", Tok::Ge},     Punct{"==", Tok::EqEq},   Punct{"!=", Tok::NotEq},
    Punct{"&&", Tok::AndAnd}, Punct{"||", Tok::OrOr},   Punct{";", Tok::Semi},
    Punct{",", Tok::Comma},   Punct{":", Tok::Colon},   Punct{".", Tok::Dot},
    Punct{"(", Tok::LParen},  Punct{")", Tok::RParen},  Punct{"[", Tok::LBracket},
    Punct{"]", Tok::RBracket}, Punct{"{", Tok::LBrace}, Punct{"}", Tok::RBrace},
    Punct{"=", Tok::Assign},  Punct{"@", Tok::At},      Punct{"!", Tok::Not},
    Punct{"-", Tok::Minus},   Punct{"*", Tok::Star},    Punct{"/", Tok::Slash},
    Punct{"%", Tok::Percent}, Punct{"+", Tok::Plus},    Punct{"<", Tok::Lt},
    Punct{">", Tok::Gt},      Punct{"?", Tok::Question},
};

bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

/// Walks the text keeping line and column up to date.
class Lexer {
public:
    Lexer(std::string_view text, Diagnostics& diags) : text_(text), diags_(diags) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        while (true) {
            skip_space_and_comments();
            if (pos_ >= text_.size() || diags_.saturated()) {
                Token end;
                end.range = {here(), here()};
                out.push_back(end);
                return out;
            }
            if (Token t; next(t)) {
                out.push_back(std::move(t));
            }
        }
    }

private:
    SourceLoc here() const {
        return SourceLoc{line_, static_cast<std::uint32_t>(pos_ - line_start_ + 1),
                         static_cast<std::uint32_t>(pos_)};
    }

    void advance() {
        if (text_[pos_] == '\n') {
            ++line_;
            line_start_ = pos_ + 1;
        }
        ++pos_;
    }

    void skip_space_and_comments() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
                advance();
            } else if (text_.substr(pos_, 2) == "//") {
                while (pos_ < text_.size() && text_[pos_] != '\n') {
                    advance();
                }
            } else if (text_.substr(pos_, 2) == "/*") {
                skip_block_comment();
            } else {
                return;
            }
        }
    }

    void skip_block_comment() {
        const SourceLoc start = here();
        advance();
        advance();
        while (pos_ < text_.size() && text_.substr(pos_, 2) != "*/") {
            advance();
        }
        if (pos_ >= text_.size()) {
            SourceLoc end = start;
            end.column += 2;
            diags_.error({start, end}, code::unterminated_comment, "unterminated comment");
            return;
        }
        advance();
        advance();
    }

    bool next(Token& t) {
        const SourceLoc start = here();
        const char c = text_[pos_];
        if (is_ident_start(c)) {
            lex_word(t);
        } else if (is_digit(c)) {
            lex_number(t);
        } else if (c == '"') {
            if (!lex_string(t)) {
                return false;
            }
        } else if (!lex_punct(t)) {
            bad_bytes();
            return false;
        }
        t.range = {start, here()};
        t.text = text_.substr(start.offset, pos_ - start.offset);
        return true;
    }

    void lex_word(Token& t) {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_ident_char(text_[pos_])) {
            advance();
        }
        const std::string_view word = text_.substr(start, pos_ - start);
        t.kind = Tok::Ident;
        for (const Keyword& k : keywords) {
            if (k.text == word) {
                t.kind = k.kind;
            }
        }
    }

    void lex_number(Token& t) {
        const SourceLoc start = here();
        std::int64_t value = 0;
        bool too_large = false;
        while (pos_ < text_.size() && is_digit(text_[pos_])) {
            const int digit = text_[pos_] - '0';
            if (value > (max_literal - digit) / 10) {
                too_large = true;
            } else {
                value = value * 10 + digit;
            }
            advance();
        }
        if (too_large) {
            diags_.error({start, here()}, code::integer_too_large,
                         "integer literal too large (the limit is 2^62-1)");
        }
        t.kind = Tok::Int;
        t.value = value;
    }

    bool lex_string(Token& t) {
        const SourceLoc start = here();
        advance();
        std::string value;
        while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size() &&
                (text_[pos_ + 1] == '"' || text_[pos_ + 1] == '\\')) {
                advance();
            }
            value.push_back(text_[pos_]);
            advance();
        }
        if (pos_ >= text_.size() || text_[pos_] != '"') {
            diags_.error({start, here()}, code::unterminated_string, "unterminated string literal");
            return false;
        }
        advance();
        t.kind = Tok::String;
        t.string_value = std::move(value);
        return true;
    }

    bool lex_punct(Token& t) {
        for (const Punct& p : puncts) {
            if (text_.substr(pos_, p.text.size()) == p.text) {
                for (std::size_t k = 0; k < p.text.size(); ++k) {
                    advance();
                }
                t.kind = p.kind;
                return true;
            }
        }
        return false;
    }

    /// Reports a run of bytes that start no token as one error.
    void bad_bytes() {
        const SourceLoc start = here();
        const auto first = static_cast<unsigned char>(text_[pos_]);
        std::string message;
        if (first >= 0x21 && first < 0x7f) {
            message = std::string("invalid character '") + static_cast<char>(first) + "'";
        } else {
            char buf[32];
            std::snprintf(buf, sizeof buf, "invalid byte 0x%02X", static_cast<unsigned>(first));
            message = buf;
        }
        do {
            advance();
        } while (pos_ < text_.size() && !starts_token());
        diags_.error({start, here()}, code::invalid_character, std::move(message));
    }

    bool starts_token() const {
        const char c = text_[pos_];
        if (is_ident_char(c) || c == '"' || c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            return true;
        }
        for (const Punct& p : puncts) {
            if (p.text[0] == c) {
                return true;
            }
        }
        return false;
    }

    std::string_view text_;
    Diagnostics& diags_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_ = 1;
};

} // namespace

std::vector<Token> lex(std::string_view text, Diagnostics& diags) {
    return Lexer(text, diags).run();
}

std::string describe(Tok kind) {
    switch (kind) {
    case Tok::End:
        return "end of file";
    case Tok::Ident:
        return "identifier";
    case Tok::Int:
        return "integer";
    case Tok::String:
        return "string";
    default:
        break;
    }
    for (const Keyword& k : keywords) {
        if (k.kind == kind) {
            return "'" + std::string(k.text) + "'";
        }
    }
    for (const Punct& p : puncts) {
        if (p.kind == kind) {
            return "'" + std::string(p.text) + "'";
        }
    }
    return "token";
}

} // namespace ilv
