// Behaviour of compiled models: actions, successors, runtime errors, asserts, access sets.
#include "support/model_text.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace ilv;
using ilv::test::expand;
using ilv::test::Expansion;
using ilv::test::initial_state;
using ilv::test::load;
using ilv::test::slot_value;

TEST_CASE("compiled_model: actions are named and ordered by process, instance, step, value") {
    const auto r = load(R"(model m;
enum Hold { NONE, UNTIL_IOCTL, UNTIL_STOP };
var hold: Hold;
process opener[i in 0..1] {
  location idle;
  step ioctl(c in Hold): idle -> idle when c != NONE { hold = c; }
}
process worker { location w; step go: w -> w { } }
)");
    REQUIRE(r.model);
    std::vector<std::string> names;
    for (const ActionInfo& a : r.model->actions()) {
        names.push_back(a.name);
    }
    CHECK(names == std::vector<std::string>{"opener[0].ioctl(NONE)", "opener[0].ioctl(UNTIL_IOCTL)",
                                            "opener[0].ioctl(UNTIL_STOP)", "opener[1].ioctl(NONE)",
                                            "opener[1].ioctl(UNTIL_IOCTL)",
                                            "opener[1].ioctl(UNTIL_STOP)", "worker.go"});
    const auto s = initial_state(*r.model);
    const Expansion e = expand(*r.model, s);
    CHECK(e.enabled == 5); // NONE is disabled by the guard, twice
    CHECK(e.actions.front() == "opener[0].ioctl(UNTIL_IOCTL)");
    CHECK(slot_value(*r.model, e.states.front(), "hold") == 1);
}

TEST_CASE("compiled_model: effects run in order and the location moves last") {
    const auto r = load(R"(model m;
var x: 0..9 = 1;
var y: 0..9;
process p { location a, b; step s: a -> b when p @ a { x = x + 2; y = x * 3; } }
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    REQUIRE(e.states.size() == 1);
    CHECK(slot_value(*r.model, e.states[0], "x") == 3);
    CHECK(slot_value(*r.model, e.states[0], "y") == 9);
    CHECK(slot_value(*r.model, e.states[0], "p.@") == 1);
    CHECK(expand(*r.model, e.states[0]).enabled == 0);
    CHECK_FALSE(r.model->is_valid_end(e.states[0]));
}

TEST_CASE("compiled_model: out-of-range assignment is a runtime error, not a wrap") {
    const auto r = load(R"(model m;
var active: 0..2 = 2;
process p { location a; step inc: a -> a { active = active + 1; } }
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    CHECK(e.states.empty());
    CHECK(e.enabled == 1);
    REQUIRE(e.failures.size() == 1);
    CHECK(e.failures[0].kind == FailureKind::Runtime);
    CHECK(e.failures[0].message == "value 3 out of range 0..2 for 'active'");
    CHECK(e.failures[0].where.begin.line == 3);
}

TEST_CASE("compiled_model: dynamic index out of bounds and division by zero are reported") {
    const auto r = load(R"(model m;
var a[2]: 0..3;
var k: 0..3 = 2;
var z: 0..3;
process p {
  location l;
  step set: l -> l { a[k] = 1; }
  step div: l -> l { z = 3 / z; }
}
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    REQUIRE(e.failures.size() == 2);
    CHECK(e.failures[0].message == "index 2 out of bounds for 'a' (size 2)");
    CHECK(e.failures[1].message == "division by zero");
}

TEST_CASE("compiled_model: failed asserts name their property") {
    const auto r = load(R"(model m;
var x: 0..3;
fn check(v: 0..3) { assert(v < 3, "v small"); }
process p {
  location l;
  step s: l -> l { assert(x == 0, "x is zero"); x = 3; check(x); }
}
)");
    REQUIRE(r.model);
    REQUIRE(r.model->asserts().size() == 2);
    CHECK(r.model->asserts()[0].name == "p.s.assert1");
    CHECK(r.model->asserts()[1].name == "check.assert1");
    const Expansion e = expand(*r.model, initial_state(*r.model));
    REQUIRE(e.failures.size() == 1);
    CHECK(e.failures[0].kind == FailureKind::Assert);
    CHECK(e.failures[0].assert_id == 1);
    CHECK(e.failures[0].message == "assertion failed: v small");
}

TEST_CASE("compiled_model: fn arguments are range-checked at the call") {
    const auto r = load(R"(model m;
var active: 0..9;
fn bump(n: 0..3) { active = active + n; }
process p { location l; step s: l -> l { bump(active + 4); } }
)");
    REQUIRE(r.model);
    const Expansion e = expand(*r.model, initial_state(*r.model));
    REQUIRE(e.failures.size() == 1);
    CHECK(e.failures[0].message == "value 4 out of range 0..3 for parameter 'n' of 'bump'");
}

TEST_CASE("compiled_model: && short-circuits, so a guarded index never fails") {
    const auto r = load(R"(model m;
const N = 2;
var a[N]: 0..3 = [1, 2];
var k: 0..3 = 2;
process p { location l; step s: l -> l when k < N && a[k] > 0 { } }
invariant q: forall j in 0..N-1: a[j] > 0;
invariant c: (count j in 0..N-1: a[j] == 2) == 1;
invariant e: exists j in 0..N-1: a[j] == 3;
)");
    REQUIRE(r.model);
    const auto s = initial_state(*r.model);
    const Expansion e = expand(*r.model, s);
    CHECK(e.failures.empty());
    CHECK(e.enabled == 0);
    std::int64_t v = -1;
    EvalError err;
    REQUIRE(r.model->evaluate(r.model->invariants()[0].code, s, v, err));
    CHECK(v == 1);
    REQUIRE(r.model->evaluate(r.model->invariants()[1].code, s, v, err));
    CHECK(v == 1);
    REQUIRE(r.model->evaluate(r.model->invariants()[2].code, s, v, err));
    CHECK(v == 0);
}

TEST_CASE("compiled_model: family members and locations reached through a dynamic index") {
    const auto r = load(R"(model m;
var turn: 0..1 = 1;
process p[i in 0..1] {
  var mine: 0..5 = i + 3;
  location a, b;
  step go: a -> b when p[turn].mine == 4 && p[1 - i] @ a { }
}
)");
    REQUIRE(r.model);
    const auto s = initial_state(*r.model);
    CHECK(slot_value(*r.model, s, "p[0].mine") == 3);
    CHECK(slot_value(*r.model, s, "p[1].mine") == 4);
    const Expansion e = expand(*r.model, s);
    CHECK(e.actions == std::vector<std::string>{"p[0].go", "p[1].go"});
}

TEST_CASE("compiled_model: read and write sets cover guards, effects and the location") {
    const auto r = load(R"(model m;
var x: 0..3;
var y: 0..3;
var a[3]: bool;
process p { location l; step s: l -> l when x > 0 { a[y] = true; } }
)");
    REQUIRE(r.model);
    const ActionInfo& info = r.model->actions()[0];
    // slots: x=0, y=1, a[0..2]=2..4, p.@=5
    CHECK(info.guard_reads.contains(0));
    CHECK(info.guard_reads.contains(5));
    CHECK_FALSE(info.guard_reads.contains(1));
    CHECK(info.reads.contains(1));
    CHECK(info.writes.contains(2));
    CHECK(info.writes.contains(4));
    CHECK(info.writes.contains(5));
    CHECK_FALSE(info.writes.contains(0));
}

TEST_CASE("compiled_model: -D overrides change constants before layout") {
    const auto r =
        load("model m;\nconst N = 2;\nprocess p[i in 0..N-1] { location l; }\n", {{"N", 4}});
    REQUIRE(r.model);
    CHECK(r.model->processes().size() == 4);
}
