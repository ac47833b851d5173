#include "cli/xml_text.hpp"

namespace ilv::cli {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD

/// Length of the well-formed UTF-8 sequence at the start of `s`, or 0 when there is none.
std::size_t sequence_length(std::string_view s) {
    const auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) {
        return 1;
    }
    const std::size_t n = lead >= 0xC2 && lead <= 0xDF   ? 2
                          : lead >= 0xE0 && lead <= 0xEF ? 3
                          : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                         : 0;
    if (n == 0 || s.size() < n) {
        return 0;
    }
    for (std::size_t i = 1; i < n; ++i) {
        if ((byte(i) & 0xC0) != 0x80) {
            return 0;
        }
    }
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const unsigned char second = byte(1);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
        (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {
        return 0;
    }
    return n;
}

/// The escape of one ASCII character, or empty when it stands for itself.
std::string ascii_escape(char c, bool attribute) {
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&apos;";
    case '\t':
        return attribute ? "&#9;" : "\t";
    case '\n':
        return attribute ? "&#10;" : "\n";
    case '\r':
        return "&#13;";
    default:
        break;
    }
    const auto code = static_cast<unsigned char>(c);
    if (code < 0x20 || code == 0x7F) {
        static constexpr char hex[] = "0123456789ABCDEF";
        return std::string("\\x") + hex[code >> 4] + hex[code & 0xF];
    }
    return std::string(1, c);
}

} // namespace

std::string repair_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::size_t n = sequence_length(text);
        if (n == 0) {
            out += replacement;
            text.remove_prefix(1);
            continue;
        }
        out += text.substr(0, n);
        text.remove_prefix(n);
    }
    return out;
}

std::string xml_escape(std::string_view text, bool attribute) {
    const std::string valid = repair_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const char c = valid[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            out += ascii_escape(c, attribute);
            continue;
        }
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
        if (valid.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < valid.size() &&
            (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) {
            out += replacement;
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace ilv::cli
