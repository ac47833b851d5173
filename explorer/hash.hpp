#pragma once
/// \file
/// Hashing of packed states. Each word goes through a multiply / xor-shift mix into the
/// accumulator, and the result through a 64-bit avalanche finaliser (the fmix64 family), so
/// both the low bits (bucket) and the high bits (tag) of the result are usable. Good
/// avalanche, not cryptographic. Seeded, so tests can sweep seeds and a later hash-compaction
/// mode can draw independent hashes.

#include "model/state.hpp"

#include <cstdint>
#include <span>

namespace ilv {

/// The seed the state store uses unless told otherwise (any value works; this one is odd).
inline constexpr std::uint64_t default_hash_seed = 0x2545F4914F6CDD1DULL;

/// The 64-bit avalanche finaliser: a bijection on 64-bit values in which every input bit
/// affects every output bit with probability close to one half.
[[nodiscard]] constexpr std::uint64_t hash_finalise(std::uint64_t h) noexcept {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

/// Hash of a packed state (any number of words). For a fixed word count it is injective on
/// single-word inputs, so distinct 1-word states never share a 64-bit hash.
[[nodiscard]] constexpr std::uint64_t hash_words(std::span<const Word> words,
                                                 std::uint64_t seed) noexcept {
    std::uint64_t h = seed ^ (0x9E3779B97F4A7C15ULL * (words.size() + 1));
    for (const Word w : words) {
        std::uint64_t x = w * 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 31;
        h = (h ^ x) * 0x94D049BB133111EBULL;
        h ^= h >> 29;
    }
    return hash_finalise(h);
}

} // namespace ilv
