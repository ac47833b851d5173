#pragma once
/// \file
/// The seam between models and algorithms (LTSmin's PINS idea): the explorer, properties and
/// traces see only this interface, never the syntax tree. Implemented by the compiled `.ilv`
/// model and by test fixtures (explicit and random graphs).

#include "model/ids.hpp"
#include "model/source_location.hpp"
#include "model/state.hpp"
#include "model/state_layout.hpp"
#include "model/var_set.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ilv {

/// Static facts about one action (one process instance × step × parameter values).
struct ActionInfo {
    std::string name;                ///< "opener[1].ioctl(UNTIL_STOP)": stable, used in traces
    ProcessId process = 0;           ///< owning process instance
    std::string step;                ///< the step's name as declared ("ioctl")
    std::vector<std::string> params; ///< parameter values as shown ("UNTIL_STOP")
    SourceRange where;               ///< the step's declaration
    VarSet guard_reads;              ///< slots the enabling condition reads (location included)
    VarSet reads;                    ///< every slot read (guard and effect)
    VarSet writes;                   ///< every slot that may be written (location included)
    /// The location the step leaves (the action is enabled only there); -1 when the system has
    /// no locations. Partial-order reduction groups actions by process and this location.
    std::int64_t from_location = -1;
};

/// Why an enabled action could not produce a successor.
enum class FailureKind {
    Assert,  ///< an `assert` statement was false
    Runtime, ///< value out of range, index out of bounds, division by zero
};

/// An enabled action whose effect failed: a violation found while expanding a state.
struct StepFailure {
    ActionId action = 0;
    FailureKind kind = FailureKind::Runtime;
    std::uint32_t assert_id = 0; ///< Assert only: index into the system's assertion table
    std::string message;         ///< "value 5 out of range 0..4 for 'active'"
    SourceRange where;           ///< the failing statement or expression
};

/// Failures of one expansion; reused like `SuccessorBuffer`.
using FailureBuffer = std::vector<StepFailure>;

/// A transition system with a packed state, one initial state and per-action successors.
/// Implementations are immutable after construction. One that keeps scratch space for
/// successor generation must not be called from two threads at once; a parallel search gives
/// each of its threads a `thread_copy()` instead.
class TransitionSystem {
public:
    virtual ~TransitionSystem() = default;
    TransitionSystem(const TransitionSystem&) = delete;
    TransitionSystem& operator=(const TransitionSystem&) = delete;
    TransitionSystem(TransitionSystem&&) = delete;
    TransitionSystem& operator=(TransitionSystem&&) = delete;

    /// The slot table of every state this system produces.
    [[nodiscard]] virtual const StateLayout& layout() const = 0;
    /// Every action, in successor order.
    [[nodiscard]] virtual std::span<const ActionInfo> actions() const = 0;
    /// Names of the process instances, indexed by `ProcessId`.
    [[nodiscard]] virtual std::span<const std::string> processes() const = 0;

    /// Writes the unique initial state into `out` (out.size() == layout().words()).
    virtual void initial(StateView out) const = 0;

    /// Appends the successors of `s` under action `a` to `out` (none when disabled); an enabled
    /// action whose effect fails appends to `failures` instead. Returns true when `a` is enabled.
    virtual bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                            FailureBuffer& failures) const = 0;

    /// Appends all successors of `s` in ascending ActionId order (clears neither buffer).
    /// Returns the number of enabled actions (0 means no step can be taken).
    virtual std::size_t successors(ConstStateView s, SuccessorBuffer& out,
                                   FailureBuffer& failures) const;

    /// True when `s` may legitimately have no enabled action (every process at an `end`
    /// location). A state with no enabled action that is not a valid end is a deadlock.
    [[nodiscard]] virtual bool is_valid_end(ConstStateView s) const;

    /// An equivalent system that another thread may use while this one is in use; null when
    /// this system is itself safe to share across threads (the default).
    [[nodiscard]] virtual std::unique_ptr<TransitionSystem> thread_copy() const { return nullptr; }

protected:
    TransitionSystem() = default;
};

} // namespace ilv
