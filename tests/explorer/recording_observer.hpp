#pragma once
/// \file
/// Test observer that records every search event and can answer Stop or Prune on cue.

#include "explorer/search.hpp"
#include "tests/support/explicit_graph.hpp"

#include <functional>
#include <tuple>
#include <vector>

namespace ilv::test {

/// Records events; the `*_answer` hooks decide the `Next` for each callback.
class RecordingObserver : public Observer {
public:
    /// A discovered state: id, the first slot's value (the node of an explicit graph), depth.
    struct Seen {
        StateId id;
        std::int64_t node;
        std::uint32_t depth;
    };

    /// A reported failure.
    struct Failed {
        StateId from;
        ActionId action;
        std::uint32_t depth;
    };

    /// A reported edge.
    using EdgeEvent = std::tuple<StateId, ActionId, StateId, bool>;

    /// Records states of `layout` (its slot 0 is shown as the node).
    explicit RecordingObserver(const StateLayout& layout) : layout_(layout) {}

    Next on_state(StateId id, ConstStateView s, std::uint32_t depth) override {
        states.push_back({id, layout_.get(s, 0), depth});
        return state_answer ? state_answer(states.back()) : Next::Continue;
    }

    Next on_failure(StateId from, const StepFailure& f, std::uint32_t depth) override {
        failures.push_back({from, f.action, depth});
        return failure_answer;
    }

    Next on_deadlock(StateId id, ConstStateView s, std::uint32_t depth) override {
        deadlocks.push_back({id, layout_.get(s, 0), depth});
        return deadlock_answer;
    }

    void on_edge(StateId from, ActionId a, StateId to, bool is_new) override {
        edges.emplace_back(from, a, to, is_new);
    }

    /// Nodes of the discovered states, in discovery order.
    [[nodiscard]] std::vector<std::int64_t> nodes() const {
        std::vector<std::int64_t> out;
        for (const Seen& s : states) {
            out.push_back(s.node);
        }
        return out;
    }

    /// Depths of the discovered states, in discovery order.
    [[nodiscard]] std::vector<std::uint32_t> depths() const {
        std::vector<std::uint32_t> out;
        for (const Seen& s : states) {
            out.push_back(s.depth);
        }
        return out;
    }

    /// The id under which `node` was stored (no_state if never).
    [[nodiscard]] StateId id_of(std::int64_t node) const {
        for (const Seen& s : states) {
            if (s.node == node) {
                return s.id;
            }
        }
        return no_state;
    }

    std::vector<Seen> states;
    std::vector<Failed> failures;
    std::vector<Seen> deadlocks;
    std::vector<EdgeEvent> edges;
    std::function<Next(const Seen&)> state_answer;
    Next failure_answer = Next::Continue;
    Next deadlock_answer = Next::Continue;

private:
    const StateLayout& layout_;
};

/// Runs a search of `system` with `options` and the given observer.
inline SearchResult explore(const TransitionSystem& system, Observer& observer,
                            SearchOptions options = {}) {
    Explorer explorer(system, std::move(options));
    return explorer.run(observer);
}

} // namespace ilv::test
