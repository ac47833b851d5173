#pragma once
/// \file
/// `interleave export promela`: the model as Promela for SPIN 6.5, written so that SPIN's
/// "states, stored" (pan -E, -DNOREDUCE) equals our reachable-state count and SPIN reports the
/// same safety violations. The translation and its limits are documented in docs/promela.md.

#include "model/compiler.hpp"
#include "model/diagnostics.hpp"

#include <optional>
#include <string>

namespace ilv {

/// The outcome of exporting one model: the Promela text (absent on any error), every
/// diagnostic, and the model text they refer to.
struct PromelaResult {
    std::optional<std::string> promela;
    Diagnostics diagnostics;
    std::string path;
    std::string text;

    /// All diagnostics rendered GCC-style against `path` and `text`.
    [[nodiscard]] std::string rendered() const { return render_all(diagnostics, path, text); }
};

/// Parses, checks and compiles `text` (named `path` in the header and in diagnostics) with the
/// `-D` overrides applied, then translates it. A construct that Promela cannot express is
/// reported as E0701 at the construct.
[[nodiscard]] PromelaResult export_promela_text(std::string text, std::string path,
                                                const Overrides& overrides);

/// Reads `path` and exports it; an unreadable file is diagnostic E0001.
[[nodiscard]] PromelaResult export_promela_file(const std::string& path,
                                                const Overrides& overrides);

} // namespace ilv
