#pragma once
/// \file
/// The browser view of a counterexample (`interleave view --html`): one self-contained HTML
/// file, with the stylesheet and script of traces/viewer/ inlined and the trace embedded as
/// JSON, that needs no network. The page draws a message-sequence chart with a lane per
/// process, follows the selected step with the whole state (changed values and array
/// elements highlighted), shows the model source with the step's line highlighted, marks a
/// lasso's cycle, and puts the property and why it fails at the top.

#include "traces/trace.hpp"
#include "traces/view_extras.hpp"

#include <string>

namespace ilv {

/// The data the page script reads, as JSON: the trace with its states as per-step changes
/// (so 10,000 steps of hundreds of variables stay small), variable groups, extras.
[[nodiscard]] std::string trace_view_json(const Trace& trace, const ViewExtras& extras);

/// The whole HTML page.
[[nodiscard]] std::string render_trace_html(const Trace& trace, const ViewExtras& extras);

} // namespace ilv
