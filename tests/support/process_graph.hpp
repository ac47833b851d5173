#pragma once
/// \file
/// A hand-written graph over nodes 0..n-1 (one slot, initial node 0) whose actions belong to
/// named processes: for liveness tests whose verdicts are worked out by hand.

#include "model/transition_system.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace ilv::test {

/// One edge `from --action--> to`; `to < 0` makes the action fail there.
struct ProcessEdge {
    std::int64_t from; ///< source node
    ActionId action;   ///< label; its owner is the process taking the edge
    std::int64_t to;   ///< target node, or < 0 for a failing action
};

/// Graph with actions "a0", "a1", ... owned by `owners[a]`; processes are "p0", "p1", ...
class ProcessGraphSystem final : public TransitionSystem {
public:
    /// Nodes 0..nodes-1, action `a` owned by process `owners[a]`, the given edges.
    ProcessGraphSystem(std::int64_t nodes, std::vector<ProcessId> owners,
                       std::vector<ProcessEdge> edges)
        : edges_(std::move(edges)) {
        layout_.add("node", SlotKind::Int, 0, nodes > 1 ? nodes - 1 : 1);
        layout_.finish();
        const ProcessId count =
            owners.empty() ? 1 : *std::max_element(owners.begin(), owners.end()) + 1;
        for (ProcessId p = 0; p < count; ++p) {
            names_.push_back("p" + std::to_string(p));
        }
        for (ActionId a = 0; a < owners.size(); ++a) {
            ActionInfo info;
            info.name = "a" + std::to_string(a);
            info.step = info.name;
            info.process = owners[a];
            infos_.push_back(std::move(info));
        }
    }

    using TransitionSystem::successors;

    [[nodiscard]] const StateLayout& layout() const override { return layout_; }

    [[nodiscard]] std::span<const ActionInfo> actions() const override { return infos_; }

    [[nodiscard]] std::span<const std::string> processes() const override { return names_; }

    void initial(StateView out) const override { std::fill(out.begin(), out.end(), Word{0}); }

    bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                    FailureBuffer& failures) const override {
        const std::int64_t node = layout_.get(s, 0);
        bool enabled = false;
        for (const ProcessEdge& e : edges_) {
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

    /// The node a state stands for.
    [[nodiscard]] std::int64_t node(ConstStateView s) const { return layout_.get(s, 0); }

private:
    StateLayout layout_;
    std::vector<ActionInfo> infos_;
    std::vector<std::string> names_;
    std::vector<ProcessEdge> edges_;
};

} // namespace ilv::test
