#pragma once
/// \file
/// Positions in a model file, carried by every token, AST node, action and diagnostic.

#include <cstdint>

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

/// The smallest range covering both `a` and `b` (a must start first).
[[nodiscard]] inline SourceRange join(const SourceRange& a, const SourceRange& b) {
    return SourceRange{a.begin, b.end};
}

} // namespace ilv
