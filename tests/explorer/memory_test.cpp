#include "explorer/memory.hpp"

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
