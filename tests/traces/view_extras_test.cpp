// The model-dependent part of the views: source, notes, and the failed invariant explained.
#include "traces/view_extras.hpp"

#include "model/load.hpp"
#include "tests/traces/toy_system.hpp"
#include "traces/digest.hpp"
#include "traces/trace_builder.hpp"

#include <doctest/doctest.h>

using namespace ilv;

namespace {

const char* const mutex_model = R"(model m;
const N = 3;
var flag[N]: bool;
process p[i in 0..N-1] {
  location idle, ready, cs;
  step check: idle -> ready { }
  step set: ready -> cs { flag[i] = true; }
}
invariant mutex: (count k in 0..N-1: p[k] @ cs) <= 1;
invariant flags: forall k in 0..N-1: flag[k] == (p[k] @ ready);
)";

/// A trace of `mutex_model` along `actions`, violating `invariant`.
Trace trace_of(const std::vector<test::Choice>& actions, const std::string& invariant,
               const Overrides& defines = {}) {
    const LoadResult loaded = load_model_text(mutex_model, "t.ilv", defines);
    REQUIRE(loaded.model);
    std::vector<Word> initial(loaded.model->layout().words(), 0);
    loaded.model->initial(initial);
    Trace t = build_trace(*loaded.model, initial, test::walk(*loaded.model, actions));
    t.model_name = "m";
    t.model_path = "t.ilv";
    t.model_digest = model_digest(mutex_model);
    t.defines = defines;
    t.property =
        TraceProperty{invariant, "invariant", {}, "invariant '" + invariant + "' is false", ""};
    return t;
}

std::vector<std::string> lines(const ViewExtras& e) {
    std::vector<std::string> out;
    for (const ExplainedPart& p : e.explanation) {
        out.push_back(std::to_string(p.depth) + " [" + p.binding + "] " + p.expression + " = " +
                      p.value);
    }
    return out;
}

} // namespace

TEST_CASE("unit: a broken count invariant is explained by the instances that count") {
    const Trace t = trace_of({{"p[0].check"}, {"p[2].check"}, {"p[0].set"}, {"p[2].set"}}, "mutex");
    const ViewExtras e = view_extras_from_text(t, mutex_model, "t.ilv");
    CHECK(e.notes.empty());
    CHECK(e.model_text == mutex_model);
    // p[0] and p[2] are in cs, p[1] is not: the count is 2 and only k = 0 and k = 2 are listed.
    CHECK(lines(e) == std::vector<std::string>{
                          "0 [] (count k in 0..N-1: p[k] @ cs) <= 1 = false",
                          "1 [] (count k in 0..N-1: p[k] @ cs) = 2",
                          "2 [k = 0] p[k] @ cs = true",
                          "2 [k = 2] p[k] @ cs = true",
                      });
}

TEST_CASE("unit: a broken forall is explained by its false instances and their parts") {
    // After p[1].check and p[1].set: flag[1] is true and p[1] is at cs, not ready.
    const Trace t = trace_of({{"p[1].check"}, {"p[1].set"}}, "flags");
    const ViewExtras e = view_extras_from_text(t, mutex_model, "t.ilv");
    CHECK(lines(e) == std::vector<std::string>{
                          "0 [] forall k in 0..N-1: flag[k] == (p[k] @ ready) = false",
                          "1 [k = 1] flag[k] == (p[k] @ ready) = false",
                          "2 [k = 1] flag[k] = true",
                          "2 [k = 1] (p[k] @ ready) = false",
                      });
}

TEST_CASE("unit: a changed model gives a note and neither source nor explanation") {
    const Trace t = trace_of({{"p[0].check"}}, "mutex");
    const ViewExtras e =
        view_extras_from_text(t, std::string(mutex_model) + "// edited\n", "t.ilv");
    REQUIRE(e.notes.size() == 1);
    CHECK(e.notes[0].find("changed since the trace was written") != std::string::npos);
    CHECK(e.model_text.empty());
    CHECK(e.explanation.empty());
}

TEST_CASE("unit: a missing model file gives a note naming it") {
    const Trace t = trace_of({{"p[0].check"}}, "mutex");
    const ViewExtras e = load_view_extras(t, "/nonexistent/dir/t.ilv");
    REQUIRE(e.notes.size() == 1);
    CHECK(e.notes[0].find("cannot read the model /nonexistent/dir/t.ilv") != std::string::npos);
    CHECK(e.model_text.empty());
}

TEST_CASE("unit: variables that differ from the model's keep the source but skip the values") {
    // Written with N = 2, so the model with N = 3 has more variables than the trace.
    Trace t = trace_of({{"p[0].check"}}, "mutex", {{"N", 2}});
    t.defines.clear();
    const ViewExtras e = view_extras_from_text(t, mutex_model, "t.ilv");
    REQUIRE(e.notes.size() == 1);
    CHECK(e.notes[0].find("differ from the trace's") != std::string::npos);
    CHECK(!e.model_text.empty());
    CHECK(e.explanation.empty());
}

TEST_CASE("unit: properties other than invariants have no explanation") {
    Trace t = trace_of({{"p[0].check"}}, "mutex");
    t.property = TraceProperty{"deadlock", "deadlock", {}, "no step is enabled", ""};
    const ViewExtras e = view_extras_from_text(t, mutex_model, "t.ilv");
    CHECK(e.notes.empty());
    CHECK(e.explanation.empty());
    CHECK(!e.model_text.empty());
}
