#include "cli/por_setup.hpp"

namespace ilv::cli {

namespace {

/// The slots read by the selected invariants: the reduction must not hide their changes (C2).
VarSet visible_slots(const CompiledModel& model, const PropertySet& properties) {
    VarSet visible;
    for (const CompiledInvariant& inv : model.invariants()) {
        for (const PropertyStatus& p : properties.statuses()) {
            if (p.kind == PropertyKind::Invariant && p.name == inv.name && p.selected) {
                visible.merge(inv.reads);
            }
        }
    }
    return visible;
}

} // namespace

PorSetup setup_por(const CompiledModel& model, const PropertySet& properties, bool requested) {
    PorSetup out;
    if (!requested) {
        return out;
    }
    if (!properties.open_liveness().empty()) {
        out.note = "off (liveness properties selected: full search)";
        return out;
    }
    out.tables = std::make_unique<PartialOrder>(model, visible_slots(model, properties));
    out.note = out.tables->qualifying_sites() == 0
                   ? "on (no step of this model qualifies: the graph is the full one)"
                   : "on (states and transitions of the reduced graph; counterexamples need not "
                     "be shortest)";
    return out;
}

} // namespace ilv::cli
