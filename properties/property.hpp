#pragma once
/// \file
/// Properties as values: what is checked, its verdict, and the violation that decided it.

#include "model/ids.hpp"
#include "model/source_location.hpp"
#include "model/transition_system.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ilv {

/// What kind of check a property is; decides how it is found and how its trace looks.
enum class PropertyKind { Invariant, Assert, Runtime, Deadlock, Liveness };

/// The answer for one property after a run.
enum class Verdict {
    Holds,      ///< explored completely, never violated
    Violated,   ///< a counterexample exists (and was recorded)
    Incomplete, ///< a limit or an interrupt ended the run before an answer
    NotChecked, ///< not selected, or not supported by this run
};

/// The stable lower-case name used in JSON and reports ("invariant", "runtime", ...).
[[nodiscard]] std::string_view kind_name(PropertyKind k) noexcept;
/// The stable lower-case name used in JSON and reports ("holds", "not_checked", ...).
[[nodiscard]] std::string_view verdict_name(Verdict v) noexcept;

/// Where and how a property was violated, enough to rebuild the counterexample.
struct Violation {
    StateId state = no_state;            ///< violating state, or the state the failing step left
    std::uint32_t depth = 0;             ///< steps from the initial state to `state`
    std::optional<StepFailure> failure;  ///< set when a step itself failed
    std::string message;                 ///< one line for people
    /// Liveness only: the whole lasso, each action with the id of the state after it. The cycle
    /// is `lasso[*loop_start..]`; `loop_start == lasso.size()` when the run stops instead.
    std::vector<std::pair<ActionId, StateId>> lasso;
    std::optional<std::size_t> loop_start; ///< set exactly for liveness violations
};

/// One property of a run and its current answer.
struct PropertyStatus {
    std::string name;
    PropertyKind kind = PropertyKind::Invariant;
    SourceRange where;
    bool selected = true; ///< false: excluded by --property, or deadlock with --no-deadlock
    Verdict verdict = Verdict::Incomplete;
    std::optional<Violation> violation;
};

} // namespace ilv
