#pragma once
/// \file
/// A transition system given by an edge list (DIVINE's `Fixed`): states are 0..n-1 stored in
/// one slot, actions are edge labels. For testing search, properties and traces without the
/// language front-end.

#include "model/transition_system.hpp"

#include <string>
#include <utility>
#include <vector>

namespace ilv::test {

/// One labelled edge `from --action--> to`. `to < 0` makes the action fail (runtime error).
struct Edge {
    std::int64_t from;
    ActionId action;
    std::int64_t to;
};

/// Explicit graph over states 0..states-1 with initial state 0. Actions are named "a0", "a1"…
/// States listed in `ends` are valid end states; others without enabled edges deadlock.
class ExplicitGraphSystem final : public TransitionSystem {
public:
    ExplicitGraphSystem(std::int64_t states, ActionId action_count, std::vector<Edge> edges,
                        std::vector<std::int64_t> ends = {})
        : edges_(std::move(edges)), ends_(std::move(ends)) {
        layout_.add("node", SlotKind::Int, 0, states > 1 ? states - 1 : 1);
        layout_.finish();
        processes_.emplace_back("graph");
        for (ActionId a = 0; a < action_count; ++a) {
            ActionInfo info;
            info.name = "a";
            info.name += std::to_string(a); // not "a" + ...: GCC 12 -Wrestrict false positive
            info.step = info.name;
            info.process = 0;
            info.reads.insert(0);
            info.guard_reads.insert(0);
            info.writes.insert(0);
            actions_.push_back(std::move(info));
        }
    }

    using TransitionSystem::successors;

    [[nodiscard]] const StateLayout& layout() const override { return layout_; }
    [[nodiscard]] std::span<const ActionInfo> actions() const override { return actions_; }
    [[nodiscard]] std::span<const std::string> processes() const override { return processes_; }
    void initial(StateView out) const override {
        out[0] = 0;
        layout_.set(out, 0, 0);
    }
    bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                    FailureBuffer& failures) const override {
        const std::int64_t node = layout_.get(s, 0);
        bool enabled = false;
        for (const Edge& e : edges_) {
            if (e.from != node || e.action != a) {
                continue;
            }
            enabled = true;
            if (e.to < 0) {
                failures.push_back({a, FailureKind::Runtime, 0, "edge fails", {}});
                continue;
            }
            StateView next = out.push(a);
            next[0] = 0;
            layout_.set(next, 0, e.to);
        }
        return enabled;
    }
    [[nodiscard]] bool is_valid_end(ConstStateView s) const override {
        const std::int64_t node = layout_.get(s, 0);
        for (std::int64_t e : ends_) {
            if (e == node) {
                return true;
            }
        }
        return false;
    }

private:
    StateLayout layout_;
    std::vector<ActionInfo> actions_;
    std::vector<std::string> processes_;
    std::vector<Edge> edges_;
    std::vector<std::int64_t> ends_;
};

} // namespace ilv::test
