#pragma once
/// \file
/// A counterexample told as a short story for design review: who did what, in order, what each
/// step changed, and what went wrong at the end. Steps are described by the `//` comment that
/// the model places directly above (or at the end of) the step's declaration, when the model
/// source is at hand.

#include "traces/trace.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace ilv {

/// How to tell the story.
struct StoryOptions {
    bool markdown = false;   ///< Markdown (for reports) instead of plain text
    std::string_view source; ///< the model's text, for step comments; may be empty
};

/// The comment describing the declaration at `line` of `source`: the `//` lines directly above
/// it (joined), else the trailing `//` comment on the line itself; empty when there is none.
[[nodiscard]] std::string comment_for_line(std::string_view source, std::uint32_t line);

/// The story of `trace`.
[[nodiscard]] std::string trace_story(const Trace& trace, const StoryOptions& options);

} // namespace ilv
