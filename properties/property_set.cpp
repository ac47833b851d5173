#include "properties/property_set.hpp"

#include "model/invariant.hpp"

#include <algorithm>

namespace ilv {

PropertySet::PropertySet(const CompiledModel& model, const PropertySelection& selection)
    : model_(model) {
    for (const CompiledInvariant& inv : model.invariants()) {
        add(inv.name, PropertyKind::Invariant, inv.where, selection);
        if (all_.back().selected) {
            open_invariants_.push_back(all_.size() - 1);
        }
    }
    const std::span<const ActionInfo> actions = model.actions();
    changes_.reserve(actions.size() * model.invariants().size());
    for (const ActionInfo& a : actions) {
        for (const CompiledInvariant& inv : model.invariants()) {
            changes_.push_back(a.writes.intersects(inv.reads));
        }
    }
    first_assert_ = all_.size();
    for (const CompiledAssert& a : model.asserts()) {
        add(a.name, PropertyKind::Assert, a.where, selection);
    }
    runtime_ = all_.size();
    add("runtime_error", PropertyKind::Runtime, {}, selection);
    deadlock_ = all_.size();
    add("deadlock", PropertyKind::Deadlock, {}, selection);
    if (!selection.deadlock) {
        all_.back().selected = false;
        all_.back().verdict = Verdict::NotChecked;
    }
    first_liveness_ = all_.size();
    for (const CompiledLiveness& l : model.liveness()) {
        add(l.name, PropertyKind::Liveness, l.where, selection);
    }
    decidable_ = static_cast<std::size_t>(
        std::count_if(all_.begin(), all_.end(), [](const auto& p) { return p.selected; }));
    for (const std::string& name : selection.only) {
        if (std::none_of(all_.begin(), all_.end(), [&](const auto& p) { return p.name == name; })) {
            unknown_.push_back(name);
        }
    }
}

void PropertySet::add(std::string name, PropertyKind kind, SourceRange where,
                      const PropertySelection& sel) {
    PropertyStatus p;
    p.selected =
        sel.only.empty() || std::find(sel.only.begin(), sel.only.end(), name) != sel.only.end();
    p.verdict = p.selected ? Verdict::Incomplete : Verdict::NotChecked;
    p.name = std::move(name);
    p.kind = kind;
    p.where = where;
    all_.push_back(std::move(p));
}

bool PropertySet::violate(std::size_t index, Violation v) {
    PropertyStatus& p = all_[index];
    if (!p.selected || p.verdict == Verdict::Violated) {
        return false;
    }
    p.verdict = Verdict::Violated;
    p.violation = std::move(v);
    ++violated_;
    return true;
}

bool PropertySet::holds(std::size_t k, StateId id, ConstStateView s, std::uint32_t depth) {
    const std::size_t index = open_invariants_[k];
    const CompiledInvariant& inv = model_.invariants()[index];
    std::int64_t value = 0;
    const bool ok = model_.evaluate(inv.code, s, value, error_);
    if (ok && value != 0) {
        return true;
    }
    std::string message =
        ok ? "invariant '" + inv.name + "' is false"
           : "invariant '" + inv.name + "' cannot be evaluated: " + error_.message;
    violate(index, Violation{id, depth, std::nullopt, std::move(message), {}, std::nullopt});
    open_invariants_.erase(open_invariants_.begin() + static_cast<std::ptrdiff_t>(k));
    return false;
}

bool PropertySet::check_state(StateId id, ConstStateView s, std::uint32_t depth) {
    bool any = false;
    for (std::size_t k = 0; k < open_invariants_.size();) {
        if (holds(k, id, s, depth)) {
            ++k;
        } else {
            any = true;
        }
    }
    return any;
}

bool PropertySet::check_successor(StateId id, ConstStateView s, std::uint32_t depth, ActionId via) {
    const std::size_t row = static_cast<std::size_t>(via) * model_.invariants().size();
    bool any = false;
    for (std::size_t k = 0; k < open_invariants_.size();) {
        if (!changes_[row + open_invariants_[k]] || holds(k, id, s, depth)) {
            ++k;
        } else {
            any = true;
        }
    }
    return any;
}

bool PropertySet::record_failure(StateId from, const StepFailure& f, std::uint32_t depth) {
    const std::size_t index =
        f.kind == FailureKind::Assert ? first_assert_ + f.assert_id : runtime_;
    const std::string& action = model_.actions()[f.action].name;
    return violate(index, Violation{from, depth, f, action + ": " + f.message, {}, std::nullopt});
}

bool PropertySet::record_deadlock(StateId id, std::uint32_t depth) {
    return violate(deadlock_,
                   Violation{id,
                             depth,
                             std::nullopt,
                             "no step is enabled and some process is not at an end location",
                             {},
                             std::nullopt});
}

bool PropertySet::nothing_left() const noexcept {
    return violated_ >= decidable_;
}

std::vector<std::size_t> PropertySet::open_liveness() const {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; first_liveness_ + k < all_.size(); ++k) {
        const PropertyStatus& p = all_[first_liveness_ + k];
        if (p.selected && p.verdict == Verdict::Incomplete) {
            out.push_back(k);
        }
    }
    return out;
}

void PropertySet::record_liveness(std::size_t k, Verdict verdict,
                                  std::optional<Violation> violation) {
    const std::size_t index = first_liveness_ + k;
    ILV_ASSERT(index < all_.size() && all_[index].selected, "a selected liveness property");
    ILV_ASSERT((verdict == Verdict::Violated) == violation.has_value(),
               "a violation comes with its lasso");
    if (verdict == Verdict::Violated) {
        violate(index, std::move(*violation));
        return;
    }
    all_[index].verdict = verdict;
}

void PropertySet::finish(bool complete) {
    for (std::size_t i = 0; i < first_liveness_; ++i) {
        PropertyStatus& p = all_[i];
        if (p.selected && p.verdict == Verdict::Incomplete) {
            p.verdict = complete ? Verdict::Holds : Verdict::Incomplete;
        }
    }
}

} // namespace ilv
