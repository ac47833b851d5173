#include "model/state_layout.hpp"

#include <doctest/doctest.h>

using namespace ilv;

TEST_CASE("state_layout: packs fields without straddling words") {
    StateLayout layout;
    const SlotId a = layout.add("a", SlotKind::Int, -3, 4);   // 8 values -> 3 bits
    const SlotId b = layout.add("b", SlotKind::Bool, 0, 1);   // 1 bit
    const SlotId c = layout.add("c", SlotKind::Int, 0, (std::int64_t{1} << 61) - 1); // 61 bits
    layout.finish();
    CHECK(layout.words() == 2);
    CHECK(layout.slot(c).word == 1);
    CHECK(layout.slot(c).shift == 0);
    std::vector<Word> s(layout.words(), 0);
    layout.set(s, a, -3);
    layout.set(s, b, 1);
    layout.set(s, c, 12345);
    CHECK(layout.get(s, a) == -3);
    CHECK(layout.get(s, b) == 1);
    CHECK(layout.get(s, c) == 12345);
    CHECK(layout.is_canonical(s));
    layout.set(s, a, 4);
    CHECK(layout.get(s, a) == 4);
    CHECK(layout.get(s, b) == 1);
}

TEST_CASE("state_layout: detects padding bits and round-trips values") {
    StateLayout layout;
    const SlotId a = layout.add("a", SlotKind::Int, 0, 2);
    layout.add("loc", SlotKind::Location, 0, 1, {"idle", "busy"});
    layout.finish();
    std::vector<Word> s(layout.words(), 0);
    CHECK(layout.is_canonical(s));
    s[0] |= Word{1} << 40;
    CHECK_FALSE(layout.is_canonical(s));
    CHECK(layout.pack({2, 1}, s));
    CHECK(layout.unpack(s) == std::vector<std::int64_t>{2, 1});
    CHECK_FALSE(layout.pack({3, 1}, s));
    CHECK(layout.format(1, 1) == "busy");
    layout.set(s, a, 3); // value 3 fits the 2-bit field but not the range 0..2
    CHECK_FALSE(layout.is_canonical(s));
}
