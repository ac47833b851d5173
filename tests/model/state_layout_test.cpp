#include "model/state_layout.hpp"

#include "model/state.hpp"

#include <doctest/doctest.h>

using namespace ilv;

TEST_CASE("state_layout: packs fields without straddling words") {
    StateLayout layout;
    const SlotId a = layout.add("a", SlotKind::Int, -3, 4); // 8 values -> 3 bits
    const SlotId b = layout.add("b", SlotKind::Bool, 0, 1); // 1 bit
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

TEST_CASE("successor_buffer: clear_for_reuse empties the buffer and keeps it usable") {
    SuccessorBuffer buffer(3);
    for (ActionId a = 0; a < 40; ++a) { // 120 words: several cache lines of both arrays
        StateView s = buffer.push(a);
        s[0] = a;
        s[1] = a + 1;
        s[2] = a + 2;
    }
    buffer.clear_for_reuse();
    CHECK(buffer.size() == 0);
    StateView s = buffer.push(7);
    s[0] = 70;
    s[1] = 71;
    s[2] = 72;
    REQUIRE(buffer.size() == 1);
    CHECK(buffer.action(0) == 7);
    CHECK(buffer.state(0)[0] == 70);
    CHECK(buffer.state(0)[2] == 72);
    buffer.clear_for_reuse(); // after a short use, and again on an empty buffer
    buffer.clear_for_reuse();
    CHECK(buffer.size() == 0);
}
