// Compiling with known values: a family's own index, unrolled loops and quantifiers, constant
// fn arguments. The compiled code must behave exactly as the general code would: the same
// values, the same run-time errors, no new compile-time errors.
#include "support/model_text.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace ilv;
using namespace ilv::test; // load, expand, slot_value, initial_state

TEST_CASE("specialize: a guard that is false for an instance never enables its action") {
    const auto r = load(R"(model m;
var x: 0..9;
process p[c in 0..3] {
  location l;
  step s: l -> l when c >= 2 && c < 4 && x == 0 { x = c; }
}
)");
    REQUIRE(r.model);
    CHECK(r.model->actions().size() == 4); // every action is still listed (coverage names them)
    const Expansion e = expand(*r.model, initial_state(*r.model));
    CHECK(e.actions == std::vector<std::string>{"p[2].s", "p[3].s"});
}

TEST_CASE("specialize: an unrolled loop may index out of bounds where it never runs") {
    const auto r = load(R"(model m;
var a[2]: 0..3;
process p {
  location l;
  step s: l -> l { for k in 0..3 { if (k < 2) { a[k] = k + 1; } } }
}
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    REQUIRE(e.states.size() == 1);
    CHECK(e.failures.empty());
    CHECK(slot_value(*r.model, e.states[0], "a[0]") == 1);
    CHECK(slot_value(*r.model, e.states[0], "a[1]") == 2);
}

TEST_CASE("specialize: an unrolled loop that does index out of bounds fails at run time") {
    const auto r = load(R"(model m;
var a[2]: 0..3;
process p {
  location l;
  step s: l -> l { for k in 0..2 { a[k] = 1; } }
}
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    CHECK(e.states.empty());
    CHECK(e.failure_messages() ==
          std::vector<std::string>{"index 2 out of bounds for 'a' (size 2)"});
}

TEST_CASE("specialize: a literal index out of bounds is still a compile-time error") {
    const auto r = load(R"(model m;
var a[2]: 0..3;
process p {
  location l;
  step s: l -> l { for k in 0..1 { a[k + 5] = 1; } a[2] = 0; }
}
)");
    CHECK_FALSE(r.model);
    const std::string text = r.rendered();
    CHECK(text.find("index 2 out of bounds for 'a' (size 2)") != std::string::npos);
    // a[k + 5] depends on the loop variable: a run-time question, not a compile-time one
    CHECK(text.find("index 5") == std::string::npos);
}

TEST_CASE("specialize: quantifiers over constant ranges, empty ones included") {
    const auto r = load(R"(model m;
var a[4]: 0..3 = [1, 0, 1, 1];
var all_empty: bool;
var any_empty: bool;
var ones: 0..9;
var some_two: bool;
var every_small: bool;
process p {
  location l, m;
  end m;
  step s: l -> m {
    all_empty = forall k in 3..2: false;
    any_empty = exists k in 3..2: true;
    ones = count k in 0..3: a[k] == 1;
    some_two = exists k in 0..3: a[k] == 2;
    every_small = forall k in 0..3: a[k] < 2;
  }
}
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    REQUIRE(e.states.size() == 1);
    const ConstStateView s = e.states[0];
    CHECK(slot_value(*r.model, s, "all_empty") == 1);
    CHECK(slot_value(*r.model, s, "any_empty") == 0);
    CHECK(slot_value(*r.model, s, "ones") == 3);
    CHECK(slot_value(*r.model, s, "some_two") == 0);
    CHECK(slot_value(*r.model, s, "every_small") == 1);
}

TEST_CASE("specialize: loops too long to unroll still run") {
    const auto r = load(R"(model m;
var evens: 0..1000;
var sum: 0..100000;
process p {
  location l, m;
  step s: l -> m {
    evens = count k in 0..999: k % 2 == 0;
    for k in 1..400 { sum = sum + k; }
  }
}
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    REQUIRE(e.states.size() == 1);
    CHECK(slot_value(*r.model, e.states[0], "evens") == 500);
    CHECK(slot_value(*r.model, e.states[0], "sum") == 400 * 401 / 2);
}

TEST_CASE("specialize: a constant fn argument out of range fails at run time, where called") {
    const auto r = load(R"(model m;
var x: 0..9;
fn set(v: 0..3) { x = v; }
process p[c in 0..1] {
  location l, m;
  step s: l -> m { if (c == 1) { set(c + 4); } else { set(c + 2); } }
}
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    CHECK(e.actions == std::vector<std::string>{"p[0].s"});
    REQUIRE(e.states.size() == 1);
    CHECK(slot_value(*r.model, e.states[0], "x") == 2);
    CHECK(e.failure_messages() ==
          std::vector<std::string>{"value 5 out of range 0..3 for parameter 'v' of 'set'"});
}

TEST_CASE("specialize: a quantified process index outside the family is a run-time error") {
    const auto r = load(R"(model m;
var ok: bool;
var bad: bool;
process q[i in 0..2] { location a, b; }
process p {
  location l, m;
  step good: l -> m { ok = forall k in 0..4: k < 3 -> q[k] @ a; }
  step wrong: l -> m { bad = forall k in 0..3: q[k] @ a; }
}
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    CHECK(e.actions == std::vector<std::string>{"p.good"});
    REQUIRE(e.states.size() == 1);
    CHECK(slot_value(*r.model, e.states[0], "ok") == 1);
    REQUIRE(e.failures.size() == 1);
    CHECK(e.failures[0].message.find("out of bounds for process family 'q'") != std::string::npos);
}
