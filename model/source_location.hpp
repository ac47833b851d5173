#pragma once
/// \file
/// Positions in a model file, carried by every token, AST node, action and diagnostic.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ilv {

/// A 1-based line and column; 0 means unknown.
struct SourceLoc {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    /// Byte offset into the file text, for extracting source excerpts.
    std::uint32_t offset = 0;
    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

/// A half-open range [begin, end) in one file.
struct SourceRange {
    SourceLoc begin;
    SourceLoc end;
    friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

/// True when byte `i` of `text` ends a line: a `\n`, or a `\r` not followed by one (old Mac
/// line endings; in `\r\n` the `\n` ends the line). Lines and columns count by this.
[[nodiscard]] inline bool ends_line(std::string_view text, std::size_t i) noexcept {
    return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

/// The smallest range covering both `a` and `b` (a must start first).
[[nodiscard]] inline SourceRange join(const SourceRange& a, const SourceRange& b) {
    return SourceRange{a.begin, b.end};
}

} // namespace ilv
