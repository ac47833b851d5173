#include "explorer/lasso.hpp"

#include "model/invariant.hpp"

#include <algorithm>

namespace ilv {

LassoBuilder::LassoBuilder(const Explorer& explorer, const TransitionSystem& system,
                           const CycleQuery& query, std::vector<std::uint32_t>& marks)
    : explorer_(explorer),
      system_(system),
      query_(query),
      marks_(marks),
      buffer_(system.layout().words()) {}

void LassoBuilder::clear_marks() {
    for (std::uint32_t& m : marks_) {
        m = m == mark::excluded ? mark::excluded : mark::unvisited;
    }
}

bool LassoBuilder::is_excluded(StateId s) {
    std::uint32_t& m = marks_[s];
    if (m == mark::unvisited && query_.excluded && query_.excluded(explorer_.state(s))) {
        m = mark::excluded;
    }
    return m == mark::excluded;
}

void LassoBuilder::expand(StateId s) {
    buffer_.clear();
    failures_.clear();
    system_.successors(explorer_.state(s), buffer_, failures_);
    explorer_.find_all(buffer_, ids_);
    ILV_ASSERT(std::find(ids_.begin(), ids_.end(), no_state) == ids_.end(),
               "a lasso needs every successor stored");
}

ActionId LassoBuilder::action_between(StateId from, StateId to) {
    expand(from);
    const auto it = std::find(ids_.begin(), ids_.end(), to);
    ILV_ASSERT(it != ids_.end(), "a lasso step follows no edge");
    return buffer_.action(static_cast<std::size_t>(it - ids_.begin()));
}

void LassoBuilder::append_path(StateId from, StateId to, bool inside, Lasso& lasso) {
    std::vector<StateId> chain{to};
    while (chain.back() != from) {
        const std::uint32_t m = marks_[chain.back()];
        chain.push_back(inside ? (m & ~mark::inside_bit) : m - 1);
    }
    std::reverse(chain.begin(), chain.end());
    for (std::size_t k = 1; k < chain.size(); ++k) {
        lasso.steps.emplace_back(action_between(chain[k - 1], chain[k]), chain[k]);
    }
}

StateId LassoBuilder::approach(StateId start, const std::function<bool(StateId)>& goal,
                               Lasso& lasso) {
    lasso.steps = explorer_.path_to(start);
    lasso.start_steps = lasso.steps.size();
    if (goal(start)) {
        return start;
    }
    std::vector<StateId> queue{start};
    marks_[start] = start + 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const StateId x = queue[head];
        expand(x);
        for (std::size_t i = 0; i < ids_.size(); ++i) {
            const StateId y = ids_[i];
            if (is_excluded(y)) {
                continue;
            }
            if (goal(y)) {
                const ActionId a = buffer_.action(i);
                append_path(start, x, false, lasso); // reuses ids_: leave the loop now
                lasso.steps.emplace_back(a, y);
                return y;
            }
            if (marks_[y] == mark::unvisited) {
                marks_[y] = x + 1;
                queue.push_back(y);
            }
        }
    }
    ILV_UNREACHABLE("the component was found from this start state");
}

StateId LassoBuilder::walk_inside(StateId from, const Goal& goal, Lasso& lasso) {
    std::vector<StateId> queue{from};
    marks_[from] = mark::inside_bit | from;
    StateId end = no_state;
    for (std::size_t head = 0; head < queue.size() && end == no_state; ++head) {
        const StateId x = queue[head];
        expand(x);
        if (goal.at && goal.at(x)) {
            append_path(from, x, true, lasso);
            end = x;
            break;
        }
        for (std::size_t i = 0; i < ids_.size(); ++i) {
            const StateId y = ids_[i];
            if (!is_member(y)) {
                continue;
            }
            if (goal.edge && goal.edge(buffer_.action(i), y)) {
                const ActionId a = buffer_.action(i);
                append_path(from, x, true, lasso);
                lasso.steps.emplace_back(a, y);
                end = y;
                break;
            }
            if (marks_[y] == mark::member) {
                marks_[y] = mark::inside_bit | x;
                queue.push_back(y);
            }
        }
    }
    ILV_ASSERT(end != no_state, "a fair component holds every goal of its cycle");
    for (const StateId s : queue) {
        marks_[s] = mark::member;
    }
    return end;
}

void LassoBuilder::note_disabled(StateId s, std::vector<bool>& satisfied) {
    expand(s);
    std::vector<bool> enabled(satisfied.size(), false);
    for (std::size_t i = 0; i < buffer_.size(); ++i) {
        enabled[system_.actions()[buffer_.action(i)].process] = true;
    }
    for (std::size_t p = 0; p < satisfied.size(); ++p) {
        satisfied[p] = satisfied[p] || !enabled[p];
    }
}

void LassoBuilder::close_cycle(StateId entry, Lasso& lasso) {
    std::vector<bool> satisfied(system_.processes().size(), false);
    note_disabled(entry, satisfied);
    std::size_t noted = lasso.steps.size();
    const auto note_new_steps = [&] {
        for (; noted < lasso.steps.size(); ++noted) {
            satisfied[system_.actions()[lasso.steps[noted].first].process] = true;
            note_disabled(lasso.steps[noted].second, satisfied);
        }
    };
    StateId at = entry;
    if (!query_.required.empty()) {
        at = walk_inside(at, Goal{nullptr, [&](ActionId a, StateId) { return query_.required[a]; }},
                         lasso);
        note_new_steps();
    }
    for (ProcessId p = 0; query_.fairness == Fairness::Weak && p < satisfied.size(); ++p) {
        if (satisfied[p]) {
            continue;
        }
        const auto disabled_here = [&](StateId) {
            for (std::size_t i = 0; i < buffer_.size(); ++i) {
                if (system_.actions()[buffer_.action(i)].process == p) {
                    return false;
                }
            }
            return true;
        };
        const auto step_by_p = [&](ActionId a, StateId) {
            return system_.actions()[a].process == p;
        };
        at = walk_inside(at, Goal{disabled_here, step_by_p}, lasso);
        note_new_steps();
    }
    if (at != entry || lasso.steps.size() == lasso.loop_start) {
        walk_inside(at, Goal{nullptr, [entry](ActionId, StateId y) { return y == entry; }}, lasso);
    }
}

Lasso LassoBuilder::through_component(const std::vector<StateId>& members, StateId start) {
    clear_marks();
    for (const StateId m : members) {
        marks_[m] = mark::member;
    }
    Lasso lasso;
    StateId entry = no_state;
    if (start == no_state) {
        entry = *std::min_element(members.begin(), members.end());
        lasso.steps = explorer_.path_to(entry);
    } else {
        entry = approach(
            start, [this](StateId s) { return marks_[s] == mark::member; }, lasso);
    }
    lasso.loop_start = lasso.steps.size();
    close_cycle(entry, lasso);
    return lasso;
}

Lasso LassoBuilder::to_terminal(StateId end, StateId start) {
    ILV_ASSERT(start != no_state, "a run that stops is a counterexample only after a start state");
    clear_marks();
    Lasso lasso;
    approach(
        start, [end](StateId s) { return s == end; }, lasso);
    lasso.loop_start = lasso.steps.size();
    return lasso;
}

} // namespace ilv
