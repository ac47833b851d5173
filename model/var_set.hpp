#pragma once
/// \file
/// A small dynamic bitset over slots, for read/write sets and property visibility.

#include "model/ids.hpp"

#include <bit>
#include <cstdint>
#include <vector>

namespace ilv {

/// Set of `SlotId`s; grows on insert.
class VarSet {
public:
    /// Adds slot `s`.
    void insert(SlotId s) {
        const std::size_t word = s / 64;
        if (word >= bits_.size()) {
            bits_.resize(word + 1, 0);
        }
        bits_[word] |= std::uint64_t{1} << (s % 64);
    }
    /// True when `s` is in the set.
    [[nodiscard]] bool contains(SlotId s) const noexcept {
        const std::size_t word = s / 64;
        return word < bits_.size() && ((bits_[word] >> (s % 64)) & 1U) != 0;
    }
    /// Adds every slot of `other`.
    void merge(const VarSet& other) {
        if (other.bits_.size() > bits_.size()) {
            bits_.resize(other.bits_.size(), 0);
        }
        for (std::size_t i = 0; i < other.bits_.size(); ++i) {
            bits_[i] |= other.bits_[i];
        }
    }
    /// True when the two sets share a slot.
    [[nodiscard]] bool intersects(const VarSet& other) const noexcept {
        const std::size_t n = bits_.size() < other.bits_.size() ? bits_.size() : other.bits_.size();
        for (std::size_t i = 0; i < n; ++i) {
            if ((bits_[i] & other.bits_[i]) != 0) {
                return true;
            }
        }
        return false;
    }
    /// Number of slots in the set.
    [[nodiscard]] std::size_t size() const noexcept {
        std::size_t n = 0;
        for (std::uint64_t w : bits_) {
            n += static_cast<std::size_t>(std::popcount(w));
        }
        return n;
    }

private:
    std::vector<std::uint64_t> bits_;
};

} // namespace ilv
