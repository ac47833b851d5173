#pragma once
/// \file
/// The terminal view of a counterexample (`interleave view`): a header saying what fails,
/// the initial state, then one row per step in swimlanes (a column per process) with the
/// step's source line and, beneath it, only what the step changed (old → new); a lasso's
/// cycle is bracketed; at the end the violated property with the values of its
/// sub-expressions in the final state. Every line fits the given width.

#include "traces/trace.hpp"
#include "traces/view_extras.hpp"

#include <cstddef>
#include <string>

namespace ilv {

/// How the terminal view is drawn.
struct TextViewOptions {
    std::size_t width = 100; ///< columns; below 40 is treated as 40
    bool color = false;      ///< ANSI colours (only for a terminal that shows them)
};

/// The whole view, one `\n`-terminated line per row, none wider than `options.width`.
[[nodiscard]] std::string render_trace_text(const Trace& trace, const ViewExtras& extras,
                                            const TextViewOptions& options);

} // namespace ilv
