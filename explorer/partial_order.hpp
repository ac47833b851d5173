#pragma once
/// \file
/// Partial-order reduction (`check --por`, docs/por.md): static tables that say which actions
/// may form an ample set, and the per-state choice of that set. An ample set is every enabled
/// action of one process at its current location (a "site"). A site qualifies statically when
/// each of its actions, enabled or not, is independent of every action of every other process
/// (C1: neither writes what the other reads or writes, guards and locations included) and
/// writes no slot a checked property observes (C2). Per state, a site also needs no failing
/// action (the reduced graph must not lose the other processes' steps behind a failure) and no
/// successor already stored at an id not above the state's own (C3: every cycle of the reduced
/// graph then passes through a fully expanded state). Without a qualifying site the state is
/// expanded fully.

#include "model/transition_system.hpp"
#include "model/var_set.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace ilv {

/// Which actions may form ample sets, computed once per model and property selection.
/// `choose` keeps scratch space: one search thread at a time may call it.
class PartialOrder {
public:
    /// Marker for "no qualifying site": the action never joins an ample set.
    static constexpr std::uint32_t no_site = UINT32_MAX;

    /// Tables for `system` when the checked properties read the slots in `visible`. Actions
    /// without a location (`ActionInfo::from_location < 0`) never join an ample set.
    PartialOrder(const TransitionSystem& system, const VarSet& visible);

    /// The qualifying site of action `a`, or `no_site`; actions of one site share the number.
    [[nodiscard]] std::uint32_t site(ActionId a) const noexcept { return site_[a]; }

    /// Number of qualifying sites (0: the reduction can never apply to this model).
    [[nodiscard]] std::size_t qualifying_sites() const noexcept { return qualifying_; }

    /// The site whose actions form the ample set of a state, given its full expansion: its
    /// successors `successors[begin, end)` and failed steps `failures`; `no_site` to expand it
    /// fully. `revisits(i)` must say whether successor `i` is already stored at an id not above
    /// the expanded state's own (the cycle proviso); it is asked only for candidate successors.
    template <class Revisits>
    [[nodiscard]] std::uint32_t choose(const SuccessorBuffer& successors, std::size_t begin,
                                       std::size_t end, std::span<const StepFailure> failures,
                                       Revisits&& revisits) const {
        rejected_.clear();
        for (std::size_t i = begin; i < end; ++i) {
            const std::uint32_t s = site_[successors.action(i)];
            if (s == no_site || is_rejected(s)) {
                continue;
            }
            if (!fails(s, failures) && !any_revisit(s, successors, i, end, revisits)) {
                return s;
            }
            rejected_.push_back(s);
        }
        return no_site;
    }

private:
    /// True when `s` was tried and refused for the current state.
    [[nodiscard]] bool is_rejected(std::uint32_t s) const noexcept;
    /// True when one of `failures` belongs to site `s`.
    [[nodiscard]] bool fails(std::uint32_t s, std::span<const StepFailure> failures) const noexcept;

    /// True when a successor of site `s` in [first, end) revisits (C3).
    template <class Revisits>
    bool any_revisit(std::uint32_t s, const SuccessorBuffer& successors, std::size_t first,
                     std::size_t end, Revisits& revisits) const {
        for (std::size_t j = first; j < end; ++j) {
            if (site_[successors.action(j)] == s && revisits(j)) {
                return true;
            }
        }
        return false;
    }

    std::vector<std::uint32_t> site_; ///< by ActionId
    std::size_t qualifying_ = 0;
    mutable std::vector<std::uint32_t> rejected_; ///< scratch of `choose`
};

} // namespace ilv
