// Terminal text helpers: widths in characters, shortening, wrapping and styled lines.
#include "traces/text_canvas.hpp"

#include <doctest/doctest.h>

using namespace ilv::text;

TEST_CASE("unit: display_width counts characters, not UTF-8 bytes") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("a → b") == 5); // the arrow is three bytes
    CHECK(display_width("│┃╭") == 3);
}

TEST_CASE("unit: fit keeps short text and cuts long text to exactly the width with an ellipsis") {
    CHECK(fit("check", 5) == "check");
    CHECK(fit("take_left", 6) == "take_…");
    CHECK(display_width(fit("→ has_left", 5)) == 5);
    CHECK(fit("→ has_left", 5) == "→ ha…");
    CHECK(fit("abc", 0).empty());
}

TEST_CASE("unit: wrap never exceeds the width and prefers breaking at spaces") {
    const auto lines = wrap("the processes are at: phil[0] @ has_left, phil[1] @ has_left", 24);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "the processes are at:");
    CHECK(lines[1] == "phil[0] @ has_left,");
    CHECK(lines[2] == "phil[1] @ has_left");
    const auto cut = wrap("abcdefghij", 4);
    CHECK(cut == std::vector<std::string>{"abcd", "efgh", "ij"});
    CHECK(wrap("", 10) == std::vector<std::string>{""});
    for (const std::string& l : wrap("x → y → z → w → v", 3)) {
        CHECK(display_width(l) <= 3);
    }
}

TEST_CASE("unit: styled lines pad by characters and add escape codes only in colour") {
    StyledLine line;
    line.add("→", "1;31").pad_to(4).add("x").pad_to(10);
    CHECK(line.width() == 10);
    CHECK(line.render(false) == "→   x");
    CHECK(line.render(true) == "\x1b[1;31m→\x1b[0m   x");
    StyledLine more;
    more.add("ab").append(line);
    CHECK(more.width() == 12);
}
