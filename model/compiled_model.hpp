#pragma once
/// \file
/// The `.ilv` model compiled to bytecode: the `TransitionSystem` the explorer runs, plus the
/// compiled properties that `properties/` turns into checks.

#include "model/bytecode.hpp"
#include "model/transition_system.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ilv {

/// One step of one process instance: location test, guard and effect.
struct CompiledStep {
    ProcessId process = 0;
    SlotId location_slot = 0;
    std::int64_t from = 0;
    std::int64_t to = 0;
    Code guard; ///< empty means `true`
    Code effect;
};

/// One action: a step with fixed parameter values (preset as the first frame entries).
struct CompiledAction {
    std::uint32_t step = 0;
    std::vector<std::int64_t> params;
};

/// `invariant NAME: EXPR;` compiled over the state.
struct CompiledInvariant {
    std::string name;
    SourceRange where;
    Code code;
    VarSet reads;
};

/// `liveness NAME: ...;` resolved (checked by the liveness layer).
struct CompiledLiveness {
    enum class Kind { FinitelyOften, LeadsTo };
    std::string name;
    SourceRange where;
    Kind kind = Kind::FinitelyOften;
    std::vector<ActionId> actions; ///< FinitelyOften: the actions that fire STEP
    Code premise;                  ///< LeadsTo: P
    Code consequence;              ///< LeadsTo: Q
};

/// One `assert` statement, a property of its own.
struct CompiledAssert {
    std::string name; ///< "opener.open.assert1" or "put.assert1"
    SourceRange where;
    std::string message;
};

/// Where a process instance's location lives and which locations are valid end points.
struct ProcessInstance {
    std::string name; ///< "opener[1]" or "worker"
    SlotId location_slot = 0;
    std::vector<bool> is_end; ///< by location index
};

/// Everything the compiler produces; `CompiledModel` wraps it.
struct ModelTables {
    std::string name;
    StateLayout layout;
    std::vector<Word> initial;
    std::vector<ProcessInstance> instances;
    std::vector<std::string> instance_names;
    std::vector<CompiledStep> steps;
    std::vector<CompiledAction> compiled_actions;
    std::vector<ActionInfo> actions;
    std::vector<CompiledInvariant> invariants;
    std::vector<CompiledLiveness> liveness;
    std::vector<CompiledAssert> asserts;
    CodeTables tables;
    std::uint32_t max_stack = 0;
    std::uint32_t max_frame = 0;
};

/// A compiled model. Successor generation reuses one evaluator, so one instance must not be
/// used from several threads at once; `thread_copy()` gives another thread its own.
class CompiledModel final : public TransitionSystem {
public:
    /// Takes the compiler's output.
    explicit CompiledModel(ModelTables tables);

    [[nodiscard]] const StateLayout& layout() const override { return t_.layout; }

    [[nodiscard]] std::span<const ActionInfo> actions() const override { return t_.actions; }

    [[nodiscard]] std::span<const std::string> processes() const override {
        return t_.instance_names;
    }

    void initial(StateView out) const override;
    bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                    FailureBuffer& failures) const override;
    std::size_t successors(ConstStateView s, SuccessorBuffer& out,
                           FailureBuffer& failures) const override;
    [[nodiscard]] bool is_valid_end(ConstStateView s) const override;
    /// A copy with its own evaluator: successor generation reuses scratch space.
    [[nodiscard]] std::unique_ptr<TransitionSystem> thread_copy() const override;

    /// The model's name from its `model NAME;` line.
    [[nodiscard]] const std::string& name() const noexcept { return t_.name; }

    /// Compiled invariants, in declaration order.
    [[nodiscard]] const std::vector<CompiledInvariant>& invariants() const noexcept {
        return t_.invariants;
    }

    /// Compiled liveness properties, in declaration order.
    [[nodiscard]] const std::vector<CompiledLiveness>& liveness() const noexcept {
        return t_.liveness;
    }

    /// Assert statements, by assert id.
    [[nodiscard]] const std::vector<CompiledAssert>& asserts() const noexcept { return t_.asserts; }

    /// Process instances, by ProcessId.
    [[nodiscard]] const std::vector<ProcessInstance>& instances() const noexcept {
        return t_.instances;
    }

    /// Evaluates a property expression over `s`; false with `error` filled on a runtime error.
    bool evaluate(const Code& code, ConstStateView s, std::int64_t& value, EvalError& error) const;

private:
    /// One process instance's actions grouped by their from-location, in ActionId order, so
    /// successor generation reads each location once and tries only the actions there.
    struct ActionsByLocation {
        SlotId location_slot = 0;
        std::vector<std::uint32_t> first; ///< by location, plus one: start in `ids`
        std::vector<ActionId> ids;
    };

    /// Builds `by_location_` from the steps (actions are contiguous per instance).
    void index_actions();
    bool expand(ConstStateView s, ActionId a, SuccessorBuffer& out, FailureBuffer& failures) const;
    /// `expand` once the step's location is known to match.
    bool fire(ConstStateView s, ActionId a, SuccessorBuffer& out, FailureBuffer& failures) const;

    ModelTables t_;
    std::vector<ActionsByLocation> by_location_;
    mutable Evaluator evaluator_;
    mutable EvalError error_;
};

} // namespace ilv
