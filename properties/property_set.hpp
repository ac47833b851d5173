#pragma once
/// \file
/// The safety properties of one compiled model and their verdicts during a search: invariants,
/// asserts, runtime errors and deadlock. The search reports events; this decides (DIVINE's
/// listener idea), keeping the first (shortest, under BFS) violation of each property.

#include "model/compiled_model.hpp"
#include "properties/property.hpp"

#include <string>
#include <vector>

namespace ilv {

/// Which properties a run checks.
struct PropertySelection {
    std::vector<std::string> only; ///< empty: all; else only these names (--property)
    bool deadlock = true;          ///< false with --no-deadlock
};

/// Verdict bookkeeping for one run over a `CompiledModel`.
class PropertySet {
public:
    /// The properties of `model`, in report order: invariants, asserts, runtime_error,
    /// deadlock, then liveness. Unknown names in `selection.only` are returned by `unknown()`.
    PropertySet(const CompiledModel& model, const PropertySelection& selection);

    /// Evaluates the undecided invariants on a newly reached state; true when one was violated.
    bool check_state(StateId id, ConstStateView s, std::uint32_t depth);
    /// `check_state` for a state reached by action `via` from a state already checked: an
    /// undecided invariant held there, so only those that read a slot `via` writes are
    /// evaluated again.
    bool check_successor(StateId id, ConstStateView s, std::uint32_t depth, ActionId via);
    /// Records a failed step found while expanding `from`; true when it decided a property.
    bool record_failure(StateId from, const StepFailure& f, std::uint32_t depth);
    /// Records a deadlock state; true when it decided the deadlock property.
    bool record_deadlock(StateId id, std::uint32_t depth);

    /// True when every selected property that this search can decide is violated already.
    /// A selected liveness property is decided only after the search, so it keeps this false.
    [[nodiscard]] bool nothing_left() const noexcept;
    /// Indices into `model.liveness()` of the selected liveness properties still undecided.
    [[nodiscard]] std::vector<std::size_t> open_liveness() const;
    /// Records the verdict on liveness property `k` (index into `model.liveness()`): `Holds`,
    /// `Incomplete`, or `Violated` with its lasso.
    void record_liveness(std::size_t k, Verdict verdict, std::optional<Violation> violation);

    /// True when at least one selected property is violated.
    [[nodiscard]] bool any_violated() const noexcept { return violated_ > 0; }

    /// Turns undecided safety verdicts into `Holds` (complete search) or `Incomplete`; an
    /// undecided liveness verdict stays `Incomplete` (only `record_liveness` says `Holds`).
    void finish(bool complete);

    /// Every property with its verdict, in report order.
    [[nodiscard]] const std::vector<PropertyStatus>& statuses() const noexcept { return all_; }

    /// Names given in the selection that name no property.
    [[nodiscard]] const std::vector<std::string>& unknown() const noexcept { return unknown_; }

private:
    void add(std::string name, PropertyKind kind, SourceRange where, const PropertySelection& sel);
    bool violate(std::size_t index, Violation v);
    /// Evaluates open invariant number `k` (of `open_invariants_`); false when it was violated
    /// and removed from the open list.
    bool holds(std::size_t k, StateId id, ConstStateView s, std::uint32_t depth);

    const CompiledModel& model_;
    std::vector<PropertyStatus> all_;
    std::vector<std::size_t> open_invariants_; ///< indices of undecided selected invariants
    /// By action, then invariant: true when the action writes a slot the invariant reads.
    std::vector<bool> changes_;
    std::size_t first_assert_ = 0;
    std::size_t runtime_ = 0;
    std::size_t deadlock_ = 0;
    std::size_t first_liveness_ = 0;
    std::size_t decidable_ = 0;
    std::size_t violated_ = 0;
    std::vector<std::string> unknown_;
    EvalError error_;
};

} // namespace ilv
