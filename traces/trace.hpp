#pragma once
/// \file
/// A counterexample as a value: the choices (actions) and the full state after each, so that
/// replay can check every step and a viewer needs no model. Serialised by trace_json.

#include "model/ids.hpp"
#include "model/source_location.hpp"
#include "model/state_layout.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ilv {

/// One slot of the state, as described in a trace (enough to render values without the model).
struct TraceVariable {
    std::string name;
    SlotKind kind = SlotKind::Int;
    std::int64_t lower = 0;
    std::int64_t upper = 0;
    std::vector<std::string> labels; ///< enum members or location names
    /// Field-wise equality, for round-trip tests and replay's layout comparison.
    friend bool operator==(const TraceVariable&, const TraceVariable&) = default;
};

/// One transition of a counterexample.
struct TraceStep {
    std::string action;              ///< "opener[1].ioctl(UNTIL_STOP)"
    ProcessId process = 0;
    std::string step;                ///< "ioctl"
    std::vector<std::string> params; ///< {"UNTIL_STOP"}
    SourceRange where;               ///< the step's declaration
    std::vector<std::int64_t> state; ///< full state after the step (empty when `failed`)
    bool failed = false;             ///< the step itself failed (assert or runtime error)
    std::string error;               ///< failed only: the message
    SourceRange error_where;         ///< failed only: the failing statement
    /// Field-wise equality, for round-trip tests.
    friend bool operator==(const TraceStep&, const TraceStep&) = default;
};

/// The property a trace violates.
struct TraceProperty {
    std::string name;    ///< "mutex", "deadlock", "runtime_error", "opener.open.assert1"
    std::string kind;    ///< "invariant", "assert", "runtime", "deadlock", "liveness"
    SourceRange where;   ///< declaration (unknown for deadlock)
    std::string message; ///< one line saying what went wrong
    /// Liveness only: the fairness the lasso was found under, "weak" or "none" (replay checks
    /// the cycle against it); empty for every other kind.
    std::string fairness;
    /// Field-wise equality, for round-trip tests.
    friend bool operator==(const TraceProperty&, const TraceProperty&) = default;
};

/// A whole counterexample.
struct Trace {
    std::string model_name;
    std::string model_path;
    std::string model_digest; ///< 16 hex digits of a hash of the model text
    std::vector<std::pair<std::string, std::int64_t>> defines; ///< -D values, in given order
    TraceProperty property;
    std::vector<TraceVariable> variables; ///< layout order
    std::vector<std::string> processes;   ///< ProcessId order
    std::vector<std::int64_t> initial;
    std::vector<TraceStep> steps;
    std::optional<std::size_t> loop_start; ///< lasso: index of the step where the cycle begins
    /// Field-wise equality: a trace read back from its JSON equals the one written.
    friend bool operator==(const Trace&, const Trace&) = default;
};

} // namespace ilv
