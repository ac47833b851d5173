#pragma once
/// \file
/// The visited-state set. States live in a chunked arena (`ChunkedArray`), so a `StateId` is
/// the insertion index and a view of a stored state stays valid while the store lives. The
/// index is an open-addressing table with linear probing over 4-byte entries: the low
/// `log2(capacity)` bits hold `id + 1` (0 marks an empty entry) and the remaining high bits
/// hold a tag taken from the hash bits the bucket does not use. Since ids stay below the
/// capacity, the tag is free, and a probe compares full states only when tags match (LTSmin's
/// memoised-hash idea, without storing the hash). The table doubles at load factor 3/4 by
/// rehashing the arena; the old table is freed first, so growth never holds two tables.
/// Memory per state: state bytes + 4 / load (5.3..10.7 bytes) for the index.
///
/// For the parallel search the index can be split into 2^k equal shards chosen by the top
/// hash bits, with probing wrapping inside a shard, so threads owning different shards may
/// probe and claim entries at the same time (`claim`). A claimed entry holds a provisional id
/// (`base + position` in the caller's batch) until `settle_claim` writes the real one; states
/// are then appended in id order with `append`. With k = 0 the layout is the classic one.

#include "explorer/chunked_array.hpp"
#include "explorer/hash.hpp"
#include "explorer/huge_pages.hpp"
#include "model/ids.hpp"
#include "model/state.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace ilv {

/// Visited states with dense ids. Not thread-safe.
class StateStore {
public:
    /// The result of `find_or_insert`.
    struct Insert {
        StateId id;    ///< the state's id, old or new
        bool inserted; ///< true when the state was not stored before
    };

    /// A store for states of `words` words each, hashed with `seed`, its index split into
    /// 2^`shard_bits` shards (0: one table; more lets threads claim entries in parallel).
    explicit StateStore(std::size_t words, std::uint64_t seed = default_hash_seed,
                        unsigned shard_bits = 0);

    /// The hash the store uses for `s`; pass it to the `*_hashed` calls to hash once.
    [[nodiscard]] std::uint64_t hash(ConstStateView s) const noexcept {
        return hash_words(s, seed_);
    }

    /// Hints the CPU to load the index entry `h` probes first (batching hides cache misses).
    void prefetch(std::uint64_t h) const noexcept { __builtin_prefetch(index_.get() + home(h)); }

    /// Number of index shards (a power of two).
    [[nodiscard]] std::size_t shards() const noexcept { return std::size_t{1} << shard_bits_; }

    /// The shard that states with hash `h` belong to.
    [[nodiscard]] std::size_t shard_of(std::uint64_t h) const noexcept {
        return static_cast<std::size_t>((h >> 1) >> (63 - shard_bits_));
    }

    /// The id of `s`, storing it first when new. Requires `size() < max_size()` and a
    /// canonical state of `words()` words.
    Insert find_or_insert(ConstStateView s) { return find_or_insert_hashed(s, hash(s)); }

    /// `find_or_insert` with `h == hash(s)` already computed.
    Insert find_or_insert_hashed(ConstStateView s, std::uint64_t h);

    /// The id of `s`, or `no_state` when it is not stored.
    [[nodiscard]] StateId find(ConstStateView s) const noexcept { return find_hashed(s, hash(s)); }

    /// `find` with `h == hash(s)` already computed.
    [[nodiscard]] StateId find_hashed(ConstStateView s, std::uint64_t h) const noexcept;

    /// Grows the index, if needed, so that every shard `s` can take `incoming[s]` more entries
    /// without growing. A growth rebuilds the index from the stored states, which drops every
    /// unsettled claim; returns true when that happened. Then the new index is allocated but
    /// not filled: the caller must run `clear_part` and then `fill_part` for every part before
    /// any other call.
    bool reserve(std::span<const std::size_t> incoming);

    /// Part `k` of `threads` of the rebuild `reserve` began, in two rounds: every thread
    /// clears its part of the index, then (after all have) every thread enters its part of
    /// the stored states. Threads run a round at once for different `k`; entries are claimed
    /// with compare-and-swap, as neighbours may probe into the same shard.
    void clear_part(unsigned k, unsigned threads) noexcept;
    /// The second round of the rebuild; see `clear_part`.
    void fill_part(unsigned k, unsigned threads) noexcept;

    /// Index bytes after `reserve(incoming)`; lets a caller check a memory budget first.
    [[nodiscard]] std::size_t
    index_bytes_after_reserve(std::span<const std::size_t> incoming) const noexcept;

    /// For the parallel search: the stored id of `s` (hash `h`, shard owned by the calling
    /// thread), or, when absent, a claim on an empty entry. Entries claimed earlier in the same
    /// batch hold `base + p` for batch position `p`, whose state is `batch[p]`; `base` must be
    /// `size()`. Returns the stored id (< base), `base + p` of an earlier claim on the same
    /// state, or `base + position` after claiming a new entry, whose index goes to `slot`.
    /// Threads may call it at once for states of different shards, and nothing else may run.
    std::uint32_t claim(ConstStateView s, std::uint64_t h, StateId base, std::uint32_t position,
                        std::span<const Word* const> batch, std::size_t& slot) noexcept;

    /// Replaces the provisional id of the claimed entry `slot` by `id`, or by a value no
    /// lookup matches when `id == no_state` (the claim was dropped). Thread-safe per shard.
    void settle_claim(std::size_t slot, StateId id) noexcept {
        const std::uint32_t value = id == no_state ? id_mask_ : id + 1;
        index_[slot] = (index_[slot] & ~id_mask_) | value;
    }

    /// Stores `s` as state `size()` without touching the index: for a state whose entry was
    /// claimed. Not thread-safe.
    StateId append(ConstStateView s);

    /// Stored state `id` (< size()); the view stays valid while the store lives.
    [[nodiscard]] ConstStateView state(StateId id) const noexcept { return arena_.at(id); }

    /// Number of stored states.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// Words per state.
    [[nodiscard]] std::size_t words() const noexcept { return words_; }

    /// The most states this store can hold (the index is limited to 2^32 entries).
    [[nodiscard]] static constexpr std::size_t max_size() noexcept {
        return (std::size_t{1} << max_index_bits) / 4 * 3;
    }

    /// Inserts that can happen before any allocation (a new arena chunk or index growth).
    [[nodiscard]] std::size_t spare() const noexcept;

    /// Index entries (a power of two).
    [[nodiscard]] std::size_t capacity() const noexcept { return std::size_t{1} << index_bits_; }

    /// Bytes allocated now: arena chunks plus index.
    [[nodiscard]] std::size_t memory_bytes() const noexcept;
    /// What `memory_bytes()` will be after inserting one more new state (growth included);
    /// lets a caller refuse the insert before it exceeds a memory budget.
    [[nodiscard]] std::size_t memory_bytes_after_insert() const noexcept;
    /// Bytes that inserting one more new state allocates (a new arena chunk, a doubled
    /// index), ignoring what it frees; 0 when it allocates nothing. For RSS projections,
    /// since an allocator need not return freed memory to the system.
    [[nodiscard]] std::size_t insert_allocation_bytes() const noexcept;

private:
    static constexpr unsigned min_index_bits = 10;
    static constexpr unsigned max_index_bits = 32;

    /// The entry value for state `id` with hash `h` at the current capacity.
    [[nodiscard]] std::uint32_t entry(std::uint64_t h, StateId id) const noexcept;
    /// The tag bits of the entries of states with hash `h`.
    [[nodiscard]] std::uint32_t tag(std::uint64_t h) const noexcept;

    /// The first slot probed for hash `h`: inside its shard.
    [[nodiscard]] std::size_t home(std::uint64_t h) const noexcept {
        return (h & within_mask_) | (shard_of(h) << (index_bits_ - shard_bits_));
    }

    /// The slot probed after `i`, wrapping inside the shard of `i`.
    [[nodiscard]] std::size_t next_slot(std::size_t i) const noexcept {
        return (i & ~within_mask_) | ((i + 1) & within_mask_);
    }

    /// Entries a shard may hold before the index grows.
    [[nodiscard]] std::size_t shard_limit() const noexcept { return shard_limit(index_bits_); }

    /// Entries a shard of an index of 2^bits entries may hold (3/4 of its slots).
    [[nodiscard]] std::size_t shard_limit(unsigned bits) const noexcept {
        return (std::size_t{1} << (bits - shard_bits_)) / 4 * 3;
    }

    /// Writes entry `value` of a state with hash `h` into the first empty slot it probes.
    void place(std::uint64_t h, std::uint32_t value) noexcept;
    /// `place` while other threads place entries too.
    void place_concurrently(std::uint64_t h, std::uint32_t value) noexcept;
    /// Index bits needed so that every shard takes `incoming` more entries.
    [[nodiscard]] unsigned bits_for(std::span<const std::size_t> incoming) const noexcept;
    /// The first slot probed from `h` holding `s` or, failing that, the first empty slot.
    [[nodiscard]] std::size_t probe(ConstStateView s, std::uint64_t h) const noexcept;
    /// Entries the fullest shard may still take before the index grows.
    [[nodiscard]] std::size_t room() const noexcept;
    /// Replaces the index by one of 2^bits entries holding every stored state.
    void resize(unsigned bits);
    /// Frees the index and allocates one of 2^bits entries, not yet filled; on bad_alloc
    /// rebuilds the old size and rethrows.
    void replace_index(unsigned bits);
    /// Allocates an index of 2^bits entries, not yet cleared (see `fill_shards`).
    void allocate(unsigned bits);
    /// Allocates an empty index of 2^bits entries and enters states 0..size()-1 into it.
    void rebuild(unsigned bits);

    std::size_t words_;
    std::uint64_t seed_;
    ChunkedArray<Word> arena_;
    HugeArray<std::uint32_t> index_;
    unsigned index_bits_ = min_index_bits;
    std::uint32_t id_mask_ = 0;   ///< low index_bits_ bits set
    unsigned shard_bits_ = 0;     ///< log2 of the number of shards
    std::size_t within_mask_ = 0; ///< slot bits inside a shard

    /// Entries in one shard, claims included; a cache line each, as threads claim at once.
    struct alignas(64) Used {
        std::size_t entries = 0;
    };

    std::vector<Used> used_;
    std::size_t size_ = 0;
};

} // namespace ilv
