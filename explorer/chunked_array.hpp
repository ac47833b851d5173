#pragma once
/// \file
/// An append-only array of fixed-width records stored in equal chunks. Growing allocates one
/// new chunk and never moves existing records, so views into it stay valid for its lifetime
/// and growth never needs twice the memory (unlike `std::vector` reallocation).

#include "model/invariant.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace ilv {

/// Records of `stride` values of `T`, indexed densely from 0 in insertion order.
/// Not thread-safe.
template <class T>
class ChunkedArray {
public:
    /// Records of `stride` values each; chunks hold a power-of-two number of records, about
    /// `chunk_bytes` bytes each (at least one record).
    ChunkedArray(std::size_t stride, std::size_t chunk_bytes) : stride_(stride) {
        ILV_ASSERT(stride > 0, "records need at least one value");
        const std::size_t record_bytes = stride * sizeof(T);
        const std::size_t records = chunk_bytes / record_bytes;
        shift_ = records < 2 ? 0 : static_cast<unsigned>(std::bit_width(records) - 1);
        mask_ = (std::size_t{1} << shift_) - 1;
    }

    /// Appends an uninitialised record and returns it for the caller to fill.
    std::span<T> push() {
        if (spare() == 0) {
            chunks_.push_back(std::make_unique_for_overwrite<T[]>(chunk_values()));
        }
        const std::size_t i = size_++;
        return {slot(i), stride_};
    }

    /// Record `i` (< size()); valid as long as the array lives.
    [[nodiscard]] std::span<const T> at(std::size_t i) const noexcept { return {slot(i), stride_}; }

    /// Mutable record `i` (< size()).
    [[nodiscard]] std::span<T> at(std::size_t i) noexcept { return {slot(i), stride_}; }

    /// Number of records appended.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// Records that can be appended before the next chunk allocation.
    [[nodiscard]] std::size_t spare() const noexcept { return (chunks_.size() << shift_) - size_; }

    /// Bytes allocated now (whole chunks plus the chunk table).
    [[nodiscard]] std::size_t memory_bytes() const noexcept {
        return chunks_.size() * chunk_values() * sizeof(T) +
               chunks_.capacity() * sizeof(std::unique_ptr<T[]>);
    }

    /// Bytes the next `push()` allocates: a chunk (and a larger chunk table) when none is
    /// spare, else 0.
    [[nodiscard]] std::size_t push_allocation_bytes() const noexcept {
        if (spare() > 0) {
            return 0;
        }
        const std::size_t table = chunks_.size() < chunks_.capacity()
                                      ? 0
                                      : std::max<std::size_t>(1, 2 * chunks_.capacity());
        return chunk_values() * sizeof(T) + table * sizeof(std::unique_ptr<T[]>);
    }

    /// What `memory_bytes()` will be after one more `push()` (a new chunk if none is spare).
    [[nodiscard]] std::size_t memory_bytes_after_push() const noexcept {
        if (spare() > 0) {
            return memory_bytes();
        }
        const std::size_t table = chunks_.size() < chunks_.capacity()
                                      ? chunks_.capacity()
                                      : std::max<std::size_t>(1, 2 * chunks_.capacity());
        return (chunks_.size() + 1) * chunk_values() * sizeof(T) +
               table * sizeof(std::unique_ptr<T[]>);
    }

private:
    [[nodiscard]] std::size_t chunk_values() const noexcept { return (mask_ + 1) * stride_; }

    [[nodiscard]] T* slot(std::size_t i) const noexcept {
        return chunks_[i >> shift_].get() + (i & mask_) * stride_;
    }

    std::size_t stride_;
    unsigned shift_ = 0;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
    std::vector<std::unique_ptr<T[]>> chunks_;
};

} // namespace ilv
