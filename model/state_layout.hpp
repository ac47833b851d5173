#pragma once
/// \file
/// The packed state layout: every slot (scalar variable, array element, process location)
/// gets a bit field `(word, shift, width)` storing `value - lower`. Fields never straddle two
/// words, so get and set are one shift and one mask. Unused bits are always zero (canonical
/// form), so hashing and equality are plain word comparisons.

#include "model/ids.hpp"
#include "model/state.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ilv {

/// How a slot's integer value is shown to people (traces, viewer, reports).
enum class SlotKind { Bool, Int, Enum, Location };

/// One bit field of the packed state.
struct Slot {
    std::string name;    ///< "active", "reg[1]", "opener[0].disk", "opener[0].@" (location)
    SlotKind kind = SlotKind::Int;
    std::int64_t lower = 0;
    std::int64_t upper = 0;
    std::vector<std::string> labels; ///< enum members or location names, indexed by value
    std::uint32_t word = 0;
    std::uint32_t shift = 0;
    std::uint32_t width = 0;
    Word mask = 0; ///< (1 << width) - 1
};

/// The part of a slot that get/set need, kept apart from names so the hot loop stays in cache.
struct SlotAccess {
    std::uint32_t word = 0;
    std::uint32_t shift = 0;
    Word mask = 0;
    std::int64_t lower = 0;
    std::int64_t upper = 0;
};

/// The slot table of a model plus word-level access.
class StateLayout {
public:
    /// Appends a slot with values in [lower, upper]; returns its id. Call `finish()` after the last.
    SlotId add(std::string name, SlotKind kind, std::int64_t lower, std::int64_t upper,
               std::vector<std::string> labels = {});
    /// Assigns bit positions greedily in slot order, never straddling a word.
    void finish();

    /// Number of 64-bit words per state.
    [[nodiscard]] std::size_t words() const noexcept { return words_; }
    /// Bits actually used by slots (without padding).
    [[nodiscard]] std::size_t bits() const noexcept { return bits_; }
    /// All slots in id order.
    [[nodiscard]] const std::vector<Slot>& slots() const noexcept { return slots_; }
    /// Slot `id`.
    [[nodiscard]] const Slot& slot(SlotId id) const noexcept { return slots_[id]; }

    /// The value of slot `id` in `s`.
    [[nodiscard]] std::int64_t get(ConstStateView s, SlotId id) const noexcept {
        const SlotAccess& f = access_[id];
        return static_cast<std::int64_t>((s[f.word] >> f.shift) & f.mask) + f.lower;
    }
    /// Stores `value` (must lie in the slot's range) into slot `id` of `s`.
    void set(StateView s, SlotId id, std::int64_t value) const noexcept {
        const SlotAccess& f = access_[id];
        const Word bits = static_cast<Word>(value - f.lower) & f.mask;
        s[f.word] = (s[f.word] & ~(f.mask << f.shift)) | (bits << f.shift);
    }
    /// True when `value` fits slot `id`'s declared range.
    [[nodiscard]] bool in_range(SlotId id, std::int64_t value) const noexcept {
        return value >= access_[id].lower && value <= access_[id].upper;
    }
    /// True when every padding bit is zero and every field holds an in-range value.
    [[nodiscard]] bool is_canonical(ConstStateView s) const noexcept;
    /// All slot values of `s` in slot order (for traces).
    [[nodiscard]] std::vector<std::int64_t> unpack(ConstStateView s) const;
    /// Writes `values` (slot order) into `s`; false when a value is out of its range.
    [[nodiscard]] bool pack(const std::vector<std::int64_t>& values, StateView s) const;
    /// The value shown to a person: `true`, `NONE`, `opened`, or the number.
    [[nodiscard]] std::string format(SlotId id, std::int64_t value) const;

private:
    std::vector<Slot> slots_;
    std::vector<SlotAccess> access_; ///< compact copy of each slot's bit field, by id
    std::vector<Word> used_mask_; ///< per word: bits covered by some slot
    std::size_t words_ = 0;
    std::size_t bits_ = 0;
};

} // namespace ilv
