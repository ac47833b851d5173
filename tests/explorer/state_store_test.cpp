#include "explorer/state_store.hpp"

#include "explorer/chunked_array.hpp"

#include <array>
#include <cstdint>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

/// A distinct 2-word state for every `i`, spread over both words.
std::array<Word, 2> state_of(std::uint64_t i) {
    return {i * 3 + 1, i >> 5};
}

/// Inserts `state_of(i)` for i in [from, to), each new and numbered `i`.
void insert_fresh(StateStore& store, std::uint64_t from, std::uint64_t to) {
    for (std::uint64_t i = from; i < to; ++i) {
        const StateStore::Insert r = store.find_or_insert(state_of(i));
        REQUIRE(r.inserted);
        REQUIRE(r.id == i);
    }
}

} // namespace

TEST_CASE("state_store: find_or_insert hands out dense ids and recognises duplicates") {
    StateStore store(2);
    const auto a = state_of(10);
    const auto b = state_of(11);
    const StateStore::Insert first = store.find_or_insert(a);
    CHECK(first.inserted);
    CHECK(first.id == 0);
    const StateStore::Insert second = store.find_or_insert(b);
    CHECK(second.inserted);
    CHECK(second.id == 1);
    const StateStore::Insert again = store.find_or_insert(a);
    CHECK_FALSE(again.inserted);
    CHECK(again.id == 0);
    CHECK(store.size() == 2);
    CHECK(store.state(1)[0] == b[0]);
    CHECK(store.state(1)[1] == b[1]);
}

TEST_CASE("state_store: find does not insert") {
    StateStore store(2);
    CHECK(store.find(state_of(1)) == no_state);
    CHECK(store.size() == 0);
    store.find_or_insert(state_of(1));
    CHECK(store.find(state_of(1)) == 0);
    CHECK(store.find(state_of(2)) == no_state);
}

TEST_CASE("state_store: grows past its load factor without losing ids or moving states") {
    StateStore store(2);
    const std::size_t initial_capacity = store.capacity();
    store.find_or_insert(state_of(0));
    const Word* first = store.state(0).data();
    constexpr std::uint64_t count = 200000;
    for (std::uint64_t i = 1; i < count; ++i) {
        const StateStore::Insert r = store.find_or_insert(state_of(i));
        REQUIRE(r.inserted);
        REQUIRE(r.id == i);
        CHECK(4 * store.size() <= 3 * store.capacity());
    }
    CHECK(store.capacity() > initial_capacity);
    CHECK(store.state(0).data() == first);
    for (std::uint64_t i = 0; i < count; ++i) {
        REQUIRE(store.find(state_of(i)) == i);
        const StateStore::Insert r = store.find_or_insert(state_of(i));
        REQUIRE_FALSE(r.inserted);
        REQUIRE(r.id == i);
        REQUIRE(store.state(static_cast<StateId>(i))[0] == state_of(i)[0]);
    }
    CHECK(store.size() == count);
}

TEST_CASE("state_store: every seed gives the same set semantics") {
    for (std::uint64_t seed = 0; seed < 16; ++seed) {
        StateStore store(1, seed);
        for (Word v = 0; v < 5000; ++v) {
            const std::array<Word, 1> s{v % 3000}; // the last 2000 are duplicates
            const StateStore::Insert r = store.find_or_insert(s);
            REQUIRE(r.inserted == (v < 3000));
            REQUIRE(r.id == v % 3000);
        }
        CHECK(store.size() == 3000);
    }
}

TEST_CASE("state_store: memory_bytes_after_insert predicts every allocation") {
    StateStore store(2);
    std::size_t grew = 0;
    for (std::uint64_t i = 0; i < 100000; ++i) {
        const std::size_t before = store.memory_bytes();
        const std::size_t predicted = store.memory_bytes_after_insert();
        const bool allocation_free = store.spare() > 0;
        store.find_or_insert(state_of(i));
        REQUIRE(store.memory_bytes() == predicted);
        REQUIRE(allocation_free == (predicted == before));
        grew += predicted > before ? 1U : 0U;
    }
    // 16-byte states in 1 MiB chunks of 65536: chunks at inserts 0 and 65536. The index doubles
    // from 2^10 entries whenever 3/4 full: at sizes 768, 1536, ..., 98304, i.e. 8 times, to 2^18.
    CHECK(grew == 2 + 8);
    CHECK(store.capacity() == std::size_t{1} << 18);
}

TEST_CASE("state_store: a sharded index keeps ids, lookups and load factor") {
    for (const unsigned bits : {1U, 2U, 3U}) {
        CAPTURE(bits);
        StateStore store(2, default_hash_seed, bits);
        CHECK(store.shards() == std::size_t{1} << bits);
        constexpr std::uint64_t count = 100000;
        insert_fresh(store, 0, count);
        CHECK(4 * store.size() <= 3 * store.capacity());
        for (std::uint64_t i = 0; i < count; i += 7) {
            REQUIRE(store.find(state_of(i)) == i);
        }
        CHECK(store.find(state_of(count)) == no_state);
    }
}

namespace {

/// Claims `states` in order in `store` (one thread owns every shard) and returns the answers.
std::vector<std::uint32_t> claim_all(StateStore& store,
                                     const std::vector<std::array<Word, 2>>& states,
                                     std::vector<std::size_t>& slots) {
    std::vector<const Word*> batch;
    for (const auto& s : states) {
        batch.push_back(s.data());
    }
    const auto base = static_cast<StateId>(store.size());
    std::vector<std::uint32_t> answers;
    slots.assign(states.size(), 0);
    for (std::uint32_t p = 0; p < states.size(); ++p) {
        answers.push_back(store.claim(states[p], store.hash(states[p]), base, p, batch, slots[p]));
    }
    return answers;
}

} // namespace

TEST_CASE("state_store: claims find stored states, repeats in the batch and new states") {
    StateStore store(2, default_hash_seed, 1);
    store.find_or_insert(state_of(0));
    store.find_or_insert(state_of(1));
    // Positions: 0 new, 1 stored (id 1), 2 repeat of 0, 3 new, 4 new (dropped later).
    const std::vector<std::array<Word, 2>> batch{state_of(5), state_of(1), state_of(5), state_of(6),
                                                 state_of(7)};
    std::vector<std::size_t> slots;
    const std::vector<std::uint32_t> answers = claim_all(store, batch, slots);
    CHECK(answers == std::vector<std::uint32_t>{2 + 0, 1, 2 + 0, 2 + 3, 2 + 4});
    // Number the claims as a search would (position 3 before 0), dropping position 4.
    CHECK(store.append(batch[3]) == 2);
    CHECK(store.append(batch[0]) == 3);
    store.settle_claim(slots[3], 2);
    store.settle_claim(slots[0], 3);
    store.settle_claim(slots[4], no_state);
    CHECK(store.size() == 4);
    CHECK(store.find(state_of(6)) == 2);
    CHECK(store.find(state_of(5)) == 3);
    CHECK(store.find(state_of(7)) == no_state); // a dropped claim matches nothing
    const StateStore::Insert again = store.find_or_insert(state_of(7));
    CHECK(again.inserted);
    CHECK(again.id == 4);
    CHECK(store.find(state_of(7)) == 4);
}

TEST_CASE("state_store: reserve grows for the incoming entries and threads rebuild it together") {
    StateStore store(2, default_hash_seed, 1);
    constexpr std::uint64_t count = 50000;
    insert_fresh(store, 0, count);
    const std::size_t before = store.capacity();
    const std::vector<std::size_t> none(store.shards(), 0);
    CHECK_FALSE(store.reserve(none));
    CHECK(store.capacity() == before);
    // About 25,000 states per shard: 2^16 slots per shard (3/4 full at 49,152). Taking 50,000
    // more needs 75,000 <= 3/4 of the shard: 2^17 slots per shard, one doubling.
    CHECK(before == std::size_t{1} << 17);
    const std::vector<std::size_t> many(store.shards(), count);
    CHECK(store.index_bytes_after_reserve(many) == 2 * before * sizeof(std::uint32_t));
    REQUIRE(store.reserve(many));
    CHECK(store.capacity() == 2 * before);
    constexpr unsigned threads = 3;
    for (const bool clearing : {true, false}) {
        std::vector<std::thread> pool;
        for (unsigned k = 0; k < threads; ++k) {
            pool.emplace_back([&store, k, clearing] {
                if (clearing) {
                    store.clear_part(k, threads);
                } else {
                    store.fill_part(k, threads);
                }
            });
        }
        for (std::thread& t : pool) {
            t.join();
        }
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        REQUIRE(store.find(state_of(i)) == i);
    }
    CHECK(store.find(state_of(count)) == no_state);
    // The per-shard counts were rebuilt too: room for `count` more in each shard, no growth.
    CHECK_FALSE(store.reserve(many));
    insert_fresh(store, count, 2 * count);
    CHECK(store.capacity() == 2 * before);
}

TEST_CASE("chunked_array: records keep their address while chunks are added") {
    ChunkedArray<std::uint32_t> a(3, 64); // 64 bytes / 12 per record -> 4 records per chunk
    std::vector<const std::uint32_t*> where;
    for (std::uint32_t i = 0; i < 50; ++i) {
        std::span<std::uint32_t> r = a.push();
        r[0] = i;
        r[1] = i + 1;
        r[2] = i + 2;
        where.push_back(r.data());
    }
    CHECK(a.size() == 50);
    CHECK(a.spare() == 2); // 13 chunks of 4
    for (std::uint32_t i = 0; i < 50; ++i) {
        CHECK(a.at(i).data() == where[i]);
        CHECK(a.at(i)[2] == i + 2);
    }
}
