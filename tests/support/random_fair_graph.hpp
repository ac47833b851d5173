#pragma once
/// \file
/// Seeded random transition systems for liveness tests: a small graph over states 0..n-1 (one
/// slot) whose edges belong to several processes, with the structure fairness cares about:
/// self loops, nondeterministic actions, actions that fail (enabled, no successor), and
/// processes that can step in every state (so that only cycles taking their steps are fair).
/// std::mt19937_64 with plain modulo, so a seed gives the same system everywhere.

#include "model/transition_system.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ilv::test {

/// A random labelled graph as a `TransitionSystem`; the initial state is node 0.
class RandomFairSystem final : public TransitionSystem {
public:
    /// The system for `seed`: 2..12 nodes, 1..4 processes of 1..3 actions each.
    explicit RandomFairSystem(std::uint64_t seed) : rng_(seed) {
        nodes_ = draw(2, 12);
        layout_.add("node", SlotKind::Int, 0, nodes_ - 1);
        layout_.finish();
        const std::int64_t processes = draw(1, 4);
        for (std::int64_t p = 0; p < processes; ++p) {
            add_process(static_cast<ProcessId>(p));
        }
    }

    using TransitionSystem::successors;

    [[nodiscard]] const StateLayout& layout() const override { return layout_; }

    [[nodiscard]] std::span<const ActionInfo> actions() const override { return infos_; }

    [[nodiscard]] std::span<const std::string> processes() const override { return names_; }

    void initial(StateView out) const override {
        for (Word& w : out) {
            w = 0;
        }
    }

    bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                    FailureBuffer& failures) const override {
        const auto node = static_cast<std::size_t>(layout_.get(s, 0));
        const std::vector<std::int64_t>& targets = targets_[a][node];
        for (const std::int64_t t : targets) {
            if (t < 0) {
                failures.push_back({a, FailureKind::Runtime, 0, "random failure", {}});
                continue;
            }
            StateView next = out.push(a);
            next[0] = 0;
            layout_.set(next, 0, t);
        }
        return !targets.empty();
    }

    /// The node a state stands for.
    [[nodiscard]] std::int64_t node(ConstStateView s) const { return layout_.get(s, 0); }

    /// Number of nodes (reachable or not).
    [[nodiscard]] std::int64_t nodes() const noexcept { return nodes_; }

private:
    std::int64_t draw(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(hi - lo + 1));
    }

    /// One process: with probability 1/3 it can step everywhere (its first action has an edge
    /// in every node); its actions have edges in about half the nodes, a quarter of them
    /// self loops, some nondeterministic, a few failing.
    void add_process(ProcessId p) {
        names_.push_back("p" + std::to_string(p));
        const bool everywhere = draw(0, 2) == 0;
        const std::int64_t count = draw(1, 3);
        for (std::int64_t k = 0; k < count; ++k) {
            ActionInfo info;
            info.name = names_.back() + ".a" + std::to_string(k);
            info.process = p;
            info.step = "a" + std::to_string(k);
            infos_.push_back(std::move(info));
            const bool always = everywhere && k == 0;
            std::vector<std::vector<std::int64_t>> by_node(static_cast<std::size_t>(nodes_));
            for (std::int64_t n = 0; n < nodes_; ++n) {
                if (!always && draw(0, 1) == 0) {
                    continue;
                }
                const std::int64_t edges = draw(0, 3) == 0 ? 2 : 1;
                for (std::int64_t e = 0; e < edges; ++e) {
                    by_node[static_cast<std::size_t>(n)].push_back(pick_target(n, !always));
                }
            }
            targets_.push_back(std::move(by_node));
        }
    }

    std::int64_t pick_target(std::int64_t from, bool may_fail) {
        const std::int64_t roll = draw(0, 19);
        if (roll == 0 && may_fail) {
            return -1; // fails
        }
        return roll <= 5 ? from : draw(0, nodes_ - 1);
    }

    std::mt19937_64 rng_;
    std::int64_t nodes_ = 0;
    StateLayout layout_;
    std::vector<ActionInfo> infos_;
    std::vector<std::string> names_;
    std::vector<std::vector<std::vector<std::int64_t>>> targets_; ///< [action][node]
};

} // namespace ilv::test
