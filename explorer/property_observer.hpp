#pragma once
/// \file
/// Connects the search to the safety properties: every search event goes to a `PropertySet`,
/// and the search stops once nothing is left to decide (or at the first violation on request).

#include "explorer/observer.hpp"
#include "properties/property_set.hpp"

namespace ilv {

/// The search observer of a `check` run.
class PropertyObserver final : public Observer {
public:
    /// Reports to `properties`; with `stop_first`, stops at the first violation.
    PropertyObserver(PropertySet& properties, bool stop_first)
        : properties_(properties),
          stop_first_(stop_first) {}

    Next on_state(StateId id, ConstStateView s, std::uint32_t depth) override;
    Next on_successor(StateId id, ConstStateView s, std::uint32_t depth, ActionId via) override;
    Next on_failure(StateId from, const StepFailure& f, std::uint32_t depth) override;
    Next on_deadlock(StateId id, ConstStateView s, std::uint32_t depth) override;

private:
    Next after(bool decided) const;

    PropertySet& properties_;
    bool stop_first_;
};

} // namespace ilv
