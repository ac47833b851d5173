#pragma once
/// \file
/// A labelled directed graph written in Graphviz DOT with Boost.Graph's `write_graphviz`.
/// This is the one translation unit that includes Boost.Graph's graphviz support.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace ilv {

/// How one node is drawn.
struct DotNode {
    std::string label;        ///< lines separated by '\n', drawn left-aligned
    bool initial = false;     ///< drawn with a double border
    bool highlighted = false; ///< on the counterexample: red and bold
    bool bad = false;         ///< violates a property: filled light red
    bool frontier = false;    ///< not expanded (the state limit stopped the search): dashed
};

/// How one edge is drawn.
struct DotEdge {
    std::size_t from = 0;     ///< index of the source node
    std::size_t to = 0;       ///< index of the target node
    std::string label;        ///< one line, the action
    bool highlighted = false; ///< a step of the counterexample: red and bold
};

/// Writes the graph as DOT to `out`, with `title` as the graph's caption.
void write_dot(std::ostream& out, const std::string& title, const std::vector<DotNode>& nodes,
               const std::vector<DotEdge>& edges);

/// `text` as the body of a quoted DOT string: quotes and backslashes escaped, and each
/// newline turned into `\l` (end of a left-aligned line).
[[nodiscard]] std::string dot_quote(const std::string& text);

} // namespace ilv
