#include "model/parser.hpp"

#include "tests/model/ast_sexpr.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace ilv;
using test::sexpr;

namespace {

/// The examples of design/language.md, copied verbatim (all three blocks, in order).
constexpr std::string_view language_examples =
    R"ilv(model md_lifecycle;                   // required first line: the model's name

const OPENERS = 2;                    // integer constants; `interleave check -D OPENERS=3` overrides
const SEED_FIX = 1;                   // switches are just constants used in guards/effects

enum Hold { NONE, UNTIL_IOCTL, UNTIL_STOP };

var listed: bool = false;             // a global with a type and an initial value
var active: 0..4 = 0;                 // bounded integer range (bounds are constant expressions)
var hold: Hold = NONE;
var reg[2]: 0..3 = 0;                 // array of 2 elements, each 0..3, all initialised to 0
var owner[2]: bool = [true, false];   // or element by element

fn put() {                            // inline procedure: statements over globals and params,
  active = active - 1;                // may call other fns, never recursively
  if (active == 0 && hold == NONE) { listed = false; }
}
fn bump(n: 0..3) { active = active + n; }
process opener[i in 0..OPENERS-1] {   // a family of OPENERS identical processes; `i` is the index
  var disk: 0..3 = 0;                 // process-local variables, one copy per instance
  var restarts: 0..3 = 0;
  location idle, found, mismatch, opened, closed;   // the first one is initial
  end idle, closed;                   // locations where stopping is not a deadlock

  step lookup: idle -> found when reg[0] != 0 { disk = reg[0]; }
  step retry: mismatch -> idle { restarts = restarts + 1; }
  step open: found -> opened when listed { bump(1); }
  step close: opened -> closed { put(); }
  step ioctl(c in Hold): opened -> opened when c != NONE { hold = c; }   // one transition per value
}

process worker {                      // a single process (no family)
  location wait;
  end wait;
  step delete: wait -> wait when !listed && active == 0 { reg[0] = 0; }
}
invariant retry_at_most_once: forall k in 0..OPENERS-1: opener[k].restarts <= 1;
invariant no_open_on_dying: forall k in 0..OPENERS-1: opener[k] @ opened -> listed;

liveness no_udev_loop: finitely often udev.open;          // no fair cycle that fires udev.open
liveness disappears: (active == 0 && hold == NONE) leadsto !listed;
)ilv";

/// Parses `text`, requiring that it produces no diagnostics.
ast::Model parse_clean(std::string_view text) {
    Diagnostics diags;
    ast::Model model = parse_model(text, diags);
    INFO(render_all(diags, "t.ilv", text));
    CHECK(diags.all().empty());
    return model;
}

/// The tree of `expr` parsed as an invariant body.
std::string expr_tree(const std::string& expr) {
    const ast::Model model = parse_clean("model m;\ninvariant i: " + expr + ";\n");
    REQUIRE(model.invariants.size() == 1);
    return sexpr(*model.invariants[0].expr);
}

/// The statements of `body` parsed as the block of a `fn`.
std::string block_tree(const std::string& body) {
    const ast::Model model = parse_clean("model m;\nfn f() {\n" + body + "\n}\n");
    REQUIRE(model.fns.size() == 1);
    return sexpr(model.fns[0].body);
}

std::vector<std::string> texts(const std::vector<ast::Ident>& idents) {
    std::vector<std::string> out;
    for (const ast::Ident& i : idents) {
        out.push_back(i.text);
    }
    return out;
}

} // namespace

TEST_CASE("parser: binary operators bind by the precedence table") {
    CHECK(expr_tree("a + b * c") == "(+ a (* b c))");
    CHECK(expr_tree("a * b + c") == "(+ (* a b) c)");
    CHECK(expr_tree("a % b / c * d") == "(* (/ (% a b) c) d)");
    CHECK(expr_tree("a + b < c - d") == "(< (+ a b) (- c d))");
    CHECK(expr_tree("a < b == c >= d") == "(== (< a b) (>= c d))");
    CHECK(expr_tree("a == b && c != d") == "(&& (== a b) (!= c d))");
    CHECK(expr_tree("a || b && c") == "(|| a (&& b c))");
    CHECK(expr_tree("a && b || c && d") == "(|| (&& a b) (&& c d))");
    CHECK(expr_tree("(a + b) * c") == "(* (+ a b) c)");
}

TEST_CASE("parser: left associativity of binary operators") {
    CHECK(expr_tree("a - b - c") == "(- (- a b) c)");
    CHECK(expr_tree("a / b / c") == "(/ (/ a b) c)");
    CHECK(expr_tree("a != b == c") == "(== (!= a b) c)");
    CHECK(expr_tree("a || b || c") == "(|| (|| a b) c)");
}

TEST_CASE("parser: implication and conditional are right associative and loosest") {
    CHECK(expr_tree("a -> b -> c") == "(-> a (-> b c))");
    CHECK(expr_tree("a || b -> c && d") == "(-> (|| a b) (&& c d))");
    CHECK(expr_tree("a ? b : c ? d : e") == "(? a b (? c d e))");
    CHECK(expr_tree("a -> b ? c : d") == "(-> a (? b c d))");
    CHECK(expr_tree("a ? b : c -> d") == "(-> (? a b c) d)");
    CHECK(expr_tree("a || b ? c + 1 : d") == "(? (|| a b) (+ c 1) d)");
    CHECK(expr_tree("a ? b -> c : d") == "(? a (-> b c) d)");
}

TEST_CASE("parser: unary operators bind tighter than binary, postfix tighter still") {
    CHECK(expr_tree("!a && -b < c") == "(&& (! a) (< (neg b) c))");
    CHECK(expr_tree("- -a") == "(neg (neg a))");
    CHECK(expr_tree("a - -1") == "(- a (neg 1))");
    CHECK(expr_tree("-a[1].x") == "(neg (. (idx a 1) x))");
    CHECK(expr_tree("!p @ cs") == "(! (@ p cs))");
    CHECK(expr_tree("p[0] @ cs && p[1] @ cs") == "(&& (@ (idx p 0) cs) (@ (idx p 1) cs))");
    CHECK(expr_tree("worker @ wait || a[i + 1][j] == self.v") ==
          "(|| (@ worker wait) (== (idx (idx a (+ i 1)) j) (. self v)))");
}

TEST_CASE("parser: a quantifier body extends as far right as possible") {
    CHECK(expr_tree("forall k in 0..N-1: a[k] > 0 && b") ==
          "(forall k 0 (- N 1) (&& (> (idx a k) 0) b))");
    CHECK(expr_tree("x && exists k in 1+1..2*N: y || z -> w") ==
          "(&& x (exists k (+ 1 1) (* 2 N) (-> (|| y z) w)))");
    CHECK(expr_tree("(count k in 0..2: a[k] == 1) <= 1") ==
          "(<= (count k 0 2 (== (idx a k) 1)) 1)");
    CHECK(expr_tree("c ? forall k in 0..1: x : y") == "(? c (forall k 0 1 x) y)");
}

TEST_CASE("parser: literals, names and array literals") {
    CHECK(expr_tree("true != false") == "(!= true false)");
    CHECK(expr_tree("4611686018427387903") == "4611686018427387903");
    CHECK(expr_tree("[1, 2 + 3, x]") == "[1 (+ 2 3) x]");
}

TEST_CASE("parser: expression ranges cover their source text, parentheses included") {
    const std::string text = "model m;\ninvariant i: (a + b) * c[2];\n";
    const ast::Model model = parse_clean(text);
    REQUIRE(model.invariants.size() == 1);
    const ast::Expr& e = *model.invariants[0].expr;
    CHECK(e.range.begin.column == 14);
    CHECK(e.range.end.column == 28);
    const auto& mul = std::get<ast::BinaryExpr>(e.node);
    CHECK(mul.lhs->range.begin.column == 14);
    CHECK(mul.lhs->range.end.column == 21);
    CHECK(mul.rhs->range.begin.column == 24);
    CHECK(model.invariants[0].range.begin == SourceLoc{2, 1, 9});
    CHECK(model.invariants[0].range.end.column == 29);
}

TEST_CASE("parser: the examples of language.md parse without errors") {
    const ast::Model m = parse_clean(language_examples);
    CHECK(m.name.text == "md_lifecycle");
    REQUIRE(m.consts.size() == 2);
    CHECK(m.consts[1].name.text == "SEED_FIX");
    CHECK(sexpr(*m.consts[1].value) == "1");
    REQUIRE(m.enums.size() == 1);
    CHECK(texts(m.enums[0].members) ==
          std::vector<std::string>{"NONE", "UNTIL_IOCTL", "UNTIL_STOP"});
    REQUIRE(m.vars.size() == 5);
    CHECK(m.vars[0].type.kind == ast::TypeExpr::Kind::Bool);
    CHECK(m.vars[1].type.kind == ast::TypeExpr::Kind::Range);
    CHECK(sexpr(*m.vars[1].type.hi) == "4");
    CHECK(m.vars[2].type.kind == ast::TypeExpr::Kind::Named);
    CHECK(m.vars[2].type.name.text == "Hold");
    CHECK(m.vars[2].size == nullptr);
    CHECK(sexpr(*m.vars[3].size) == "2");
    CHECK(sexpr(*m.vars[4].init) == "[true false]");
    REQUIRE(m.fns.size() == 2);
    CHECK(sexpr(m.fns[0].body) ==
          "((= active (- active 1)) (if (&& (== active 0) (== hold NONE)) ((= listed false)) ()))");
    REQUIRE(m.fns[1].params.size() == 1);
    CHECK(m.fns[1].params[0].name.text == "n");
    CHECK(m.fns[1].params[0].type.kind == ast::TypeExpr::Kind::Range);
    REQUIRE(m.invariants.size() == 2);
    CHECK(sexpr(*m.invariants[1].expr) ==
          "(forall k 0 (- OPENERS 1) (-> (@ (idx opener k) opened) listed))");
}

TEST_CASE("parser: processes, families, members and steps of language.md") {
    const ast::Model m = parse_clean(language_examples);
    REQUIRE(m.processes.size() == 2);
    const ast::ProcessDecl& opener = m.processes[0];
    CHECK(opener.family);
    CHECK(opener.index.text == "i");
    CHECK(sexpr(*opener.lo) == "0");
    CHECK(sexpr(*opener.hi) == "(- OPENERS 1)");
    REQUIRE(opener.locals.size() == 2);
    CHECK(opener.locals[1].name.text == "restarts");
    CHECK(texts(opener.locations) ==
          std::vector<std::string>{"idle", "found", "mismatch", "opened", "closed"});
    CHECK(texts(opener.ends) == std::vector<std::string>{"idle", "closed"});
    REQUIRE(opener.steps.size() == 5);
    CHECK(opener.steps[0].from.text == "idle");
    CHECK(opener.steps[0].to.text == "found");
    CHECK(sexpr(*opener.steps[0].guard) == "(!= (idx reg 0) 0)");
    CHECK(sexpr(opener.steps[0].body) == "((= disk (idx reg 0)))");
    CHECK(opener.steps[1].guard == nullptr);
    CHECK(sexpr(opener.steps[2].body) == "((call bump 1))");
    const ast::StepDecl& ioctl = opener.steps[4];
    REQUIRE(ioctl.params.size() == 1);
    CHECK(ioctl.params[0].name.text == "c");
    CHECK(ioctl.params[0].type.name.text == "Hold");
    CHECK(ioctl.range.begin.line == 29);
    CHECK(ioctl.range.begin.column == 3);
    const ast::ProcessDecl& worker = m.processes[1];
    CHECK_FALSE(worker.family);
    CHECK(sexpr(*worker.steps[0].guard) == "(&& (! listed) (== active 0))");
}

TEST_CASE("parser: liveness properties of both kinds") {
    const ast::Model m = parse_clean(std::string(language_examples) +
                                     "liveness indexed: finitely often opener[OPENERS-1].retry;\n");
    REQUIRE(m.liveness.size() == 3);
    CHECK(m.liveness[0].kind == ast::LivenessDecl::Kind::FinitelyOften);
    CHECK(m.liveness[0].step.process.text == "udev");
    CHECK(m.liveness[0].step.index == nullptr);
    CHECK(m.liveness[0].step.step.text == "open");
    CHECK(m.liveness[1].kind == ast::LivenessDecl::Kind::LeadsTo);
    CHECK(sexpr(*m.liveness[1].premise) == "(&& (== active 0) (== hold NONE))");
    CHECK(sexpr(*m.liveness[1].consequence) == "(! listed)");
    CHECK(sexpr(*m.liveness[2].step.index) == "(- OPENERS 1)");
    CHECK(m.liveness[2].step.step.text == "retry");
}

TEST_CASE("parser: statements of every kind") {
    CHECK(block_tree("x = 1; a[k] = 2; self.v = 3; p[1].w = 4;") ==
          "((= x 1) (= (idx a k) 2) (= (. self v) 3) (= (. (idx p 1) w) 4))");
    CHECK(block_tree("g(); h(1, x + 1);") == "((call g) (call h 1 (+ x 1)))");
    CHECK(block_tree("for v in 0..N-1 { a[v] = v; }") == "((for v 0 (- N 1) ((= (idx a v) v))))");
    CHECK(block_tree(R"(assert(x > 0, "x must be \"positive\"");)") ==
          R"(((assert (> x 0) "x must be "positive"")))");
}

TEST_CASE("parser: else if nests an if statement as the only statement of the else block") {
    CHECK(block_tree("if (a) { x = 1; } else if (b) { x = 2; } else { x = 3; }") ==
          "((if a ((= x 1)) ((if b ((= x 2)) ((= x 3))))))");
    CHECK(block_tree("if (a) { } else { if (b) { x = 2; } y = 1; }") ==
          "((if a () ((if b ((= x 2)) ()) (= y 1))))");
}

TEST_CASE("parser: location and end lines concatenate; step parameters and types") {
    const ast::Model m = parse_clean(R"(model m;
process p {
  location a, b;
  end b;
  location c;
  end a;
  step s(x in 0..2, y in bool, z in E): a -> c { }
  step t(): c -> c when x { }
}
)");
    REQUIRE(m.processes.size() == 1);
    const ast::ProcessDecl& p = m.processes[0];
    CHECK(texts(p.locations) == std::vector<std::string>{"a", "b", "c"});
    CHECK(texts(p.ends) == std::vector<std::string>{"b", "a"});
    REQUIRE(p.steps.size() == 2);
    REQUIRE(p.steps[0].params.size() == 3);
    CHECK(p.steps[0].params[0].type.kind == ast::TypeExpr::Kind::Range);
    CHECK(p.steps[0].params[1].type.kind == ast::TypeExpr::Kind::Bool);
    CHECK(p.steps[0].params[2].type.kind == ast::TypeExpr::Kind::Named);
    CHECK(p.steps[1].params.empty());
    CHECK(p.range.begin == SourceLoc{2, 1, 9});
    CHECK(p.range.end.line == 9);
}
