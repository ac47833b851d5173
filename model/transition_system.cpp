#include "model/transition_system.hpp"

namespace ilv {

std::size_t TransitionSystem::successors(ConstStateView s, SuccessorBuffer& out,
                                         FailureBuffer& failures) const {
    std::size_t enabled = 0;
    const auto count = static_cast<ActionId>(actions().size());
    for (ActionId a = 0; a < count; ++a) {
        if (successors(s, a, out, failures)) {
            ++enabled;
        }
    }
    return enabled;
}

bool TransitionSystem::is_valid_end(ConstStateView /*s*/) const { return true; }

} // namespace ilv
