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

#include "explorer/chunked_array.hpp"
#include "explorer/hash.hpp"
#include "model/ids.hpp"
#include "model/state.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace ilv {

/// Visited states with dense ids. Not thread-safe.
class StateStore {
public:
    /// The result of `find_or_insert`.
    struct Insert {
        StateId id;    ///< the state's id, old or new
        bool inserted; ///< true when the state was not stored before
    };

    /// A store for states of `words` words each, hashed with `seed`.
    explicit StateStore(std::size_t words, std::uint64_t seed = default_hash_seed);

    /// The hash the store uses for `s`; pass it to the `*_hashed` calls to hash once.
    [[nodiscard]] std::uint64_t hash(ConstStateView s) const noexcept {
        return hash_words(s, seed_);
    }

    /// Hints the CPU to load the index entry `h` probes first (batching hides cache misses).
    void prefetch(std::uint64_t h) const noexcept {
        __builtin_prefetch(index_.get() + (h & (capacity() - 1)));
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
    /// The first slot probed from `h` holding `s` or, failing that, the first empty slot.
    [[nodiscard]] std::size_t probe(ConstStateView s, std::uint64_t h) const noexcept;
    /// Doubles the index and reinserts every stored state.
    void grow();
    /// Allocates an empty index of 2^bits entries and enters states 0..size()-1 into it.
    void rebuild(unsigned bits);

    std::size_t words_;
    std::uint64_t seed_;
    ChunkedArray<Word> arena_;
    std::unique_ptr<std::uint32_t[]> index_;
    unsigned index_bits_ = min_index_bits;
    std::uint32_t id_mask_ = 0; ///< low index_bits_ bits set
    std::size_t grow_at_ = 0;   ///< size at which the next insert first grows the index
    std::size_t size_ = 0;
};

} // namespace ilv
