#include "explorer/memory.hpp"

#include "explorer/huge_pages.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>

#include <doctest/doctest.h>

using namespace ilv;

TEST_CASE("memory: RSS grows when memory is touched and the peak follows it") {
    const std::uint64_t before = current_rss_bytes();
    REQUIRE(before > 0);
    constexpr std::size_t size = std::size_t{64} << 20;
    const auto block = std::make_unique<unsigned char[]>(size);
    std::fill(block.get(), block.get() + size, static_cast<unsigned char>(1));
    const std::uint64_t during = current_rss_bytes();
    CHECK(during >= before + size / 2);
    CHECK(peak_rss_bytes() >= during);
    CHECK(block[size / 2] == 1);
}

TEST_CASE("huge_pages: large arrays are 2 MiB-aligned, small ones plain; both usable") {
    constexpr std::size_t huge = std::size_t{2} << 20;
    const HugeArray<std::uint32_t> big = allocate_huge<std::uint32_t>(huge); // 8 MiB
    REQUIRE(big != nullptr);
    CHECK(reinterpret_cast<std::uintptr_t>(big.get()) % huge == 0);
    std::fill_n(big.get(), huge, 7U);
    CHECK(big[huge - 1] == 7U);
    const HugeArray<std::uint32_t> small = allocate_huge<std::uint32_t>(10);
    REQUIRE(small != nullptr);
    std::fill_n(small.get(), 10, 3U);
    CHECK(small[9] == 3U);
    const HugeArray<std::uint32_t> odd = allocate_huge<std::uint32_t>(huge / 4 + 1); // 2 MiB + 4
    REQUIRE(odd != nullptr);
    odd[huge / 4] = 5U; // the last value, in the second huge page
    CHECK(odd[huge / 4] == 5U);
}
