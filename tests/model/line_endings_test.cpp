// Lines and columns in diagnostics for files with Unix, Windows and old Mac line endings.
#include "support/model_text.hpp"

#include <doctest/doctest.h>

using ilv::test::diagnose;

namespace {
/// The expected diagnostic for `var x: 0..3 = 9;` on line 2, whatever ends the lines.
const char* const out_of_range = "t.ilv:2:15: error: initial value 9 of 'x' is out of range 0..3 "
                                 "[E0403]\n"
                                 "    2 | var x: 0..3 = 9; // nine\n"
                                 "      |               ^\n";
} // namespace

TEST_CASE("unit: line endings \\n, \\r\\n and a lone \\r all start a new line") {
    CHECK(diagnose("model m;\nvar x: 0..3 = 9; // nine\nprocess p { location a; end a; }\n") ==
          out_of_range);
    CHECK(
        diagnose("model m;\r\nvar x: 0..3 = 9; // nine\r\nprocess p { location a; end a; }\r\n") ==
        out_of_range);
    // A `//` comment ends at a lone \r too, instead of swallowing the rest of the file.
    CHECK(diagnose("model m;\rvar x: 0..3 = 9; // nine\rprocess p { location a; end a; }\r") ==
          out_of_range);
}
