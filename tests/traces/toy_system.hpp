#pragma once
/// \file
/// A hand-written transition system with every slot kind, two processes, parameterised steps,
/// a nondeterministic step and both kinds of step failure; plus `walk`, which follows named
/// actions from the initial state. For trace and replay tests without the front-end.
///
/// Slots: count 0..2, mode {IDLE, BUSY}, done bool, p[0].@ and p[1].@ {idle, crit}.
/// Per process i (actions i*7 .. i*7+6, declared at line 10+k, column 3):
///   enter      idle -> crit, count += 1
///   leave      crit -> idle, count -= 1
///   set(IDLE)  at crit, mode = IDLE
///   set(BUSY)  at crit, mode = BUSY
///   toss       at idle, done = false or done = true (two successors, in that order)
///   bump       at crit, count += 1 (runtime error past 2, at line 30, column 5)
///   check      at crit, assert(mode == IDLE) (fails at line 31, column 5)
/// Valid end: both processes idle.

#include "model/invariant.hpp"
#include "model/transition_system.hpp"
#include "traces/trace_builder.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace ilv::test {

/// The toy system described in the file comment.
class ToySystem final : public TransitionSystem {
public:
    static constexpr SlotId count = 0;          ///< slot `count`
    static constexpr SlotId mode = 1;           ///< slot `mode`
    static constexpr SlotId done = 2;           ///< slot `done`
    static constexpr SlotId first_location = 3; ///< slot `p[0].@`; `p[1].@` follows
    static constexpr ActionId kinds = 7;        ///< actions per process

    /// Builds the layout, the two processes and their 14 actions.
    ToySystem() {
        layout_.add("count", SlotKind::Int, 0, 2);
        layout_.add("mode", SlotKind::Enum, 0, 1, {"IDLE", "BUSY"});
        layout_.add("done", SlotKind::Bool, 0, 1);
        layout_.add("p[0].@", SlotKind::Location, 0, 1, {"idle", "crit"});
        layout_.add("p[1].@", SlotKind::Location, 0, 1, {"idle", "crit"});
        layout_.finish();
        const char* steps[kinds] = {"enter", "leave", "set", "set", "toss", "bump", "check"};
        const char* params[kinds] = {"", "", "IDLE", "BUSY", "", "", ""};
        for (ProcessId p = 0; p < 2; ++p) {
            processes_.push_back("p[" + std::to_string(p) + "]");
            for (ActionId k = 0; k < kinds; ++k) {
                ActionInfo info;
                info.process = p;
                info.step = steps[k];
                info.name = processes_.back() + "." + info.step;
                if (*params[k] != '\0') {
                    info.params.emplace_back(params[k]);
                    info.name += "(" + info.params.back() + ")";
                }
                info.where = SourceRange{{10 + k, 3, 100 + k}, {10 + k, 20, 117 + k}};
                actions_.push_back(std::move(info));
            }
        }
    }

    [[nodiscard]] const StateLayout& layout() const override { return layout_; }

    [[nodiscard]] std::span<const ActionInfo> actions() const override { return actions_; }

    [[nodiscard]] std::span<const std::string> processes() const override { return processes_; }

    void initial(StateView out) const override {
        for (Word& w : out) {
            w = 0;
        }
    }

    using TransitionSystem::successors;

    bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                    FailureBuffer& failures) const override {
        const SlotId loc = first_location + a / kinds;
        const bool crit = layout_.get(s, loc) == 1;
        const std::int64_t n = layout_.get(s, count);
        switch (a % kinds) {
        case 0:
            return !crit && emit(s, a, out, {{loc, 1}, {count, n + 1}});
        case 1:
            return crit && emit(s, a, out, {{loc, 0}, {count, n - 1}});
        case 2:
        case 3:
            return crit && emit(s, a, out, {{mode, a % kinds == 2 ? 0 : 1}});
        case 4:
            return !crit && emit(s, a, out, {{done, 0}}) && emit(s, a, out, {{done, 1}});
        case 5:
            if (crit && n == 2) {
                failures.push_back(
                    failure(a, FailureKind::Runtime, 30, "value 3 out of range 0..2 for 'count'"));
                return true;
            }
            return crit && emit(s, a, out, {{count, n + 1}});
        default:
            if (crit && layout_.get(s, mode) == 1) {
                failures.push_back(
                    failure(a, FailureKind::Assert, 31, "assertion failed: mode is idle"));
                return true;
            }
            return crit && emit(s, a, out, {});
        }
    }

    [[nodiscard]] bool is_valid_end(ConstStateView s) const override {
        return layout_.get(s, first_location) == 0 && layout_.get(s, first_location + 1) == 0;
    }

private:
    struct Assign {
        SlotId slot;
        std::int64_t value;
    };

    static StepFailure failure(ActionId a, FailureKind kind, std::uint32_t line,
                               std::string message) {
        return StepFailure{a, kind, 0, std::move(message), SourceRange{{line, 5, 0}, {}}};
    }

    bool emit(ConstStateView s, ActionId a, SuccessorBuffer& out,
              const std::vector<Assign>& assigns) const {
        StateView next = out.push(a);
        std::copy(s.begin(), s.end(), next.begin());
        for (const Assign& assign : assigns) {
            layout_.set(next, assign.slot, assign.value);
        }
        return true;
    }

    StateLayout layout_;
    std::vector<ActionInfo> actions_;
    std::vector<std::string> processes_;
};

/// One choice of a walk: an action by name and which of its successors to follow.
struct Choice {
    std::string action;
    std::size_t successor = 0;
};

/// The path taken by `choices` from the initial state of `sys`. Every action must exist and
/// produce the chosen successor.
inline TracePath walk(const TransitionSystem& sys, const std::vector<Choice>& choices) {
    std::vector<Word> state(sys.layout().words(), 0);
    sys.initial(state);
    TracePath path;
    for (const Choice& choice : choices) {
        ActionId a = 0;
        while (a < sys.actions().size() && sys.actions()[a].name != choice.action) {
            ++a;
        }
        ILV_ASSERT(a < sys.actions().size(), "walk names an unknown action");
        SuccessorBuffer out(state.size());
        FailureBuffer failures;
        sys.successors(state, a, out, failures);
        ILV_ASSERT(choice.successor < out.size(), "walk picks a missing successor");
        const ConstStateView next = out.state(choice.successor);
        state.assign(next.begin(), next.end());
        path.emplace_back(a, state);
    }
    return path;
}

/// The initial state of `sys`, packed.
inline std::vector<Word> initial_state(const TransitionSystem& sys) {
    std::vector<Word> state(sys.layout().words(), 0);
    sys.initial(state);
    return state;
}

} // namespace ilv::test
