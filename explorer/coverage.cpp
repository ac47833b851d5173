#include "explorer/coverage.hpp"

#include <map>
#include <utility>

namespace ilv {

namespace {

/// The process instance owning location slot `name` ("p[0].@" -> "p[0]").
std::string location_owner(const std::string& name) {
    const std::string suffix = ".@";
    const bool ends = name.size() > suffix.size() &&
                      name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    return ends ? name.substr(0, name.size() - suffix.size()) : name;
}

/// "p[0].raise", or just the step when the process has no name.
std::string step_key(const TransitionSystem& system, const ActionInfo& a) {
    const auto processes = system.processes();
    const std::string process = a.process < processes.size() ? processes[a.process] : "";
    return process.empty() ? a.step : process + "." + a.step;
}

} // namespace

std::vector<std::string> Coverage::dead_steps() const {
    std::vector<std::string> out;
    for (const StepCoverage& s : steps) {
        if (s.fired == 0 && s.failures == 0) {
            out.push_back(s.name);
        }
    }
    return out;
}

std::size_t Coverage::unreached_count() const {
    std::size_t n = 0;
    for (const UnreachedLocations& p : locations) {
        n += p.locations.size();
    }
    return n;
}

CoverageObserver::CoverageObserver(const TransitionSystem& system, Observer& inner)
    : system_(system),
      inner_(inner),
      fired_(system.actions().size(), 0),
      new_states_(system.actions().size(), 0),
      failures_(system.actions().size(), 0) {
    const auto& slots = system.layout().slots();
    for (std::size_t id = 0; id < slots.size(); ++id) {
        if (slots[id].kind == SlotKind::Location) {
            const auto values = static_cast<std::size_t>(slots[id].upper - slots[id].lower + 1);
            location_slots_.push_back({static_cast<SlotId>(id), std::vector<bool>(values, false)});
        }
    }
}

void CoverageObserver::mark_locations(ConstStateView s) {
    const StateLayout& layout = system_.layout();
    for (LocationSlot& l : location_slots_) {
        const std::int64_t value = layout.get(s, l.slot) - layout.slot(l.slot).lower;
        l.seen[static_cast<std::size_t>(value)] = true;
    }
}

Next CoverageObserver::on_state(StateId id, ConstStateView s, std::uint32_t depth) {
    mark_locations(s);
    return inner_.on_state(id, s, depth);
}

Next CoverageObserver::on_successor(StateId id, ConstStateView s, std::uint32_t depth,
                                    ActionId via) {
    mark_locations(s);
    return inner_.on_successor(id, s, depth, via);
}

Next CoverageObserver::on_failure(StateId from, const StepFailure& f, std::uint32_t depth) {
    ++failures_[f.action];
    return inner_.on_failure(from, f, depth);
}

Next CoverageObserver::on_deadlock(StateId id, ConstStateView s, std::uint32_t depth) {
    return inner_.on_deadlock(id, s, depth);
}

void CoverageObserver::on_edge(StateId from, ActionId a, StateId to, bool is_new) {
    ++fired_[a];
    if (is_new) {
        ++new_states_[a];
    }
    inner_.on_edge(from, a, to, is_new);
}

Coverage CoverageObserver::result() const {
    Coverage out;
    std::map<std::string, std::size_t> index; // step key -> position in out.steps
    const auto actions = system_.actions();
    for (std::size_t a = 0; a < actions.size(); ++a) {
        const std::string key = step_key(system_, actions[a]);
        const auto [it, added] = index.emplace(key, out.steps.size());
        if (added) {
            const auto processes = system_.processes();
            const ProcessId p = actions[a].process;
            out.steps.push_back({key, p < processes.size() ? processes[p] : "", actions[a].step});
        }
        StepCoverage& s = out.steps[it->second];
        s.fired += fired_[a];
        s.new_states += new_states_[a];
        s.failures += failures_[a];
    }
    for (const LocationSlot& l : location_slots_) {
        const Slot& slot = system_.layout().slot(l.slot);
        UnreachedLocations u{location_owner(slot.name), {}};
        for (std::size_t v = 0; v < l.seen.size(); ++v) {
            if (!l.seen[v]) {
                u.locations.push_back(v < slot.labels.size() ? slot.labels[v] : std::to_string(v));
            }
        }
        out.locations.push_back(std::move(u));
    }
    return out;
}

} // namespace ilv
