#pragma once
/// \file
/// A grid of independent counters: `counters` slots with values 0..limit-1, each with an
/// increment and a decrement action (ascending: inc0, dec0, inc1, dec1, ...). It reaches
/// exactly limit^counters states, and each state has 2·counters minus one per counter sitting
/// at a bound successors. Slots may be declared wider than `limit` so that the packed state
/// takes more words (the benchmark's 16-byte state). For large, cheap state spaces in limit
/// tests and benchmarks.

#include "model/invariant.hpp"
#include "model/transition_system.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace ilv::test {

/// Counters on a grid; every state has a successor, so there are no deadlocks.
class CounterSystem final : public TransitionSystem {
public:
    /// `counters` slots counting 0..limit-1, each declared as 0..declared_upper
    /// (declared_upper >= limit - 1; larger values only widen the packed state).
    CounterSystem(SlotId counters, std::int64_t limit, std::int64_t declared_upper)
        : limit_(limit) {
        ILV_ASSERT(limit >= 1 && declared_upper >= limit - 1, "counter range too small");
        processes_.emplace_back("counters");
        for (SlotId i = 0; i < counters; ++i) {
            std::string name = "c";
            name += std::to_string(i); // "c" + ... trips GCC 12's -Wrestrict false positive
            layout_.add(name, SlotKind::Int, 0, declared_upper);
            for (const char* step : {"inc", "dec"}) {
                ActionInfo info;
                info.name = step;
                info.name += std::to_string(i);
                info.step = step;
                info.guard_reads.insert(i);
                info.reads.insert(i);
                info.writes.insert(i);
                actions_.push_back(std::move(info));
            }
        }
        layout_.finish();
    }

    using TransitionSystem::successors;

    [[nodiscard]] const StateLayout& layout() const override { return layout_; }

    [[nodiscard]] std::span<const ActionInfo> actions() const override { return actions_; }

    [[nodiscard]] std::span<const std::string> processes() const override { return processes_; }

    void initial(StateView out) const override { std::fill(out.begin(), out.end(), Word{0}); }

    bool successors(ConstStateView s, ActionId a, SuccessorBuffer& out,
                    FailureBuffer& /*failures*/) const override {
        const SlotId slot = a / 2;
        const std::int64_t value = layout_.get(s, slot);
        const std::int64_t next = a % 2 == 0 ? value + 1 : value - 1;
        if (next < 0 || next >= limit_) {
            return false;
        }
        StateView t = out.push(a);
        std::copy(s.begin(), s.end(), t.begin());
        layout_.set(t, slot, next);
        return true;
    }

private:
    std::int64_t limit_;
    StateLayout layout_;
    std::vector<ActionInfo> actions_;
    std::vector<std::string> processes_;
};

} // namespace ilv::test
