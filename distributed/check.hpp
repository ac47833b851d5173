#pragma once
/// \file
/// A whole distributed safety check on one rank: the search, then each violated property's
/// counterexample gathered across ranks and its violation re-derived from the gathered states,
/// so that every rank ends with the same verdicts, paths and counters. Rank 0 reports them.

#include "distributed/search.hpp"
#include "model/compiled_model.hpp"
#include "properties/property_set.hpp"

#include <utility>
#include <vector>

namespace ilv::dist {

/// A path from the initial state: each action with the packed state it produced.
using StatePath = std::vector<std::pair<ActionId, std::vector<Word>>>;

/// The result of a distributed check, identical on every rank.
struct DistributedCheck {
    SearchResult search;                    ///< outcome and summed counters
    DistributedStats stats;                 ///< per-rank states and exchange counters
    std::vector<PropertyStatus> properties; ///< final verdicts, in report order
    std::vector<StatePath> paths; ///< per property: path to the violating state (or the state
                                  ///< whose step failed); empty when not violated
};

/// Collective: checks the safety properties of `model` selected by `properties` (which must
/// select no liveness property) on rank `rank` of `ranks`.
[[nodiscard]] DistributedCheck check_distributed(const CompiledModel& model,
                                                 PropertySet& properties,
                                                 const DistributedOptions& options, int rank,
                                                 int ranks);

/// The violation of property `p` at state `s`, `depth` steps deep, as a single-process search
/// records it (same message, same failing step); `p` must be violated there.
[[nodiscard]] Violation rederive_violation(const CompiledModel& model, const PropertyStatus& p,
                                           ConstStateView s, std::uint32_t depth);

} // namespace ilv::dist
