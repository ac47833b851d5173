#include "explorer/hash.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

constexpr std::size_t space = std::size_t{1} << 20;

/// Number of distinct values, counted with an open-addressing set (std::sort of 2^20 values
/// is slow in sanitizer builds).
std::size_t distinct(const std::vector<std::uint64_t>& values) {
    constexpr int bits = 22;
    std::vector<std::uint64_t> table(std::size_t{1} << bits, 0);
    std::vector<bool> used(table.size(), false);
    const std::size_t mask = table.size() - 1;
    std::size_t count = 0;
    for (const std::uint64_t v : values) {
        std::size_t i = (v * 0x9E3779B97F4A7C15ULL) >> (64 - bits);
        while (used[i] && table[i] != v) {
            i = (i + 1) & mask;
        }
        if (!used[i]) {
            used[i] = true;
            table[i] = v;
            ++count;
        }
    }
    return count;
}

} // namespace

TEST_CASE("hash: no collisions over every value of a 20-bit state") {
    std::vector<std::uint64_t> one_word;
    std::vector<std::uint64_t> two_words;
    for (Word v = 0; v < space; ++v) {
        const std::array<Word, 1> a{v};
        const std::array<Word, 2> b{v & 0x3FF, v >> 10}; // the same 20 bits split over two words
        one_word.push_back(hash_words(a, default_hash_seed));
        two_words.push_back(hash_words(b, default_hash_seed));
    }
    CHECK(distinct(one_word) == space);
    CHECK(distinct(two_words) == space);
}

TEST_CASE("hash: low and high bits of dense inputs spread like a random function") {
    // Throwing 2^20 balls into 2^20 bins at random fills 1 - 1/e = 63.2% of them.
    std::vector<std::uint64_t> low;
    std::vector<std::uint64_t> high;
    for (Word v = 0; v < space; ++v) {
        const std::array<Word, 1> a{v};
        const std::uint64_t h = hash_words(a, 7);
        low.push_back(h & (space - 1));
        high.push_back(h >> 44);
    }
    const double low_fill = static_cast<double>(distinct(low)) / static_cast<double>(space);
    const double high_fill = static_cast<double>(distinct(high)) / static_cast<double>(space);
    CHECK(low_fill == doctest::Approx(0.632).epsilon(0.01));
    CHECK(high_fill == doctest::Approx(0.632).epsilon(0.01));
}

TEST_CASE("hash: flipping one input bit flips about half of the output bits") {
    std::mt19937_64 rng(12345);
    constexpr int samples = 500;
    std::array<std::uint64_t, 64> output_flips{};
    std::uint64_t total = 0;
    double worst_input_bit = 32.0;
    for (int bit = 0; bit < 128; ++bit) {
        std::uint64_t flipped = 0;
        for (int k = 0; k < samples; ++k) {
            std::array<Word, 2> in{rng(), rng()};
            const std::uint64_t before = hash_words(in, default_hash_seed);
            in[static_cast<std::size_t>(bit / 64)] ^= Word{1} << (bit % 64);
            const std::uint64_t diff = before ^ hash_words(in, default_hash_seed);
            flipped += static_cast<std::uint64_t>(std::popcount(diff));
            for (std::size_t o = 0; o < 64; ++o) {
                output_flips[o] += (diff >> o) & 1U;
            }
        }
        const double mean = static_cast<double>(flipped) / samples;
        if (std::abs(mean - 32.0) > std::abs(worst_input_bit - 32.0)) {
            worst_input_bit = mean;
        }
        total += flipped;
    }
    CHECK(static_cast<double>(total) / (128.0 * samples) == doctest::Approx(32.0).epsilon(0.02));
    CHECK(worst_input_bit == doctest::Approx(32.0).epsilon(0.06));
    for (const std::uint64_t f : output_flips) {
        CHECK(static_cast<double>(f) / (128.0 * samples) == doctest::Approx(0.5).epsilon(0.05));
    }
}

TEST_CASE("hash: the seed and the word count change the hash, nothing else does") {
    const std::array<Word, 2> a{1, 2};
    const std::array<Word, 2> same{1, 2};
    const std::array<Word, 1> zero{0};
    const std::array<Word, 2> zeros{0, 0};
    CHECK(hash_words(a, 1) == hash_words(same, 1));
    CHECK(hash_words(a, 1) != hash_words(a, 2));
    CHECK(hash_words(zero, 1) != hash_words(zeros, 1));
    CHECK(hash_words(std::span<const Word>{}, 1) != hash_words(zero, 1));
}
