// XML escaping for the JUnit report: markup characters, control characters, invalid UTF-8.
#include "cli/xml_text.hpp"

#include <doctest/doctest.h>

using ilv::cli::repair_utf8;
using ilv::cli::xml_escape;

TEST_CASE("unit: xml_escape escapes the five markup characters in text and attributes") {
    CHECK(xml_escape("a&b<c>d\"e'f", false) == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
    CHECK(xml_escape("a&b<c>d\"e'f", true) == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
    CHECK(xml_escape("&amp;", false) == "&amp;amp;");
}

TEST_CASE("unit: xml_escape keeps line ends in text and encodes them in attributes") {
    CHECK(xml_escape("a\tb\nc\rd", false) == "a\tb\nc&#13;d");
    CHECK(xml_escape("a\tb\nc\rd", true) == "a&#9;b&#10;c&#13;d");
}

TEST_CASE("unit: xml_escape makes the control characters XML forbids visible") {
    CHECK(xml_escape(std::string("a\0b", 3), false) == "a\\x00b");
    CHECK(xml_escape("\x01\x1B\x7F", true) == "\\x01\\x1B\\x7F");
}

TEST_CASE("unit: xml_escape keeps valid UTF-8 and replaces the non-characters U+FFFE and U+FFFF") {
    CHECK(xml_escape("caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x90\x9B", false) ==
          "caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x90\x9B");
    CHECK(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBF", false) == "x\xEF\xBF\xBDy\xEF\xBF\xBD");
}

TEST_CASE("unit: repair_utf8 replaces each byte that starts no well-formed sequence") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(repair_utf8("ok") == "ok");
    CHECK(repair_utf8("\xC3\x28") == fffd + "(");                        // missing continuation
    CHECK(repair_utf8("\xC0\xAF") == fffd + fffd);                       // overlong
    CHECK(repair_utf8("\xED\xA0\x80") == fffd + fffd + fffd);            // surrogate
    CHECK(repair_utf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd); // past U+10FFFF
    CHECK(repair_utf8("a\xE2\x86") == "a" + fffd + fffd);                // truncated at the end
    CHECK(repair_utf8("\xFF") == fffd);
}
