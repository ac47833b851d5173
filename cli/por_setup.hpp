#pragma once
/// \file
/// `check --por`: decides whether a run may use partial-order reduction and builds its tables
/// from the model and the selected properties (docs/por.md).

#include "explorer/partial_order.hpp"
#include "model/compiled_model.hpp"
#include "properties/property_set.hpp"

#include <memory>
#include <string>

namespace ilv::cli {

/// The reduction of one check run.
struct PorSetup {
    std::unique_ptr<PartialOrder> tables; ///< null: full search
    std::string note; ///< for the report: what was reduced, or why the reduction is off
};

/// Tables for `model` when `requested` and no liveness property is selected (the reduction is
/// not applied to liveness, so such runs fall back to the full search); the visible slots are
/// those read by the selected invariants.
[[nodiscard]] PorSetup setup_por(const CompiledModel& model, const PropertySet& properties,
                                 bool requested);

} // namespace ilv::cli
