#include "traces/text_canvas.hpp"

namespace ilv::text {

namespace {

/// True for the bytes that continue a UTF-8 sequence.
bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

/// Byte length of the first `chars` characters of `text` (all of it when shorter).
std::size_t prefix_bytes(std::string_view text, std::size_t chars) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < text.size(); ++i) {
        if (!is_continuation(text[i])) {
            if (seen == chars) {
                break;
            }
            ++seen;
        }
    }
    return i;
}

} // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) {
        width += is_continuation(c) ? std::size_t{0} : std::size_t{1};
    }
    return width;
}

std::string fit(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    if (width == 0) {
        return "";
    }
    return std::string(text.substr(0, prefix_bytes(text, width - 1))) + "…";
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    const std::size_t w = width == 0 ? 1 : width;
    while (display_width(text) > w) {
        std::size_t cut = prefix_bytes(text, w);
        const std::size_t space = text.rfind(' ', cut);
        if (space != std::string_view::npos && space > 0 &&
            display_width(text.substr(0, space)) * 3 >= w * 2) {
            cut = space;
        }
        lines.emplace_back(text.substr(0, cut));
        text.remove_prefix(cut);
        while (!text.empty() && text.front() == ' ') {
            text.remove_prefix(1);
        }
    }
    lines.emplace_back(text);
    return lines;
}

StyledLine& StyledLine::add(std::string_view piece, Sgr sgr) {
    pieces_.push_back(Piece{std::string(piece), std::string(sgr)});
    width_ += display_width(piece);
    return *this;
}

StyledLine& StyledLine::append(const StyledLine& other) {
    pieces_.insert(pieces_.end(), other.pieces_.begin(), other.pieces_.end());
    width_ += other.width_;
    return *this;
}

StyledLine& StyledLine::pad_to(std::size_t column) {
    if (width_ < column) {
        add(std::string(column - width_, ' '));
    }
    return *this;
}

std::string StyledLine::render(bool color) const {
    std::string out;
    for (const Piece& p : pieces_) {
        if (color && !p.sgr.empty()) {
            out += "\x1b[" + p.sgr + "m" + p.text + "\x1b[0m";
        } else {
            out += p.text;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

} // namespace ilv::text
