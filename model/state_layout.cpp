#include "model/state_layout.hpp"

#include "model/invariant.hpp"

#include <bit>

namespace ilv {

SlotId StateLayout::add(std::string name, SlotKind kind, std::int64_t lower, std::int64_t upper,
                        std::vector<std::string> labels) {
    ILV_ASSERT(lower <= upper, "slot range must be non-empty");
    Slot s;
    s.name = std::move(name);
    s.kind = kind;
    s.lower = lower;
    s.upper = upper;
    s.labels = std::move(labels);
    const auto span = static_cast<std::uint64_t>(upper - lower);
    s.width = span == 0 ? 1U : static_cast<std::uint32_t>(std::bit_width(span));
    ILV_ASSERT(s.width <= 63, "slot ranges are limited to 2^63 values");
    s.mask = (Word{1} << s.width) - 1;
    slots_.push_back(std::move(s));
    return static_cast<SlotId>(slots_.size() - 1);
}

void StateLayout::finish() {
    std::uint32_t word = 0;
    std::uint32_t used = 0;
    bits_ = 0;
    used_mask_.assign(1, 0);
    for (Slot& s : slots_) {
        if (used + s.width > 64) {
            ++word;
            used = 0;
            used_mask_.push_back(0);
        }
        s.word = word;
        s.shift = used;
        used_mask_[word] |= s.mask << s.shift;
        used += s.width;
        bits_ += s.width;
    }
    words_ = slots_.empty() ? 1 : word + 1U;
    access_.clear();
    for (const Slot& s : slots_) {
        access_.push_back({s.word, s.shift, s.mask, s.lower, s.upper});
    }
}

bool StateLayout::is_canonical(ConstStateView s) const noexcept {
    for (std::size_t w = 0; w < words_; ++w) {
        if ((s[w] & ~used_mask_[w]) != 0) {
            return false;
        }
    }
    for (SlotId id = 0; id < slots_.size(); ++id) {
        if (!in_range(id, get(s, id))) {
            return false;
        }
    }
    return true;
}

std::vector<std::int64_t> StateLayout::unpack(ConstStateView s) const {
    std::vector<std::int64_t> values;
    values.reserve(slots_.size());
    for (SlotId id = 0; id < slots_.size(); ++id) {
        values.push_back(get(s, id));
    }
    return values;
}

bool StateLayout::pack(const std::vector<std::int64_t>& values, StateView s) const {
    if (values.size() != slots_.size() || s.size() != words_) {
        return false;
    }
    for (Word& w : s) {
        w = 0;
    }
    for (SlotId id = 0; id < slots_.size(); ++id) {
        if (!in_range(id, values[id])) {
            return false;
        }
        set(s, id, values[id]);
    }
    return true;
}

std::string StateLayout::format(SlotId id, std::int64_t value) const {
    const Slot& s = slots_[id];
    switch (s.kind) {
    case SlotKind::Bool:
        return value != 0 ? "true" : "false";
    case SlotKind::Enum:
    case SlotKind::Location: {
        const auto index = static_cast<std::size_t>(value - s.lower);
        if (value >= s.lower && index < s.labels.size()) {
            return s.labels[index];
        }
        return std::to_string(value);
    }
    case SlotKind::Int:
        break;
    }
    return std::to_string(value);
}

} // namespace ilv
