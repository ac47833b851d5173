#pragma once
/// \file
/// Decides the `liveness` properties of a compiled model over the states a complete search
/// stored: one `find_lasso` pass per property, verdicts and lassos recorded in the `PropertySet`.

#include "explorer/fair_cycles.hpp"
#include "explorer/search.hpp"
#include "model/compiled_model.hpp"
#include "properties/property_set.hpp"

#include <string>
#include <vector>

namespace ilv {

/// How `check_liveness` runs.
struct LivenessOptions {
    /// Which cycles count (`--fairness`).
    Fairness fairness = Fairness::Weak;
    /// Leave the remaining properties `incomplete` after the first violation (`--stop-first`).
    bool stop_first = false;
    /// Interrupt flag and memory limit, as for the search.
    CycleLimits limits;
};

/// The `CycleQuery` that decides `property` of `model`: for `finitely often`, a fair cycle
/// taking one of its actions; for `P leadsto Q`, from a P-state through non-Q states, a fair
/// cycle or a state without successor. A P or Q that cannot be evaluated in a state counts as
/// false there, and the first such error is copied to `error`.
[[nodiscard]] CycleQuery liveness_query(const CompiledModel& model,
                                        const CompiledLiveness& property, Fairness fairness,
                                        std::string& error);

/// Decides every open selected liveness property of `model`, whose states `explorer` stored
/// in a complete search. Returns warnings for the user (an expression that could not be
/// evaluated, a pass cut short), one line each.
std::vector<std::string> check_liveness(const CompiledModel& model, const Explorer& explorer,
                                        PropertySet& properties, const LivenessOptions& options);

/// The one-line description of a violated liveness property for reports and traces.
[[nodiscard]] std::string lasso_message(const CompiledModel& model,
                                        const CompiledLiveness& property, const Lasso& lasso,
                                        Fairness fairness);

} // namespace ilv
