#include "explorer/state_store.hpp"

#include "model/invariant.hpp"

#include <algorithm>
#include <new>

namespace ilv {

namespace {

/// Arena chunks of about 1 MiB: small enough that the last, partly used chunk is noise, large
/// enough that the chunk table stays tiny.
constexpr std::size_t arena_chunk_bytes = std::size_t{1} << 20;

/// Word-by-word equality; states are short, so this beats a call to memcmp.
bool same_words(ConstStateView a, ConstStateView b) noexcept {
    for (std::size_t w = 0; w < a.size(); ++w) {
        if (a[w] != b[w]) {
            return false;
        }
    }
    return true;
}

} // namespace

StateStore::StateStore(std::size_t words, std::uint64_t seed)
    : words_(words),
      seed_(seed),
      arena_(words, arena_chunk_bytes) {
    ILV_ASSERT(words > 0, "states have at least one word");
    rebuild(min_index_bits);
}

std::uint32_t StateStore::tag(std::uint64_t h) const noexcept {
    return static_cast<std::uint32_t>((h >> 32) << index_bits_);
}

std::uint32_t StateStore::entry(std::uint64_t h, StateId id) const noexcept {
    return tag(h) | (id + 1);
}

std::size_t StateStore::probe(ConstStateView s, std::uint64_t h) const noexcept {
    const std::size_t mask = capacity() - 1;
    const std::uint32_t want = tag(h);
    const std::uint32_t tag_mask = ~id_mask_;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint32_t e = index_[i];
        if (e == 0) {
            return i;
        }
        if ((e & tag_mask) == want) {
            if (same_words(arena_.at((e & id_mask_) - 1), s)) {
                return i;
            }
        }
    }
}

StateId StateStore::find_hashed(ConstStateView s, std::uint64_t h) const noexcept {
    const std::uint32_t e = index_[probe(s, h)];
    return e == 0 ? no_state : (e & id_mask_) - 1;
}

StateStore::Insert StateStore::find_or_insert_hashed(ConstStateView s, std::uint64_t h) {
    ILV_ASSERT(s.size() == words_, "state has the wrong number of words");
    std::size_t slot = probe(s, h);
    if (index_[slot] != 0) {
        return {(index_[slot] & id_mask_) - 1, false};
    }
    ILV_ASSERT(size_ < max_size(), "state store is full");
    if (size_ == grow_at_) {
        grow();
        slot = probe(s, h);
    }
    const auto id = static_cast<StateId>(size_);
    std::span<Word> copy = arena_.push();
    std::copy(s.begin(), s.end(), copy.begin());
    index_[slot] = entry(h, id);
    ++size_;
    return {id, true};
}

void StateStore::grow() {
    const unsigned bits = index_bits_ + 1;
    index_.reset(); // the arena holds everything needed to rebuild; never keep two tables
    try {
        rebuild(bits);
    } catch (const std::bad_alloc&) {
        rebuild(bits - 1); // the old size was just freed, so this normally succeeds
        throw;
    }
}

void StateStore::rebuild(unsigned bits) {
    index_ = std::make_unique<std::uint32_t[]>(std::size_t{1} << bits);
    index_bits_ = bits;
    id_mask_ = static_cast<std::uint32_t>((std::uint64_t{1} << bits) - 1);
    grow_at_ = bits == max_index_bits ? max_size() : capacity() / 4 * 3;
    // Hash a batch, prefetch its slots, then place it: the random writes overlap in memory.
    constexpr std::size_t batch = 16;
    std::uint64_t hashes[batch];
    const std::size_t mask = capacity() - 1;
    for (std::size_t first = 0; first < size_; first += batch) {
        const std::size_t count = std::min(batch, size_ - first);
        for (std::size_t k = 0; k < count; ++k) {
            hashes[k] = hash(arena_.at(first + k));
            prefetch(hashes[k]);
        }
        for (std::size_t k = 0; k < count; ++k) {
            std::size_t i = hashes[k] & mask;
            while (index_[i] != 0) {
                i = (i + 1) & mask;
            }
            index_[i] = entry(hashes[k], static_cast<StateId>(first + k));
        }
    }
}

std::size_t StateStore::spare() const noexcept {
    return std::min(arena_.spare(), grow_at_ - size_);
}

std::size_t StateStore::memory_bytes() const noexcept {
    return arena_.memory_bytes() + capacity() * sizeof(std::uint32_t);
}

std::size_t StateStore::memory_bytes_after_insert() const noexcept {
    const std::size_t entries = size_ == grow_at_ ? 2 * capacity() : capacity();
    return arena_.memory_bytes_after_push() + entries * sizeof(std::uint32_t);
}

std::size_t StateStore::insert_allocation_bytes() const noexcept {
    const std::size_t index = size_ == grow_at_ ? 2 * capacity() * sizeof(std::uint32_t) : 0;
    return arena_.push_allocation_bytes() + index;
}

} // namespace ilv
