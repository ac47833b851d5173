#pragma once
/// \file
/// Index types shared by every layer. Plain aliases keep the hot loops free of wrappers;
/// the names document which table an index points into.

#include <cstdint>
#include <limits>

namespace ilv {

/// Index into `TransitionSystem::actions()`; also the successor order.
using ActionId = std::uint32_t;
/// Index of a process instance (declaration order, then family index).
using ProcessId = std::uint32_t;
/// Index of a state in the explorer's store; insertion order (BFS order for BFS).
using StateId = std::uint32_t;
/// Index of a slot (one scalar variable or array element, or a location counter) in the layout.
using SlotId = std::uint32_t;

/// Marker for "no state", e.g. the parent of the initial state.
inline constexpr StateId no_state = std::numeric_limits<StateId>::max();

} // namespace ilv
