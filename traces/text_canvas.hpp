#pragma once
/// \file
/// Terminal text with optional colour: lines built from styled pieces whose width is counted
/// in characters (UTF-8 code points), so columns line up with or without escape codes, and
/// helpers that shorten or wrap text to a width instead of letting the terminal garble it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ilv::text {

/// Select Graphic Rendition parameters of ANSI colour codes ("1;31" bold red); empty: plain.
using Sgr = std::string_view;

/// Display width of UTF-8 text: its code points (every character the views print is one
/// column wide).
[[nodiscard]] std::size_t display_width(std::string_view text);

/// `text` if it fits `width`, else its beginning and "…", exactly `width` wide.
[[nodiscard]] std::string fit(std::string_view text, std::size_t width);

/// `text` cut into lines of at most `width` characters, breaking after a space when one is
/// near the end of the line, else inside a word. Never returns an empty list.
[[nodiscard]] std::vector<std::string> wrap(std::string_view text, std::size_t width);

/// One line of styled pieces.
class StyledLine {
public:
    /// Appends `piece` in style `sgr`.
    StyledLine& add(std::string_view piece, Sgr sgr = {});
    /// Appends every piece of `other`.
    StyledLine& append(const StyledLine& other);
    /// Appends spaces up to `column` (nothing when the line is already that wide).
    StyledLine& pad_to(std::size_t column);

    /// Width so far, in characters.
    [[nodiscard]] std::size_t width() const noexcept { return width_; }

    /// The line without trailing spaces, with escape codes when `color` is set.
    [[nodiscard]] std::string render(bool color) const;

private:
    struct Piece {
        std::string text;
        std::string sgr;
    };

    std::vector<Piece> pieces_;
    std::size_t width_ = 0;
};

} // namespace ilv::text
