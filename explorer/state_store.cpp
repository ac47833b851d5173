#include "explorer/state_store.hpp"

#include "model/invariant.hpp"

#include <algorithm>
#include <atomic>
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

StateStore::StateStore(std::size_t words, std::uint64_t seed, unsigned shard_bits)
    : words_(words),
      seed_(seed),
      arena_(words, arena_chunk_bytes),
      shard_bits_(shard_bits),
      used_(std::size_t{1} << shard_bits) {
    ILV_ASSERT(words > 0, "states have at least one word");
    ILV_ASSERT(shard_bits < min_index_bits, "too many shards");
    rebuild(min_index_bits);
}

std::uint32_t StateStore::tag(std::uint64_t h) const noexcept {
    return static_cast<std::uint32_t>((h >> 32) << index_bits_);
}

std::uint32_t StateStore::entry(std::uint64_t h, StateId id) const noexcept {
    return tag(h) | (id + 1);
}

std::size_t StateStore::probe(ConstStateView s, std::uint64_t h) const noexcept {
    const std::uint32_t want = tag(h);
    const std::uint32_t tag_mask = ~id_mask_;
    for (std::size_t i = home(h);; i = next_slot(i)) {
        const std::uint32_t e = index_[i];
        if (e == 0) {
            return i;
        }
        if ((e & tag_mask) == want) {
            const std::size_t id = (e & id_mask_) - 1;
            if (id < size_ && same_words(arena_.at(id), s)) {
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
    const std::size_t shard = shard_of(h);
    if (used_[shard].entries == shard_limit()) {
        resize(index_bits_ + 1);
        slot = probe(s, h);
    }
    ++used_[shard].entries;
    const StateId id = append(s);
    index_[slot] = entry(h, id);
    return {id, true};
}

std::uint32_t StateStore::claim(ConstStateView s, std::uint64_t h, StateId base,
                                std::uint32_t position, std::span<const Word* const> batch,
                                std::size_t& slot) noexcept {
    const std::uint32_t want = tag(h);
    const std::uint32_t tag_mask = ~id_mask_;
    for (std::size_t i = home(h);; i = next_slot(i)) {
        const std::uint32_t e = index_[i];
        if (e == 0) {
            index_[i] = want | (base + position + 1);
            ++used_[shard_of(h)].entries;
            slot = i;
            return base + position;
        }
        if ((e & tag_mask) != want) {
            continue;
        }
        const std::uint32_t ref = (e & id_mask_) - 1;
        if (ref < base) {
            if (same_words(arena_.at(ref), s)) {
                return ref;
            }
        } else if (ref - base < position && same_words({batch[ref - base], words_}, s)) {
            return ref;
        }
    }
}

StateId StateStore::append(ConstStateView s) {
    const auto id = static_cast<StateId>(size_);
    std::span<Word> copy = arena_.push();
    std::copy(s.begin(), s.end(), copy.begin());
    ++size_;
    return id;
}

unsigned StateStore::bits_for(std::span<const std::size_t> incoming) const noexcept {
    unsigned bits = index_bits_;
    for (std::size_t s = 0; s < used_.size(); ++s) {
        while (bits < max_index_bits && used_[s].entries + incoming[s] > shard_limit(bits)) {
            ++bits;
        }
    }
    return bits;
}

bool StateStore::reserve(std::span<const std::size_t> incoming) {
    const unsigned bits = bits_for(incoming);
    if (bits == index_bits_) {
        return false;
    }
    replace_index(bits);
    return true;
}

std::size_t
StateStore::index_bytes_after_reserve(std::span<const std::size_t> incoming) const noexcept {
    return (std::size_t{1} << bits_for(incoming)) * sizeof(std::uint32_t);
}

void StateStore::resize(unsigned bits) {
    replace_index(bits);
    clear_part(0, 1);
    fill_part(0, 1);
}

void StateStore::replace_index(unsigned bits) {
    ILV_ASSERT(bits <= max_index_bits, "state store index is full");
    const unsigned old_bits = index_bits_;
    index_.reset(); // the arena holds everything needed to rebuild; never keep two tables
    try {
        allocate(bits);
    } catch (const std::bad_alloc&) {
        rebuild(old_bits); // the old size was just freed, so this normally succeeds
        throw;
    }
}

void StateStore::allocate(unsigned bits) {
    index_ = allocate_huge<std::uint32_t>(std::size_t{1} << bits);
    index_bits_ = bits;
    id_mask_ = static_cast<std::uint32_t>((std::uint64_t{1} << bits) - 1);
    within_mask_ = (std::size_t{1} << (bits - shard_bits_)) - 1;
}

void StateStore::rebuild(unsigned bits) {
    allocate(bits);
    clear_part(0, 1);
    fill_part(0, 1);
}

void StateStore::clear_part(unsigned k, unsigned threads) noexcept {
    const std::size_t begin = capacity() / threads * k;
    const std::size_t end = k + 1 == threads ? capacity() : capacity() / threads * (k + 1);
    std::fill(index_.get() + begin, index_.get() + end, 0U);
    if (k == 0) {
        std::fill(used_.begin(), used_.end(), Used{}); // the fill round adds to these
    }
}

void StateStore::fill_part(unsigned k, unsigned threads) noexcept {
    const std::size_t begin = size_ / threads * k;
    const std::size_t end = k + 1 == threads ? size_ : size_ / threads * (k + 1);
    std::vector<std::size_t> entered(used_.size(), 0);
    // Hash a batch, prefetch its slots, then place it: the random writes overlap in memory.
    constexpr std::size_t batch = 16;
    std::uint64_t hashes[batch];
    for (std::size_t first = begin; first < end; first += batch) {
        const std::size_t count = std::min(batch, end - first);
        for (std::size_t j = 0; j < count; ++j) {
            hashes[j] = hash(arena_.at(first + j));
            prefetch(hashes[j]);
        }
        for (std::size_t j = 0; j < count; ++j) {
            const std::uint32_t value = entry(hashes[j], static_cast<StateId>(first + j));
            if (threads == 1) {
                place(hashes[j], value);
            } else {
                place_concurrently(hashes[j], value);
            }
            ++entered[shard_of(hashes[j])];
        }
    }
    for (std::size_t s = 0; s < used_.size(); ++s) {
        std::atomic_ref<std::size_t>(used_[s].entries).fetch_add(entered[s]);
    }
}

void StateStore::place(std::uint64_t h, std::uint32_t value) noexcept {
    std::size_t i = home(h);
    while (index_[i] != 0) {
        i = next_slot(i);
    }
    index_[i] = value;
}

void StateStore::place_concurrently(std::uint64_t h, std::uint32_t value) noexcept {
    for (std::size_t i = home(h);; i = next_slot(i)) {
        std::atomic_ref<std::uint32_t> slot(index_[i]);
        std::uint32_t empty = 0;
        if (slot.load(std::memory_order_relaxed) == 0 &&
            slot.compare_exchange_strong(empty, value, std::memory_order_relaxed)) {
            return;
        }
    }
}

std::size_t StateStore::room() const noexcept {
    std::size_t least = shard_limit();
    for (const Used& used : used_) {
        least = std::min(least, shard_limit() - std::min(used.entries, shard_limit()));
    }
    return least;
}

std::size_t StateStore::spare() const noexcept {
    return std::min(arena_.spare(), room());
}

std::size_t StateStore::memory_bytes() const noexcept {
    return arena_.memory_bytes() + capacity() * sizeof(std::uint32_t);
}

std::size_t StateStore::memory_bytes_after_insert() const noexcept {
    const std::size_t entries = room() == 0 ? 2 * capacity() : capacity();
    return arena_.memory_bytes_after_push() + entries * sizeof(std::uint32_t);
}

std::size_t StateStore::insert_allocation_bytes() const noexcept {
    const std::size_t index = room() == 0 ? 2 * capacity() * sizeof(std::uint32_t) : 0;
    return arena_.push_allocation_bytes() + index;
}

} // namespace ilv
