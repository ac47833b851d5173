#pragma once
/// \file
/// Helpers for tests that load models from inline text.

#include "model/load.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace ilv::test {

/// Loads `text` as file "t.ilv"; the result keeps diagnostics and the model (null on error).
inline LoadResult load(std::string_view text, const Overrides& overrides = {}) {
    return load_model_text(std::string(text), "t.ilv", overrides);
}

/// The rendered diagnostics of loading `text` as "t.ilv".
inline std::string diagnose(std::string_view text, const Overrides& overrides = {}) {
    return load(text, overrides).rendered();
}

/// The value of the slot named `name` ("x", "a[1]", "p.@") in state `s`; fails the test when
/// the model has no such slot.
inline std::int64_t slot_value(const TransitionSystem& sys, ConstStateView s,
                               const std::string& name) {
    const auto& slots = sys.layout().slots();
    const auto it = std::find_if(slots.begin(), slots.end(),
                                 [&](const Slot& slot) { return slot.name == name; });
    REQUIRE(it != slots.end());
    return sys.layout().get(s, static_cast<SlotId>(it - slots.begin()));
}

/// One expansion of a state: its successors with the actions that produced them, in order,
/// the failed steps, and the number of enabled actions.
struct Expansion {
    std::vector<std::vector<Word>> states;
    std::vector<std::string> actions;
    FailureBuffer failures;
    std::size_t enabled = 0;

    /// The messages of the failed steps, in order.
    [[nodiscard]] std::vector<std::string> failure_messages() const {
        std::vector<std::string> out;
        for (const StepFailure& f : failures) {
            out.push_back(f.message);
        }
        return out;
    }
};

/// Expands `s` with every action of `sys`.
inline Expansion expand(const TransitionSystem& sys, ConstStateView s) {
    SuccessorBuffer buf(sys.layout().words());
    Expansion e;
    e.enabled = sys.successors(s, buf, e.failures);
    for (std::size_t i = 0; i < buf.size(); ++i) {
        e.states.emplace_back(buf.state(i).begin(), buf.state(i).end());
        e.actions.push_back(sys.actions()[buf.action(i)].name);
    }
    return e;
}

/// The initial state of a compiled model.
inline std::vector<Word> initial_state(const TransitionSystem& sys) {
    std::vector<Word> s(sys.layout().words(), 0);
    sys.initial(s);
    return s;
}

} // namespace ilv::test
