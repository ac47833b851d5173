// Partial-order reduction (explorer/partial_order.hpp): which steps may form ample sets, and
// state counts of reduced searches on small models counted by hand.
#include "explorer/partial_order.hpp"

#include "explorer/property_observer.hpp"
#include "explorer/search.hpp"
#include "tests/support/model_text.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

/// N processes, each walking l0 -> l1 -> l2 -> l3 and counting its steps in a local: no step
/// reads or writes anything another process touches, and nothing is observed.
constexpr const char* independent_model = R"(model independent;
const N = 3;
process p[i in 0..N-1] {
  var n: 0..3 = 0;
  location l0, l1, l2, l3;
  end l3;
  step a: l0 -> l1 { n = n + 1; }
  step b: l1 -> l2 { n = n + 1; }
  step c: l2 -> l3 { n = n + 1; }
}
)";

/// Two processes, each going round a -> b -> a forever, independently.
constexpr const char* two_cycles_model = R"(model two_cycles;
process p[i in 0..1] {
  location a, b;
  step go: a -> b { }
  step back: b -> a { }
}
)";

/// `spin` toggles a local forever; `setter` sets the observed x once.
constexpr const char* spinner_model = R"(model spinner;
var x: 0..1 = 0;
process spinner {
  var y: 0..1 = 0;
  location a;
  step spin: a -> a { y = 1 - y; }
}
process setter {
  location s, t;
  end t;
  step set: s -> t { x = 1; }
}
invariant x_zero: x == 0;
)";

/// What a search stored and generated.
struct Counts {
    std::uint64_t states = 0;
    std::uint64_t transitions = 0;
    std::uint64_t ample = 0;
};

/// Searches `system` with the reduction `por` (null: full) in `order` on `threads` threads.
Counts explore(const TransitionSystem& system, const PartialOrder* por,
               SearchOrder order = SearchOrder::Bfs, unsigned threads = 1) {
    SearchOptions options;
    options.por = por;
    options.order = order;
    options.threads = threads;
    Observer observer;
    Explorer explorer(system, options);
    const SearchResult r = explorer.run(observer);
    REQUIRE(r.outcome == Outcome::Complete);
    return {r.stats.states, r.stats.transitions, r.stats.ample_states};
}

/// The action of `system` named `name`.
ActionId action(const TransitionSystem& system, const std::string& name) {
    for (ActionId a = 0; a < system.actions().size(); ++a) {
        if (system.actions()[a].name == name) {
            return a;
        }
    }
    FAIL("no action " << name);
    return 0;
}

} // namespace

TEST_CASE("unit: por reduces N independent processes of K local steps to N*K+1 states") {
    // Full: every process is independently at one of K+1 = 4 places, 4^3 = 64 states, and
    // each of the 3 processes can step in 3 of its 4 places: 3 * 3 * 16 = 144 transitions.
    // Reduced: the first process that can move moves alone (its steps are independent and
    // invisible, every successor is new), so p[0] walks to l3, then p[1], then p[2]:
    // 3 * 3 + 1 = 10 states and 9 transitions, each state but the last expanded with an
    // ample set of one step.
    const LoadResult loaded = ilv::test::load(independent_model);
    REQUIRE(loaded.model);
    const CompiledModel& model = *loaded.model;
    const PartialOrder por(model, VarSet{});
    CHECK(por.qualifying_sites() == 9);
    const Counts full = explore(model, nullptr);
    CHECK(full.states == 64);
    CHECK(full.transitions == 144);
    CHECK(full.ample == 0);
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        const Counts reduced = explore(model, &por, order);
        CHECK(reduced.states == 10);
        CHECK(reduced.transitions == 9);
        CHECK(reduced.ample == 9);
    }
    const Counts threaded = explore(model, &por, SearchOrder::Bfs, 2);
    CHECK(threaded.states == 10);
    CHECK(threaded.transitions == 9);
}

TEST_CASE("unit: por expands a state fully when its ample set would close a cycle") {
    // States (p[0], p[1]) in {a, b}^2; full: 4 states, 2 transitions each = 8.
    // Reduced, breadth- or depth-first: (a,a)#0 -> p[0] -> (b,a)#1. At #1 p[0] would go back
    // to #0 (id not above 1: the cycle proviso refuses it), so p[1]: (b,b)#2. At #2 p[0]:
    // (a,b)#3, new. At #3 p[0] leads to #2 and p[1] to #0, both refused: full expansion, two
    // transitions. 4 states, 1 + 1 + 1 + 2 = 5 transitions, 3 ample expansions.
    const LoadResult loaded = ilv::test::load(two_cycles_model);
    REQUIRE(loaded.model);
    const PartialOrder por(*loaded.model, VarSet{});
    const Counts full = explore(*loaded.model, nullptr);
    CHECK(full.states == 4);
    CHECK(full.transitions == 8);
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        const Counts reduced = explore(*loaded.model, &por, order);
        CHECK(reduced.states == 4);
        CHECK(reduced.transitions == 5);
        CHECK(reduced.ample == 3);
    }
}

TEST_CASE("unit: por never lets a process spinning alone hide another's violation") {
    // Without the cycle proviso the reduced graph would be {y=0, y=1} (spinner alone) and
    // x_zero would hold; with it, the state whose spin closes the cycle is expanded fully.
    const LoadResult loaded = ilv::test::load(spinner_model);
    REQUIRE(loaded.model);
    const CompiledModel& model = *loaded.model;
    const PartialOrder por(model, model.invariants()[0].reads);
    CHECK(por.site(action(model, "spinner.spin")) != PartialOrder::no_site);
    CHECK(por.site(action(model, "setter.set")) == PartialOrder::no_site); // writes x (C2)
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        PropertySet properties(model, {});
        PropertyObserver observer(properties, false);
        SearchOptions options;
        options.por = &por;
        options.order = order;
        Explorer explorer(model, options);
        explorer.run(observer);
        properties.finish(true);
        CHECK(properties.statuses()[0].name == "x_zero");
        CHECK(properties.statuses()[0].verdict == Verdict::Violated);
    }
}

TEST_CASE("unit: por keeps steps that share data with another process out of ample sets") {
    const LoadResult loaded = ilv::test::load(R"(model shared;
var g: 0..2 = 0;
process reader {
  var r: 0..2 = 0;
  location a, b, c;
  end c;
  step local: a -> b { r = 1; }
  step look: b -> c { r = g; }
}
process writer {
  location s, t, u;
  end u;
  step put: s -> t { g = 1; }
  step wait: t -> u when reader @ c { }
}
process loner {
  var n: 0..1 = 0;
  location a, b;
  end b;
  step tick: a -> b { n = 1; }
}
)");
    REQUIRE(loaded.model);
    const CompiledModel& model = *loaded.model;
    const PartialOrder por(model, VarSet{});
    // Every step of reader moves reader, whose location writer's guard reads.
    CHECK(por.site(action(model, "reader.local")) == PartialOrder::no_site);
    CHECK(por.site(action(model, "reader.look")) == PartialOrder::no_site);
    CHECK(por.site(action(model, "writer.put")) == PartialOrder::no_site);  // writes g, read
    CHECK(por.site(action(model, "writer.wait")) == PartialOrder::no_site); // reads reader
    CHECK(por.site(action(model, "loner.tick")) != PartialOrder::no_site);
    CHECK(por.qualifying_sites() == 1);
}
