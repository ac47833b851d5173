// Step and location coverage (`check --coverage`), against counts made by hand.
#include "explorer/coverage.hpp"

#include "explorer/search.hpp"
#include "support/model_text.hpp"

#include <numeric>

#include <doctest/doctest.h>

namespace ilv {
namespace {

/// Two processes that each set their own flag once. Hand count, BFS: the initial state S0
/// (p@a, q@a) has successors p.go -> S1 (new) and q.go -> S2 (new); S1 has q.go -> S3 (new);
/// S2 has p.go -> S3 (seen). So p.go fired 2 times with 1 new state, q.go fired 2 times with 2
/// new states; p.never needs p@a and x == 1, but x becomes 1 only when p leaves a: dead.
/// p never reaches `unused`; q reaches both its locations.
constexpr const char* diamond_model = R"(model diamond;
var x: 0..1 = 0;
var y: 0..1 = 0;
process p {
  location a, b, unused;
  end b;
  step go: a -> b { x = 1; }
  step never: a -> unused when x == 1 { }
}
process q {
  location a, b;
  end b;
  step go: a -> b { y = 1; }
}
)";

/// One process whose only step fails its assertion (hand count: 1 state, 1 failure, 0 edges).
constexpr const char* failing_model = R"(model failing;
var x: 0..1 = 0;
process r {
  location a, b;
  step boom: a -> b { assert(x == 1, "x is not 1"); }
}
)";

/// Runs a search with coverage counting on `model` and returns the coverage.
Coverage cover(const TransitionSystem& model, SearchOptions options,
               SearchResult* result = nullptr) {
    options.report_edges = true;
    Explorer explorer(model, options);
    Observer inner;
    CoverageObserver counter(model, inner);
    const SearchResult r = explorer.run(counter);
    if (result != nullptr) {
        *result = r;
    }
    return counter.result();
}

const StepCoverage& step(const Coverage& c, const std::string& name) {
    for (const StepCoverage& s : c.steps) {
        if (s.name == name) {
            return s;
        }
    }
    FAIL("no step " << name);
    return c.steps.front();
}

} // namespace

TEST_CASE("unit: coverage: per-step fired and new-state counts match a hand count") {
    const LoadResult loaded = test::load(diamond_model);
    REQUIRE(loaded.model);
    const Coverage c = cover(*loaded.model, {});
    REQUIRE(c.steps.size() == 3);
    CHECK(step(c, "p.go").fired == 2);
    CHECK(step(c, "p.go").new_states == 1);
    CHECK(step(c, "q.go").fired == 2);
    CHECK(step(c, "q.go").new_states == 2);
    CHECK(step(c, "p.never").fired == 0);
    CHECK(step(c, "p.never").process == "p");
    CHECK(step(c, "p.never").step == "never");
    CHECK(c.dead_steps() == std::vector<std::string>{"p.never"});
}

TEST_CASE("unit: coverage: unreached locations per process") {
    const LoadResult loaded = test::load(diamond_model);
    REQUIRE(loaded.model);
    const Coverage c = cover(*loaded.model, {});
    REQUIRE(c.locations.size() == 2);
    CHECK(c.locations[0].process == "p");
    CHECK(c.locations[0].locations == std::vector<std::string>{"unused"});
    CHECK(c.locations[1].process == "q");
    CHECK(c.locations[1].locations.empty());
    CHECK(c.unreached_count() == 1);
}

TEST_CASE("unit: coverage: a step whose assertion fails is counted as failed, not dead") {
    const LoadResult loaded = test::load(failing_model);
    REQUIRE(loaded.model);
    const Coverage c = cover(*loaded.model, {});
    REQUIRE(c.steps.size() == 1);
    CHECK(c.steps[0].fired == 0);
    CHECK(c.steps[0].failures == 1);
    CHECK(c.dead_steps().empty());
    CHECK(c.locations[0].locations == std::vector<std::string>{"b"});
}

TEST_CASE("unit: coverage: sums equal the search's transitions and states (DFS, threads)") {
    const LoadResult loaded =
        load_model_file(ILV_SOURCE_DIR "/specs/examples/philosophers.ilv", {{"N", 3}});
    REQUIRE(loaded.model);
    const auto sums = [](const Coverage& c) {
        std::uint64_t fired = 0;
        std::uint64_t fresh = 0;
        for (const StepCoverage& s : c.steps) {
            fired += s.fired;
            fresh += s.new_states;
        }
        return std::pair{fired, fresh};
    };
    SearchOptions dfs;
    dfs.order = SearchOrder::Dfs;
    SearchOptions threads;
    threads.threads = 2;
    for (const SearchOptions& options : {SearchOptions{}, dfs, threads}) {
        SearchResult r;
        const Coverage c = cover(*loaded.model, options, &r);
        REQUIRE(r.outcome == Outcome::Complete);
        CHECK(sums(c).first == r.stats.transitions);
        CHECK(sums(c).second == r.stats.states - 1);
    }
    SearchResult one;
    SearchResult two;
    const Coverage a = cover(*loaded.model, {}, &one);
    const Coverage b = cover(*loaded.model, threads, &two);
    REQUIRE(a.steps.size() == b.steps.size());
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
        CHECK(a.steps[i].fired == b.steps[i].fired);
        CHECK(a.steps[i].new_states == b.steps[i].new_states);
    }
}

TEST_CASE("unit: coverage: a search cut by a state limit leaves steps unfired") {
    const LoadResult loaded = test::load(diamond_model);
    REQUIRE(loaded.model);
    SearchOptions limited;
    limited.max_states = 1;
    SearchResult r;
    const Coverage c = cover(*loaded.model, limited, &r);
    CHECK(r.outcome == Outcome::StateLimit);
    CHECK(step(c, "q.go").new_states == 0);
}

} // namespace ilv
