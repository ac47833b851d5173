#pragma once
/// \file
/// Helpers for tests that load models from inline text.

#include "model/load.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace ilv::test {

/// Loads `text` as file "t.ilv"; the result keeps diagnostics and the model (null on error).
inline LoadResult load(std::string_view text, const Overrides& overrides = {}) {
    return load_model_text(std::string(text), "t.ilv", overrides);
}

/// The rendered diagnostics of loading `text` as "t.ilv".
inline std::string diagnose(std::string_view text, const Overrides& overrides = {}) {
    return load(text, overrides).rendered();
}

/// The initial state of a compiled model.
inline std::vector<Word> initial_state(const TransitionSystem& sys) {
    std::vector<Word> s(sys.layout().words(), 0);
    sys.initial(s);
    return s;
}

} // namespace ilv::test
