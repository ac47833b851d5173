#pragma once
/// \file
/// The front-end facade: file or text in, compiled model or diagnostics out.

#include "model/compiled_model.hpp"
#include "model/compiler.hpp"
#include "model/diagnostics.hpp"

#include <memory>
#include <string>

namespace ilv {

/// The outcome of loading one model: the compiled model (null on any error), every
/// diagnostic, and the text they refer to.
struct LoadResult {
    std::unique_ptr<CompiledModel> model;
    Diagnostics diagnostics;
    std::string path;
    std::string text;

    /// All diagnostics rendered GCC-style against `path` and `text`.
    [[nodiscard]] std::string rendered() const {
        return render_all(diagnostics, path, text);
    }
};

/// Parses, checks and compiles `text` (named `path` in diagnostics) with `-D` overrides.
[[nodiscard]] LoadResult load_model_text(std::string text, std::string path,
                                         const Overrides& overrides);

/// Reads the whole file `path` into `text`; when it cannot be read, reports E0001 (with the
/// system's reason) in `diagnostics` and returns false. Shared by every command that reads a
/// model, so that an unreadable file is reported the same way everywhere.
[[nodiscard]] bool read_model_source(const std::string& path, std::string& text,
                                     Diagnostics& diagnostics);

/// Reads `path` and loads it; an unreadable file is diagnostic E0001.
[[nodiscard]] LoadResult load_model_file(const std::string& path, const Overrides& overrides);

} // namespace ilv
