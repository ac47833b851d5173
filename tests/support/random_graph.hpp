#pragma once
/// \file
/// Seeded random transition systems (DIVINE's `Random`): a few small slots and a few guarded
/// actions with exact read/write sets, some nondeterministic (two successors) and some that
/// fail in certain states. The same seed gives the same system on every platform (the
/// generator is std::mt19937_64, whose output the standard fixes, drawn with plain modulo).
/// For testing search orders, limits, POR and properties without the language front-end.

#include "model/transition_system.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ilv::test {

/// A random system: slot values are 0..range-1, the initial state is all zeros.
class RandomGraphSystem final : public TransitionSystem {
public:
    /// The system for `seed`: 2..5 slots of 2..4 values, 3..10 actions.
    explicit RandomGraphSystem(std::uint64_t seed) : rng_(seed) {
        const auto slot_count = static_cast<SlotId>(draw(2, 5));
        for (SlotId i = 0; i < slot_count; ++i) {
            std::string name = "v";
            name += std::to_string(i); // "v" + ... trips GCC 12's -Wrestrict false positive
            layout_.add(name, SlotKind::Int, 0, draw(1, 3));
        }
        layout_.finish();
        processes_.emplace_back("random");
        const auto action_count = static_cast<ActionId>(draw(3, 10));
        for (ActionId a = 0; a < action_count; ++a) {
            add_action(a);
        }
        end_slot_ = pick_slot();
    }

    using TransitionSystem::successors;

    [[nodiscard]] const StateLayout& layout() const override { return layout_; }

    [[nodiscard]] std::span<const ActionInfo> actions() const override { return infos_; }

    [[nodiscard]] std::span<const std::string> processes() const override { return processes_; }

    void initial(StateView out) const override {
        for (Word& w : out) {
            w = 0;
        }
    }

    bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                    FailureBuffer& failures) const override {
        const Rule& r = rules_[a];
        if (r.guarded && (layout_.get(s, r.guard_slot) == r.guard_value) != r.guard_equal) {
            return false;
        }
        if (r.guarded_twice && layout_.get(s, r.guard2_slot) != r.guard2_value) {
            return false;
        }
        if (r.fails && layout_.get(s, r.fail_slot) == r.fail_value) {
            failures.push_back({a, FailureKind::Assert, a, "random assertion", {}});
            return true;
        }
        for (std::int64_t k = 0; k < (r.choice ? 2 : 1); ++k) {
            StateView next = out.push(a);
            std::copy(s.begin(), s.end(), next.begin());
            assign(next, s, r.target, r.source, r.offset + k);
            if (r.second_target != r.target) {
                assign(next, s, r.second_target, r.second_source, r.offset);
            }
        }
        return true;
    }

    /// Valid ends: states where one chosen slot holds its largest value.
    [[nodiscard]] bool is_valid_end(ConstStateView s) const override {
        return layout_.get(s, end_slot_) == layout_.slot(end_slot_).upper;
    }

private:
    /// Action shape: `[guard_slot (==|!=) guard_value] [&& guard2_slot == guard2_value] ->
    /// target := source + offset (+ choice)
    /// [, second_target := second_source + offset]`, all modulo the target's range; when
    /// `fails` and `fail_slot == fail_value` the action fails instead.
    struct Rule {
        bool guarded = true;
        SlotId guard_slot = 0;
        std::int64_t guard_value = 0;
        bool guard_equal = false;
        bool guarded_twice = false;
        SlotId guard2_slot = 0;
        std::int64_t guard2_value = 0;
        SlotId target = 0;
        SlotId source = 0;
        SlotId second_target = 0;
        SlotId second_source = 0;
        std::int64_t offset = 0;
        bool choice = false;
        bool fails = false;
        SlotId fail_slot = 0;
        std::int64_t fail_value = 0;
    };

    std::int64_t draw(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(hi - lo + 1));
    }

    SlotId pick_slot() {
        return static_cast<SlotId>(draw(0, static_cast<std::int64_t>(layout_.slots().size()) - 1));
    }

    std::int64_t pick_value(SlotId slot) { return draw(0, layout_.slot(slot).upper); }

    void add_action(ActionId a) {
        Rule r;
        r.guard_slot = pick_slot();
        r.guard_value = pick_value(r.guard_slot);
        r.guarded = draw(0, 9) != 0;
        r.guard_equal = draw(0, 2) != 0;
        r.guarded_twice = draw(0, 2) == 0;
        r.guard2_slot = pick_slot();
        r.guard2_value = pick_value(r.guard2_slot);
        r.target = pick_slot();
        r.source = draw(0, 1) == 0 ? r.target : pick_slot();
        r.second_target = draw(0, 2) == 0 ? pick_slot() : r.target;
        r.second_source = pick_slot();
        r.offset = draw(1, 3);
        r.choice = draw(0, 3) == 0;
        r.fails = draw(0, 5) == 0;
        r.fail_slot = pick_slot();
        r.fail_value = pick_value(r.fail_slot);
        rules_.push_back(r);

        ActionInfo info;
        info.name = "r";
        info.name += std::to_string(a);
        info.step = info.name;
        if (r.guarded) {
            info.guard_reads.insert(r.guard_slot);
            info.reads.insert(r.guard_slot);
        }
        if (r.guarded_twice) {
            info.guard_reads.insert(r.guard2_slot);
            info.reads.insert(r.guard2_slot);
        }
        info.reads.insert(r.source);
        info.writes.insert(r.target);
        if (r.second_target != r.target) {
            info.reads.insert(r.second_source);
            info.writes.insert(r.second_target);
        }
        if (r.fails) {
            info.reads.insert(r.fail_slot);
        }
        infos_.push_back(std::move(info));
    }

    /// `next[target] = (s[source] + offset) mod range(target)`, reading the pre-state.
    void assign(StateView next, ConstStateView s, SlotId target, SlotId source,
                std::int64_t offset) const {
        const std::int64_t range = layout_.slot(target).upper + 1;
        layout_.set(next, target, (layout_.get(s, source) + offset) % range);
    }

    std::mt19937_64 rng_;
    StateLayout layout_;
    std::vector<ActionInfo> infos_;
    std::vector<std::string> processes_;
    std::vector<Rule> rules_;
    SlotId end_slot_ = 0;
};

} // namespace ilv::test
