#pragma once
/// \file
/// What the views show beyond the trace when its model is at hand: the model source (each
/// step links to its line) and, for a failed invariant, the value of each of its
/// sub-expressions in the final state. When the model is missing, fails to compile or changed
/// since the trace was written, the views work from the trace alone and say why.

#include "traces/trace.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ilv {

/// One sub-expression of the violated invariant and its value in the final state.
struct ExplainedPart {
    std::string expression;  ///< as written, whitespace runs collapsed to one space
    std::string binding;     ///< quantifier variables fixed for it, "k = 1"; empty at the top
    std::string value;       ///< "false", "2", "BUSY", or "error: <message>"
    std::uint32_t depth = 0; ///< 0 for the whole invariant
};

/// The model-dependent part of a view.
struct ViewExtras {
    std::string model_text;         ///< the model source; empty when unusable
    std::vector<std::string> notes; ///< one line per reason the views show less
    /// The whole invariant, then the parts that decide its value, depth first: operands
    /// that are not constants, and of a quantifier the instances that decide it (the false
    /// ones of a `forall`, the true ones of `exists` and `count`).
    std::vector<ExplainedPart> explanation;
    std::size_t parts_left_out = 0; ///< parts beyond the display limit
};

/// At most this many explanation lines are kept.
inline constexpr std::size_t max_explained_parts = 24;

/// Reads the model at `model_path` (the trace's `model.path` when empty) with the trace's
/// `-D` values and computes the extras. Never fails: problems become notes.
[[nodiscard]] ViewExtras load_view_extras(const Trace& trace, const std::string& model_path);

/// The extras from model text already read (`path` only names it in notes).
[[nodiscard]] ViewExtras view_extras_from_text(const Trace& trace, std::string text,
                                               const std::string& path);

} // namespace ilv
