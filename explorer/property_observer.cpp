#include "explorer/property_observer.hpp"

namespace ilv {

Next PropertyObserver::after(bool decided) const {
    if (decided && (stop_first_ || properties_.nothing_left())) {
        return Next::Stop;
    }
    return Next::Continue;
}

Next PropertyObserver::on_state(StateId id, ConstStateView s, std::uint32_t depth) {
    return after(properties_.check_state(id, s, depth));
}

Next PropertyObserver::on_successor(StateId id, ConstStateView s, std::uint32_t depth,
                                    ActionId via) {
    return after(properties_.check_successor(id, s, depth, via));
}

Next PropertyObserver::on_failure(StateId from, const StepFailure& f, std::uint32_t depth) {
    return after(properties_.record_failure(from, f, depth));
}

Next PropertyObserver::on_deadlock(StateId id, ConstStateView /*s*/, std::uint32_t depth) {
    return after(properties_.record_deadlock(id, depth));
}

} // namespace ilv
