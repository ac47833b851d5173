// `interleave export promela`: the shape of the Promela it writes and the errors it reports.
// Whether SPIN agrees with us on the exports is checked by the `spin` ctests.
#include "model/promela_export.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

PromelaResult exported(const std::string& text, const Overrides& overrides = {}) {
    return export_promela_text(text, "t.ilv", overrides);
}

/// Number of times `needle` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

/// The Promela text between `active [` or `active proctype` of the first process and the
/// monitor (the model's own proctypes).
std::string proctypes(const std::string& promela) {
    const std::size_t from = promela.find("active");
    const std::size_t to = promela.find("/* The monitor");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    return promela.substr(from, to - from);
}

constexpr const char* two_counters = R"(model m;
const N = 2;
enum Mode { SLOW, FAST };
var total: 0..3 = 0;
process p[i in 0..N-1] {
  var mine: 0..1 = 0;
  location run, done;
  end done;
  step add(m in Mode, b in bool): run -> run when total < 3 && mine == 0 { mine = 1; }
  step stop: run -> done { }
}
)";

} // namespace

TEST_CASE("unit: export promela writes one active proctype per family and one d_step per action") {
    const PromelaResult r = exported(two_counters);
    REQUIRE(r.promela);
    const std::string procs = proctypes(*r.promela);
    CHECK(occurrences(procs, "active [2] proctype p()") == 1);
    // add: 2 modes x 2 bools, stop: 1, written once for the whole family.
    CHECK(occurrences(procs, "d_step") == 5);
    CHECK(occurrences(procs, "/* add(SLOW, false) */") == 1);
    CHECK(occurrences(procs, "/* add(FAST, true) */") == 1);
    CHECK(occurrences(*r.promela, "#define FAST 1") == 1);
}

TEST_CASE("unit: export promela applies -D overrides before translating") {
    const PromelaResult r = exported(two_counters, {{"N", 3}});
    REQUIRE(r.promela);
    CHECK(occurrences(*r.promela, "active [3] proctype p()") == 1);
    CHECK(occurrences(*r.promela, "#define N 3") == 1);
    CHECK(occurrences(*r.promela, "byte p_mine[3] = 0;") == 1);
}

TEST_CASE("unit: export promela leaves checks out of steps that cannot fail") {
    const PromelaResult r = exported(two_counters);
    REQUIRE(r.promela);
    CHECK(occurrences(proctypes(*r.promela), "ILV_VIOLATION") == 0);
}

TEST_CASE("unit: export promela checks a store that may leave its range and rolls the step back") {
    const PromelaResult r = exported(R"(model m;
var a: 0..3 = 0;
var b: bool = false;
process p { location run; step s: run -> run { b = true; a = a + 2; } }
)");
    REQUIRE(r.promela);
    const std::string procs = proctypes(*r.promela);
    CHECK(occurrences(procs, "if :: !((a + 2) <= 3) -> ILV_VIOLATION(\"ilv-violation "
                             "runtime_error\\n\"); goto ilv_fail_0 :: else fi") == 1);
    // b is written before the check, so it is saved first and restored on failure; a is not.
    CHECK(occurrences(procs, "ilv_sv_b = b") == 1);
    CHECK(occurrences(procs, "ilv_fail_0: b = ilv_sv_b") == 1);
    CHECK(occurrences(procs, "ilv_sv_a") == 0);
}

TEST_CASE("unit: export promela names asserts as interleave check does") {
    const PromelaResult r = exported(R"(model m;
var a: 0..3 = 0;
fn f() { assert(a < 3, "low"); }
process p { location run; step s: run -> run { f(); assert(a != 2, "not two"); } }
)");
    REQUIRE(r.promela);
    CHECK(occurrences(*r.promela, "\"ilv-violation f.assert1\\n\"") == 1);
    CHECK(occurrences(*r.promela, "\"ilv-violation p.s.assert1\\n\"") == 1);
}

TEST_CASE("unit: export promela renames names that are Promela keywords") {
    const PromelaResult r = exported(R"(model m;
var skip: bool = false;
var len: 0..2 = 0;
process p { location run; step s: run -> run when !skip { skip = len == 0; } }
)");
    REQUIRE(r.promela);
    CHECK(occurrences(*r.promela, "bool skip_1 = false;") == 1);
    CHECK(occurrences(*r.promela, "byte len_1 = 0;") == 1);
    CHECK(occurrences(*r.promela, "skip_1 = (len_1 == 0)") == 1);
}

TEST_CASE("unit: export promela makes SPIN keep a variable that nothing reads") {
    const PromelaResult r = exported(R"(model m;
var x: 0..2 = 0;
process p { location run; step s(c in 0..1): run -> run { x = c + 1; } }
)");
    REQUIRE(r.promela);
    CHECK(occurrences(*r.promela, ":: false && x == 0") == 1);
}

TEST_CASE("unit: export promela writes different initial values as a list") {
    const PromelaResult r = exported(R"(model m;
var owner[3]: bool = [true, false, true];
process q[k in 0..1] { var id: 0..3 = k + 1; location run; step s: run -> run when owner[id] { } }
)");
    REQUIRE(r.promela);
    CHECK(occurrences(*r.promela, "bool owner[3] = { true, false, true };") == 1);
    CHECK(occurrences(*r.promela, "byte q_id[2] = { 1, 2 };") == 1);
}

TEST_CASE("unit: export promela unrolls a quantifier with state-dependent bounds") {
    const PromelaResult r = exported(R"(model m;
var n: 0..2 = 0;
var a[3]: bool = false;
invariant some: exists k in 0..n: a[k];
)");
    REQUIRE(r.promela);
    CHECK(occurrences(*r.promela,
                      "((0 <= n) && a[0]) || ((1 <= n) && a[1]) || ((2 <= n) && a[2])") == 1);
}

TEST_CASE("unit: export promela reports a range beyond 32 bits as E0701") {
    const PromelaResult r = exported(R"(model m;
var big: 3000000000..3000000001 = 3000000000;
)");
    CHECK_FALSE(r.promela);
    CHECK(r.rendered().find("error: cannot export to Promela: the range of 'big' does not fit "
                            "Promela's 32-bit int [E0701]") != std::string::npos);
}

TEST_CASE("unit: export promela reports an expression that may overflow 32 bits as E0701") {
    const PromelaResult r = exported(R"(model m;
var x: 0..100000 = 0;
process p { location run; step s: run -> run when x * x > 5 { } }
)");
    CHECK_FALSE(r.promela);
    CHECK(r.rendered().find("this value (0..10000000000) may leave Promela's 32-bit int range "
                            "[E0701]") != std::string::npos);
}

TEST_CASE("unit: export promela reports more processes than SPIN allows as E0701") {
    const PromelaResult r = exported(R"(model m;
process p[i in 0..299] { location run; }
)");
    CHECK_FALSE(r.promela);
    CHECK(r.rendered().find("300 process instances and the monitor exceed SPIN's 255 processes "
                            "[E0701]") != std::string::npos);
}

TEST_CASE("unit: export promela reports model errors as the compiler does") {
    const PromelaResult r = exported(R"(model m;
var x: 0..2 = y;
)");
    CHECK_FALSE(r.promela);
    CHECK(r.rendered().find("unknown name 'y' [E0201]") != std::string::npos);
}
