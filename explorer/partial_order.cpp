#include "explorer/partial_order.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace ilv {

namespace {

/// The slots read and written by every action of one process.
struct Access {
    VarSet reads;
    VarSet writes;
};

/// Per process: what its actions read and write.
std::vector<Access> access_by_process(const TransitionSystem& system) {
    std::vector<Access> out(system.processes().size());
    for (const ActionInfo& a : system.actions()) {
        if (a.process >= out.size()) {
            out.resize(a.process + 1);
        }
        out[a.process].reads.merge(a.reads);
        out[a.process].writes.merge(a.writes);
    }
    return out;
}

/// Per process: what the actions of every other process read and write.
std::vector<Access> access_of_others(const std::vector<Access>& own) {
    std::vector<Access> out(own.size());
    for (std::size_t p = 0; p < own.size(); ++p) {
        for (std::size_t q = 0; q < own.size(); ++q) {
            if (q != p) {
                out[p].reads.merge(own[q].reads);
                out[p].writes.merge(own[q].writes);
            }
        }
    }
    return out;
}

/// True when `a` is independent of every action of the other processes (C1) and invisible
/// (C2).
bool qualifies(const ActionInfo& a, const Access& others, const VarSet& visible) {
    return a.from_location >= 0 && !a.writes.intersects(others.reads) &&
           !a.writes.intersects(others.writes) && !a.reads.intersects(others.writes) &&
           !a.writes.intersects(visible);
}

} // namespace

PartialOrder::PartialOrder(const TransitionSystem& system, const VarSet& visible) {
    const std::span<const ActionInfo> actions = system.actions();
    const std::vector<Access> others = access_of_others(access_by_process(system));
    std::map<std::pair<ProcessId, std::int64_t>, std::uint32_t> sites;
    std::vector<bool> good;
    site_.resize(actions.size(), no_site);
    for (std::size_t a = 0; a < actions.size(); ++a) {
        const ActionInfo& info = actions[a];
        if (info.from_location < 0) {
            continue;
        }
        const auto key = std::make_pair(info.process, info.from_location);
        auto [it, added] = sites.emplace(key, static_cast<std::uint32_t>(good.size()));
        if (added) {
            good.push_back(true);
        }
        good[it->second] = good[it->second] && qualifies(info, others[info.process], visible);
        site_[a] = it->second;
    }
    for (std::uint32_t& s : site_) {
        if (s != no_site && !good[s]) {
            s = no_site;
        }
    }
    qualifying_ = static_cast<std::size_t>(std::count(good.begin(), good.end(), true));
}

bool PartialOrder::is_rejected(std::uint32_t s) const noexcept {
    return std::find(rejected_.begin(), rejected_.end(), s) != rejected_.end();
}

bool PartialOrder::fails(std::uint32_t s, std::span<const StepFailure> failures) const noexcept {
    return std::any_of(failures.begin(), failures.end(),
                       [&](const StepFailure& f) { return site_[f.action] == s; });
}

} // namespace ilv
