#pragma once
/// \file
/// Builds the lasso once `find_lasso` has found a bad component: the shortest prefix the stored
/// search gives, then a cycle inside the component that satisfies the query (a wanted edge, and
/// under weak fairness a step by, or a state disabling, every process), found by breadth-first
/// searches inside the component. Shares the pass's per-state mark array instead of allocating
/// parent maps, so building a lasso through a component of millions of states stays cheap.

#include "explorer/fair_cycles.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace ilv {

/// Values of the per-state mark array shared by the SCC pass and the lasso builder.
namespace mark {
/// Never seen.
inline constexpr std::uint32_t unvisited = 0;
/// Outside the searched subgraph (`CycleQuery::excluded` holds).
inline constexpr std::uint32_t excluded = 0xFFFFFFFF;
/// A member of the component the lasso goes through, not yet reached by the current search.
inline constexpr std::uint32_t member = 0xFFFFFFFE;
/// A state whose component is complete (SCC pass only).
inline constexpr std::uint32_t done = 0xFFFFFFFD;
/// Set on a member reached by a search inside the component, or'ed with its parent's id.
inline constexpr std::uint32_t inside_bit = 0x80000000;
} // namespace mark

/// Builds lassos over one explorer's stored states; one per found component.
class LassoBuilder {
public:
    /// Works on `marks` (one entry per stored state), which the caller stops using.
    LassoBuilder(const Explorer& explorer, const TransitionSystem& system, const CycleQuery& query,
                 std::vector<std::uint32_t>& marks);

    /// A lasso into component `members` and around a cycle inside it. With a start state, the
    /// prefix is the stored path to `start` followed by a shortest path through non-excluded
    /// states to the component; otherwise it is the stored path to the member with the lowest id.
    [[nodiscard]] Lasso through_component(const std::vector<StateId>& members, StateId start);

    /// A lasso that stops in `end` (no successor): the stored path to `start`, then a shortest
    /// path through non-excluded states to `end`; the cycle is empty.
    [[nodiscard]] Lasso to_terminal(StateId end, StateId start);

private:
    /// Goal test of a search inside the component: `at` (a state) or `edge` (action, target).
    struct Goal {
        std::function<bool(StateId)> at;
        std::function<bool(ActionId, StateId)> edge;
    };

    /// Forgets the pass's marks except `excluded`.
    void clear_marks();
    /// Appends the stored path to `start`, then a shortest non-excluded path to a state `goal`
    /// accepts; returns the last state.
    StateId approach(StateId start, const std::function<bool(StateId)>& goal, Lasso& lasso);
    /// Appends a shortest path inside the component from `from` to a goal; returns its end.
    StateId walk_inside(StateId from, const Goal& goal, Lasso& lasso);
    /// Appends the path ending at `to` whose parents are stored in the marks (`inside` marks
    /// when `inside`, else `parent + 1`), stopping at `from`.
    void append_path(StateId from, StateId to, bool inside, Lasso& lasso);
    /// The lowest action leading from `from` to `to`.
    [[nodiscard]] ActionId action_between(StateId from, StateId to);
    /// The cycle from `entry` back to `entry` (appended to `lasso`).
    void close_cycle(StateId entry, Lasso& lasso);
    /// Processes with no successor in `s`, set in `satisfied`.
    void note_disabled(StateId s, std::vector<bool>& satisfied);
    /// Expands `s` into `buffer_`, mapping successors to ids in `ids_`.
    void expand(StateId s);

    [[nodiscard]] bool is_member(StateId s) const noexcept {
        const std::uint32_t m = marks_[s];
        return m == mark::member || ((m & mark::inside_bit) != 0U && m != mark::excluded);
    }

    [[nodiscard]] bool is_excluded(StateId s);

    const Explorer& explorer_;
    const TransitionSystem& system_;
    const CycleQuery& query_;
    std::vector<std::uint32_t>& marks_;
    SuccessorBuffer buffer_;
    FailureBuffer failures_;
    std::vector<StateId> ids_; ///< ids of `buffer_`'s successors
};

} // namespace ilv
