#include "model/parser.hpp"
#include "tests/model/ast_sexpr.hpp"

#include <cstdint>
#include <string>

#include <doctest/doctest.h>

using namespace ilv;
using test::sexpr;

namespace {

/// Everything `parse_model` reports for `text`, rendered as the user sees it.
std::string diagnose(std::string_view text) {
    Diagnostics diags;
    (void)parse_model(text, diags);
    return render_all(diags, "t.ilv", text);
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

/// Parses `text` and returns its only diagnostic's code ("" when there is not exactly one).
std::string only_code(std::string_view text) {
    Diagnostics diags;
    (void)parse_model(text, diags);
    return diags.all().size() == 1 ? diags.all()[0].code : "";
}

} // namespace

TEST_CASE("parser: E0100 invalid characters and byte runs are reported and skipped") {
    const std::string text = "model m;\nvar x: bool = $true;\n";
    CHECK(diagnose(text) == "t.ilv:2:15: error: invalid character '$' [E0100]\n"
                            "    2 | var x: bool = $true;\n"
                            "      |               ^\n");
    Diagnostics diags;
    CHECK(parse_model(text, diags).vars.size() == 1);
    CHECK(diagnose("model m;\nvar x\x80\x81: bool;\n") ==
          "t.ilv:2:6: error: invalid byte 0x80 [E0100]\n"
          "    2 | var x??: bool;\n"
          "      |      ^~\n");
}

TEST_CASE("parser: E0101 unexpected token names what was expected and found") {
    CHECK(diagnose("model m;\nvar x: bool = true\nvar y: bool;\n") ==
          "t.ilv:3:1: error: expected ';', found 'var' [E0101]\n"
          "    3 | var y: bool;\n"
          "      | ^~~\n");
    CHECK(diagnose("model m;\nprocess p {\n  location 3;\n}\n") ==
          "t.ilv:3:12: error: expected identifier, found '3' [E0101]\n"
          "    3 |   location 3;\n"
          "      |            ^\n");
    CHECK(diagnose("model m;\ninvariant i: x +") ==
          "t.ilv:2:17: error: expected expression, found end of file [E0101]\n"
          "    2 | invariant i: x +\n"
          "      |                 ^\n");
}

TEST_CASE("parser: E0102 the file must start with the model line") {
    const std::string text = "var x: bool;\n";
    CHECK(diagnose(text) ==
          "t.ilv:1:1: error: expected 'model NAME;' as the first declaration [E0102]\n"
          "    1 | var x: bool;\n"
          "      | ^~~\n");
    Diagnostics diags;
    CHECK(parse_model(text, diags).vars.size() == 1);
    CHECK(diagnose("") ==
          "t.ilv:1:1: error: expected 'model NAME;' as the first declaration [E0102]\n");
    CHECK(diagnose("hello world\n") ==
          "t.ilv:1:1: error: expected 'model NAME;' as the first declaration [E0102]\n"
          "    1 | hello world\n"
          "      | ^~~~~\n");
}

TEST_CASE("parser: E0103 an unterminated comment is located at its opening") {
    const std::string text = "model m;\nvar x: bool; /* never\nclosed\n";
    CHECK(diagnose(text) == "t.ilv:2:14: error: unterminated comment [E0103]\n"
                            "    2 | var x: bool; /* never\n"
                            "      |              ^~\n");
    Diagnostics diags;
    CHECK(parse_model(text, diags).vars.size() == 1);
}

TEST_CASE("parser: E0104 integer literals above 2^62-1") {
    CHECK(diagnose("model m;\nconst BIG = 4611686018427387904;\n") ==
          "t.ilv:2:13: error: integer literal too large (the limit is 2^62-1) [E0104]\n"
          "    2 | const BIG = 4611686018427387904;\n"
          "      |             ^~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("parser: E0105 nesting deeper than 256 levels stops the parse") {
    // Each parenthesis opens one nesting level; the 257th '(' is on line 2 + 257.
    const std::string text =
        "model m;\ninvariant i:\n" + repeat("(\n", 300) + "x" + repeat(")", 300) + ";\n";
    CHECK(diagnose(text) == "t.ilv:259:1: error: nesting too deep (more than 256 levels; each "
                            "operator of a chain such as a + b + c counts as one) [E0105]\n"
                            "  259 | (\n"
                            "      | ^\n");
    const std::string at_limit = repeat("(", 256) + "x" + repeat(")", 256);
    CHECK(diagnose("model m;\ninvariant i: " + at_limit + ";\n").empty());
    const std::string beyond = repeat("(", 257) + "x" + repeat(")", 257);
    CHECK(only_code("model m;\ninvariant i: " + beyond + ";\n") == "E0105");
}

TEST_CASE("parser: E0106 an unterminated string ends at the end of its line") {
    CHECK(diagnose("model m;\nfn f() { assert(true, \"oops);\n}\n") ==
          "t.ilv:2:23: error: unterminated string literal [E0106]\n"
          "    2 | fn f() { assert(true, \"oops);\n"
          "      |                       ^~~~~~~\n"
          "t.ilv:3:1: error: expected ')', found '}' [E0101]\n"
          "    3 | }\n"
          "      | ^\n");
}

TEST_CASE("parser: E0107 after too many errors the parse stops") {
    const std::string text = "model m;\n" + repeat("$\n", 60) + "var x: bool;\n";
    Diagnostics diags;
    const ast::Model model = parse_model(text, diags);
    REQUIRE(diags.all().size() == Diagnostics::max_errors + 1);
    CHECK(render(diags.all().back(), "t.ilv", text) ==
          "t.ilv:52:1: error: too many errors; stopping here [E0107]\n"
          "   52 | $\n"
          "      | ^\n");
    CHECK(model.vars.empty());
}

TEST_CASE("parser: every error of a file is reported and good declarations are kept") {
    const std::string text = R"(model m;
const A = 1 +;
var ok1: bool;
process p {
  location a;
  step s: a -> a { x = 1 y = 2; z = 3; }
  step t: a -> { }
  step u: a -> a { w = 1; }
}
invariant inv: x ==;
invariant fine: true;
)";
    CHECK(diagnose(text) == "t.ilv:2:14: error: expected expression, found ';' [E0101]\n"
                            "    2 | const A = 1 +;\n"
                            "      |              ^\n"
                            "t.ilv:6:26: error: expected ';', found 'y' [E0101]\n"
                            "    6 |   step s: a -> a { x = 1 y = 2; z = 3; }\n"
                            "      |                          ^\n"
                            "t.ilv:7:16: error: expected identifier, found '{' [E0101]\n"
                            "    7 |   step t: a -> { }\n"
                            "      |                ^\n"
                            "t.ilv:10:20: error: expected expression, found ';' [E0101]\n"
                            "   10 | invariant inv: x ==;\n"
                            "      |                    ^\n");
    Diagnostics diags;
    const ast::Model m = parse_model(text, diags);
    CHECK(m.consts.empty());
    REQUIRE(m.vars.size() == 1);
    CHECK(m.vars[0].name.text == "ok1");
    REQUIRE(m.processes.size() == 1);
    REQUIRE(m.processes[0].steps.size() == 2);
    CHECK(m.processes[0].steps[0].name.text == "s");
    CHECK(sexpr(m.processes[0].steps[0].body) == "((= z 3))");
    CHECK(m.processes[0].steps[1].name.text == "u");
    REQUIRE(m.invariants.size() == 1);
    CHECK(m.invariants[0].name.text == "fine");
}

TEST_CASE("parser: recovery inside blocks keeps the following statements") {
    Diagnostics diags;
    const ast::Model m = parse_model(R"(model m;
fn f() { if (a) { x = ; } y = 1; }
fn g() { if (a ==) { x = 1; } else { x = 2; } y = 2; }
fn h() { var t: bool; z = 3; }
)",
                                     diags);
    REQUIRE(diags.all().size() == 3);
    CHECK(diags.all()[0].message == "expected expression, found ';'");
    CHECK(diags.all()[1].message == "expected expression, found ')'");
    CHECK(diags.all()[2].message == "expected statement, found 'var'");
    REQUIRE(m.fns.size() == 3);
    CHECK(sexpr(m.fns[0].body) == "((if a () ()) (= y 1))");
    CHECK(sexpr(m.fns[1].body) == "((= y 2))");
    CHECK(sexpr(m.fns[2].body) == "((= z 3))");
}

TEST_CASE("parser: a missing closing brace is reported where the next member starts") {
    const std::string text = R"(model m;
process p {
  location a;
  step s: a -> a { x = 1;
  step t: a -> a { y = 1; }
)";
    CHECK(diagnose(text) == "t.ilv:5:3: error: expected '}', found 'step' [E0101]\n"
                            "    5 |   step t: a -> a { y = 1; }\n"
                            "      |   ^~~~\n"
                            "t.ilv:6:1: error: expected '}', found end of file [E0101]\n"
                            "    6 | \n"
                            "      | ^\n");
    Diagnostics diags;
    const ast::Model m = parse_model(text, diags);
    REQUIRE(m.processes.size() == 1);
    REQUIRE(m.processes[0].steps.size() == 2);
    CHECK(sexpr(m.processes[0].steps[0].body) == "((= x 1))");
}

TEST_CASE("parser: an unclosed process ends at the next declaration keyword") {
    const std::string text = "model m;\nprocess p {\n  location a;\ninvariant i: p @ a;\n";
    CHECK(diagnose(text) == "t.ilv:4:1: error: expected '}', found 'invariant' [E0101]\n"
                            "    4 | invariant i: p @ a;\n"
                            "      | ^~~~~~~~~\n");
    Diagnostics diags;
    const ast::Model m = parse_model(text, diags);
    REQUIRE(m.processes.size() == 1);
    CHECK(m.processes[0].locations.size() == 1);
    CHECK(m.invariants.size() == 1);
}

TEST_CASE("parser: junk between declarations is reported once per run") {
    const std::string text = "model m;\n) ) 3;\nvar x: bool;\n";
    CHECK(diagnose(text) == "t.ilv:2:1: error: expected declaration, found ')' [E0101]\n"
                            "    2 | ) ) 3;\n"
                            "      | ^\n");
    Diagnostics diags;
    CHECK(parse_model(text, diags).vars.size() == 1);
}

TEST_CASE("parser: pathological nesting gives E0105, never a stack overflow") {
    const std::size_t n = 100000;
    CHECK(only_code("model m;\ninvariant i: " + repeat("(", n) + "x" + repeat(")", n) + ";") ==
          "E0105");
    CHECK(only_code("model m;\nfn f() {\n" + repeat("if (x) {", n) + repeat("}", n) + "\n}\n") ==
          "E0105");
    CHECK(only_code("model m;\nfn f() {\n" + repeat("if (x) { } else ", n) + "{ }\n}\n") ==
          "E0105");
    CHECK(only_code("model m;\ninvariant i: " + repeat("!-", n) + "x;") == "E0105");
    CHECK(only_code("model m;\ninvariant i: x" + repeat(" + x", n) + ";") == "E0105");
    CHECK(only_code("model m;\ninvariant i: x" + repeat("[0]", n) + ";") == "E0105");
    CHECK(only_code("model m;\ninvariant i: x" + repeat(" -> x", n) + ";") == "E0105");
    CHECK(only_code("model m;\ninvariant i: " + repeat("forall k in 0..1: ", n) + "x;") == "E0105");
}

TEST_CASE("parser: a 10 MB model parses completely") {
    // 1 KiB lines (a long name, then a comment) keep the tree, and so the sanitizer build's
    // allocation cost, moderate while the lexer still scans every byte.
    std::string line = "var " + std::string(200, 'v') + "[2]: 0..N-1 = [1, 2 * 3]; // ";
    line += std::string(1023 - line.size(), 'c') + "\n";
    const std::size_t count = (10u << 20U) / line.size();
    const std::string text = "model big;\n" + repeat(line, count);
    Diagnostics diags;
    const ast::Model m = parse_model(text, diags);
    CHECK(diags.all().empty());
    CHECK(m.vars.size() == count);
    CHECK(m.vars.back().range.begin.line == count + 1);
}

TEST_CASE("parser: binary garbage ends with capped diagnostics") {
    std::string garbage(10u << 20U, '\0');
    std::uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (char& c : garbage) {
        x ^= x << 13U;
        x ^= x >> 7U;
        x ^= x << 17U;
        c = static_cast<char>(x & 0xFFU);
    }
    Diagnostics diags;
    (void)parse_model(garbage, diags);
    CHECK(diags.has_errors());
    CHECK(diags.all().size() <= Diagnostics::max_errors + 1);
    Diagnostics token_soup;
    (void)parse_model("model m;\n" + repeat("process { ( ] step -> : ; } x = [ , ", 20000),
                      token_soup);
    CHECK(token_soup.all().size() == Diagnostics::max_errors + 1);
}
