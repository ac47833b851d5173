// One test per semantic diagnostic code, each asserting the exact rendered text.
#include "support/model_text.hpp"

#include <doctest/doctest.h>

using ilv::test::diagnose;

TEST_CASE("sema: E0201 unknown name") {
    CHECK(diagnose("model m;\nvar x: 0..3;\ninvariant i: y == 1;\n") ==
          "t.ilv:3:14: error: unknown name 'y' [E0201]\n"
          "    3 | invariant i: y == 1;\n"
          "      |              ^\n");
}

TEST_CASE("sema: E0202 duplicate name with a note at the first declaration") {
    CHECK(diagnose("model m;\nvar x: bool;\nconst x = 1;\n") ==
          "t.ilv:2:5: error: 'x' is already declared [E0202]\n"
          "    2 | var x: bool;\n"
          "      |     ^\n"
          "t.ilv:3:7: note: previous declaration of 'x' is here\n"
          "    3 | const x = 1;\n"
          "      |       ^\n");
}

TEST_CASE("sema: E0203 unknown location in a step") {
    CHECK(diagnose("model m;\nprocess p {\n  location a;\n  step s: a -> b { }\n}\n") ==
          "t.ilv:4:16: error: unknown location 'b' in process 'p' [E0203]\n"
          "    4 |   step s: a -> b { }\n"
          "      |                ^\n");
}

TEST_CASE("sema: E0204 unknown step in a liveness property") {
    CHECK(diagnose("model m;\nprocess p {\n  location a;\n  step s: a -> a { }\n}\n"
                   "liveness l: finitely often p.t;\n") ==
          "t.ilv:6:30: error: process 'p' has no step 't' [E0204]\n"
          "    6 | liveness l: finitely often p.t;\n"
          "      |                              ^\n");
}

TEST_CASE("sema: E0205 unknown function") {
    CHECK(diagnose("model m;\nprocess p {\n  location a;\n  step s: a -> a { go(); }\n}\n") ==
          "t.ilv:4:20: error: unknown function 'go' [E0205]\n"
          "    4 |   step s: a -> a { go(); }\n"
          "      |                    ^~\n");
}

TEST_CASE("sema: E0206 unknown type") {
    CHECK(diagnose("model m;\nvar x: Colour;\n") ==
          "t.ilv:2:8: error: unknown type 'Colour' [E0206]\n"
          "    2 | var x: Colour;\n"
          "      |        ^~~~~~\n");
}

TEST_CASE("sema: E0207 unknown process variable") {
    CHECK(diagnose("model m;\nprocess p {\n  location a;\n}\ninvariant i: p.v == 0;\n") ==
          "t.ilv:5:16: error: process 'p' has no variable 'v' [E0207]\n"
          "    5 | invariant i: p.v == 0;\n"
          "      |                ^\n");
}

TEST_CASE("sema: E0208 unknown process") {
    CHECK(diagnose("model m;\ninvariant i: q @ a;\n") ==
          "t.ilv:2:14: error: unknown process 'q' [E0208]\n"
          "    2 | invariant i: q @ a;\n"
          "      |              ^\n");
}

TEST_CASE("sema: E0301 type mismatch in arithmetic") {
    CHECK(diagnose("model m;\nvar b: bool;\ninvariant i: b + 1 > 0;\n") ==
          "t.ilv:3:14: error: operator '+' needs int operands, found bool [E0301]\n"
          "    3 | invariant i: b + 1 > 0;\n"
          "      |              ^~~~~\n");
}

TEST_CASE("sema: E0302 assignment to a constant") {
    CHECK(diagnose("model m;\nconst K = 1;\nprocess p {\n  location a;\n  step s: a -> a { K = 2; }\n}\n") ==
          "t.ilv:5:20: error: 'K' is not a variable [E0302]\n"
          "    5 |   step s: a -> a { K = 2; }\n"
          "      |                    ^\n");
}

TEST_CASE("sema: E0302 assignment to another process's variable") {
    CHECK(diagnose("model m;\nprocess p[i in 0..1] {\n  var v: 0..1;\n  location a;\n"
                   "  step s: a -> a { p[1 - i].v = 1; }\n}\n") ==
          "t.ilv:5:20: error: cannot assign to 'p[1].v': it belongs to another process [E0302]\n"
          "    5 |   step s: a -> a { p[1 - i].v = 1; }\n"
          "      |                    ^~~~~~~~~~\n");
}

TEST_CASE("sema: E0303 wrong argument count") {
    CHECK(diagnose("model m;\nfn f(n: 0..1) { }\nprocess p {\n  location a;\n  step s: a -> a { f(); }\n}\n") ==
          "t.ilv:5:20: error: 'f' takes 1 argument(s), given 0 [E0303]\n"
          "    5 |   step s: a -> a { f(); }\n"
          "      |                    ^~~~\n");
}

TEST_CASE("sema: E0304 indexing a scalar") {
    CHECK(diagnose("model m;\nvar x: 0..3;\ninvariant i: x[0] == 1;\n") ==
          "t.ilv:3:14: error: 'x' is not an array [E0304]\n"
          "    3 | invariant i: x[0] == 1;\n"
          "      |              ^\n");
}

TEST_CASE("sema: E0305 whole array used as a value") {
    CHECK(diagnose("model m;\nvar a[2]: 0..3;\ninvariant i: a == 1;\n") ==
          "t.ilv:3:14: error: array 'a' used as a value; index it, as in a[0] [E0305]\n"
          "    3 | invariant i: a == 1;\n"
          "      |              ^\n");
}

TEST_CASE("sema: E0306 indexing a single process") {
    CHECK(diagnose("model m;\nprocess w {\n  location a;\n}\ninvariant i: w[0] @ a;\n") ==
          "t.ilv:5:14: error: process 'w' is not a family; write w [E0306]\n"
          "    5 | invariant i: w[0] @ a;\n"
          "      |              ^~~~\n");
}

TEST_CASE("sema: E0307 a family needs an index") {
    CHECK(diagnose("model m;\nprocess p[i in 0..1] {\n  location a;\n}\ninvariant i: p @ a;\n") ==
          "t.ilv:5:14: error: process family 'p' needs an index, as in p[0] [E0307]\n"
          "    5 | invariant i: p @ a;\n"
          "      |              ^\n");
}

TEST_CASE("sema: E0401 a variable where a constant is needed") {
    CHECK(diagnose("model m;\nvar n: 0..3;\nvar a[n]: bool;\n") ==
          "t.ilv:3:7: error: 'n' is a variable, not a constant [E0401]\n"
          "    3 | var a[n]: bool;\n"
          "      |       ^\n");
}

TEST_CASE("sema: E0401 constants defined in terms of each other") {
    CHECK(diagnose("model m;\nconst A = B;\nconst B = A + 1;\n") ==
          "t.ilv:3:11: error: constant 'A' is defined in terms of itself [E0401]\n"
          "    3 | const B = A + 1;\n"
          "      |           ^\n");
}

TEST_CASE("sema: E0402 empty range") {
    CHECK(diagnose("model m;\nvar x: 3..1;\n") ==
          "t.ilv:2:8: error: empty range 3..1 [E0402]\n"
          "    2 | var x: 3..1;\n"
          "      |        ^~~~\n");
}

TEST_CASE("sema: E0403 initial value out of range") {
    CHECK(diagnose("model m;\nvar x: 0..3 = 4;\n") ==
          "t.ilv:2:15: error: initial value 4 of 'x' is out of range 0..3 [E0403]\n"
          "    2 | var x: 0..3 = 4;\n"
          "      |               ^\n");
}

TEST_CASE("sema: E0404 constant index out of bounds") {
    CHECK(diagnose("model m;\nvar a[2]: bool;\ninvariant i: a[2];\n") ==
          "t.ilv:3:16: error: index 2 out of bounds for 'a' (size 2) [E0404]\n"
          "    3 | invariant i: a[2];\n"
          "      |                ^\n");
}

TEST_CASE("sema: E0405 division by zero in a constant") {
    CHECK(diagnose("model m;\nconst K = 4 / (2 - 2);\n") ==
          "t.ilv:2:11: error: constant expression: division by zero [E0405]\n"
          "    2 | const K = 4 / (2 - 2);\n"
          "      |           ^~~~~~~~~~~\n");
}

TEST_CASE("sema: E0406 initialiser length") {
    CHECK(diagnose("model m;\nvar a[3]: bool = [true, false];\n") ==
          "t.ilv:2:18: error: 'a' has 3 elements but the list has 2 [E0406]\n"
          "    2 | var a[3]: bool = [true, false];\n"
          "      |                  ^~~~~~~~~~~~~\n");
}

TEST_CASE("sema: E0407 overflow in a constant") {
    CHECK(diagnose("model m;\nconst K = 4611686018427387903 * 4;\n") ==
          "t.ilv:2:11: error: constant expression: integer overflow [E0407]\n"
          "    2 | const K = 4611686018427387903 * 4;\n"
          "      |           ^~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("sema: E0408 range too wide") {
    CHECK(diagnose("model m;\nvar x: 0..4294967296;\n") ==
          "t.ilv:2:8: error: range has more than 2^32 values [E0408]\n"
          "    2 | var x: 0..4294967296;\n"
          "      |        ^~~~~~~~~~~~~\n");
}

TEST_CASE("sema: E0409 array size") {
    CHECK(diagnose("model m;\nvar a[0]: bool;\n") ==
          "t.ilv:2:7: error: array size must be an int from 1 to 65536 [E0409]\n"
          "    2 | var a[0]: bool;\n"
          "      |       ^\n");
}

TEST_CASE("sema: E0501 recursion between fns") {
    CHECK(diagnose("model m;\nfn f() { g(); }\nfn g() { f(); }\n") ==
          "t.ilv:2:4: error: function 'f' is recursive ('f' -> 'g' -> 'f'); fns are inlined [E0501]\n"
          "    2 | fn f() { g(); }\n"
          "      |    ^\n");
}

TEST_CASE("sema: E0502 a process without locations") {
    CHECK(diagnose("model m;\nprocess p {\n}\n") ==
          "t.ilv:2:9: error: process 'p' declares no location [E0502]\n"
          "    2 | process p {\n"
          "      |         ^\n");
}

TEST_CASE("sema: E0503 state too large") {
    CHECK(diagnose("model m;\nvar a[65536]: 0..255;\n") ==
          "t.ilv:1:7: error: the state needs more than 32 KiB [E0503]\n"
          "    1 | model m;\n"
          "      |       ^\n");
}

TEST_CASE("sema: E0504 too many actions") {
    CHECK(diagnose("model m;\nprocess p {\n  location a;\n  step s(k in 0..2000000): a -> a { }\n}\n") ==
          "t.ilv:4:8: error: more than 1048576 actions (steps times parameter values) [E0504]\n"
          "    4 |   step s(k in 0..2000000): a -> a { }\n"
          "      |        ^\n");
}

TEST_CASE("sema: E0601 and E0602 bad -D overrides") {
    CHECK(diagnose("model m;\nconst B = true;\n", {{"C", 1}}) ==
          "t.ilv: error: -D C: the model has no const 'C' [E0601]\n");
    CHECK(diagnose("model m;\nconst B = true;\n", {{"B", 2}}) ==
          "t.ilv: error: -D B=2: 'B' is a bool constant, give 0 or 1 [E0602]\n");
}

TEST_CASE("sema: E0001 unreadable file") {
    const auto r = ilv::load_model_file("/nonexistent/x.ilv", {});
    CHECK(r.rendered() ==
          "/nonexistent/x.ilv: error: cannot read: No such file or directory [E0001]\n");
}

TEST_CASE("sema: E0001 a directory is not a model") {
    const auto r = ilv::load_model_file(ILV_SOURCE_DIR, {});
    CHECK(r.rendered() == std::string(ILV_SOURCE_DIR) + ": error: cannot read: is a directory [E0001]\n");
}

TEST_CASE("sema: every error of a file is reported") {
    const auto r = ilv::test::load("model m;\nvar x: 0..3 = 9;\nvar y: bool = 1;\ninvariant i: z;\n");
    CHECK(r.model == nullptr);
    CHECK(r.diagnostics.error_count() == 3);
}

TEST_CASE("sema: E0505 exponential inlining is cut off with a diagnostic") {
    std::string text = "model m;\nvar x: 0..1;\nfn f0() { x = 0; }\n";
    for (int k = 1; k <= 24; ++k) {
        const std::string prev = "f" + std::to_string(k - 1);
        text += "fn f" + std::to_string(k) + "() { " + prev + "(); " + prev + "(); }\n";
    }
    text += "process p {\n  location a;\n  step s: a -> a { f24(); }\n}\n";
    const auto r = ilv::test::load(text);
    CHECK(r.model == nullptr);
    CHECK(r.rendered().find("instructions after inlining fn calls; call fewer fns from fns [E0505]") !=
          std::string::npos);
}
