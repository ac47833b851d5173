#pragma once
/// \file
/// The events a search reports (DIVINE's Listener). Properties implement `Observer`; each
/// callback steers the search through its `Next` answer.

#include "model/ids.hpp"
#include "model/state.hpp"
#include "model/transition_system.hpp"

#include <cstdint>

namespace ilv {

/// What the search does after a callback.
enum class Next {
    Continue, ///< go on normally
    Prune,    ///< do not expand this state (from `on_state`) / drop its successors (`on_failure`)
    Stop,     ///< end the search now with `Outcome::Stopped`
};

/// Receives search events. Every callback defaults to "nothing to say", so an observer
/// overrides only what it checks. Views passed in are valid only during the call.
class Observer {
public:
    /// A do-nothing observer (plain exploration).
    Observer() = default;
    virtual ~Observer() = default;
    Observer(const Observer&) = delete;
    Observer& operator=(const Observer&) = delete;
    Observer(Observer&&) = delete;
    Observer& operator=(Observer&&) = delete;

    /// Called once per newly stored state (the initial state included, at depth 0), when it is
    /// discovered and before it is expanded. Prune keeps the state but never expands it.
    virtual Next on_state(StateId /*id*/, ConstStateView /*s*/, std::uint32_t /*depth*/) {
        return Next::Continue;
    }

    /// Called instead of `on_state` for a newly stored state other than the initial one: `id`
    /// was reached by action `via` from a state already reported, which lets a property skip
    /// what `via` cannot have changed. Defaults to `on_state`.
    virtual Next on_successor(StateId id, ConstStateView s, std::uint32_t depth, ActionId /*via*/) {
        return on_state(id, s, depth);
    }

    /// An enabled action failed (assert or runtime error) while expanding `from`, which lies
    /// at `depth`. Prune drops the successors of `from` that were not stored yet.
    virtual Next on_failure(StateId /*from*/, const StepFailure& /*f*/, std::uint32_t /*depth*/) {
        return Next::Continue;
    }

    /// `id` has no enabled action and the system says it is not a valid end.
    virtual Next on_deadlock(StateId /*id*/, ConstStateView /*s*/, std::uint32_t /*depth*/) {
        return Next::Continue;
    }

    /// Every generated transition, duplicates included; only called when
    /// `SearchOptions::report_edges` is set. `is_new` tells whether `to` was just stored.
    virtual void on_edge(StateId /*from*/, ActionId /*a*/, StateId /*to*/, bool /*is_new*/) {}
};

} // namespace ilv
