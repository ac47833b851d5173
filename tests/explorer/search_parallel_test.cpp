// Breadth-first search with --threads: every event, id, parent and counter must equal the
// single-threaded search, whatever the thread count (only successor generation is parallel).
#include "explorer/memory.hpp"
#include "explorer/search.hpp"
#include "tests/explorer/recording_observer.hpp"
#include "tests/support/counter_system.hpp"
#include "tests/support/model_text.hpp"
#include "tests/support/random_graph.hpp"

#include <tuple>
#include <vector>

#include <doctest/doctest.h>

using namespace ilv;
using ilv::test::RecordingObserver;

namespace {

/// Everything a search reports and keeps, in a comparable form.
struct Run {
    Outcome outcome = Outcome::Complete;
    std::uint64_t states = 0;
    std::uint64_t transitions = 0;
    std::uint32_t max_depth = 0;
    std::vector<std::tuple<StateId, std::int64_t, std::uint32_t>> seen;
    std::vector<std::tuple<StateId, ActionId, std::uint32_t>> failures;
    std::vector<StateId> deadlocks;
    std::vector<RecordingObserver::EdgeEvent> edges;
    std::vector<StateId> parents;
    std::vector<std::vector<Word>> stored;
    std::vector<StateId> found; ///< `find_all` of every stored state, after the search

    bool operator==(const Run&) const = default;
};

/// Searches `system` breadth-first with `threads` threads; `stop_after` > 0 answers Stop at
/// that many discovered states; `prune_every` > 0 prunes the states whose id it divides.
Run search(const TransitionSystem& system, unsigned threads, SearchOptions options = {},
           std::size_t stop_after = 0, StateId prune_every = 0) {
    options.threads = threads;
    options.report_edges = true;
    RecordingObserver observer(system.layout());
    observer.state_answer = [&observer, stop_after, prune_every](const RecordingObserver::Seen& s) {
        if (stop_after > 0 && observer.states.size() >= stop_after) {
            return Next::Stop;
        }
        return prune_every > 0 && (s.id + 1) % prune_every == 0 ? Next::Prune : Next::Continue;
    };
    Explorer explorer(system, options);
    const SearchResult result = explorer.run(observer);
    Run run;
    run.outcome = result.outcome;
    run.states = result.stats.states;
    run.transitions = result.stats.transitions;
    run.max_depth = result.stats.max_depth;
    for (const auto& s : observer.states) {
        run.seen.emplace_back(s.id, s.node, s.depth);
    }
    for (const auto& f : observer.failures) {
        run.failures.emplace_back(f.from, f.action, f.depth);
    }
    for (const auto& d : observer.deadlocks) {
        run.deadlocks.push_back(d.id);
    }
    run.edges = observer.edges;
    SuccessorBuffer all(system.layout().words());
    for (StateId id = 0; id < explorer.size(); ++id) {
        run.parents.push_back(explorer.parent(id));
        const ConstStateView s = explorer.state(id);
        run.stored.emplace_back(s.begin(), s.end());
        std::copy(s.begin(), s.end(), all.push(0).begin());
    }
    // Looked up after the search (as liveness and traces do), every state has its own id.
    explorer.find_all(all, run.found);
    return run;
}

/// The dining philosophers example for N = 6: 198 states by the hand count in its header
/// (also confirmed by SPIN on its twin), one deadlock.
LoadResult philosophers() {
    return load_model_file(ILV_SOURCE_DIR "/specs/examples/philosophers.ilv", {{"N", 6}});
}

} // namespace

TEST_CASE("parallel BFS: random systems give the same events, ids and parents") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        const ilv::test::RandomGraphSystem system(seed);
        const Run one = search(system, 1);
        CHECK(search(system, 2) == one);
        CHECK(search(system, 4) == one);
    }
}

TEST_CASE("parallel BFS: a compiled model (one evaluator per thread) matches one thread") {
    const LoadResult loaded = philosophers();
    REQUIRE(loaded.model);
    const Run one = search(*loaded.model, 1);
    CHECK(one.states == 198);
    CHECK(one.deadlocks.size() == 1); // every philosopher holds its left fork
    CHECK(search(*loaded.model, 2) == one);
    CHECK(search(*loaded.model, 3) == one);
}

TEST_CASE("parallel BFS: limits and Stop end at the same point as one thread") {
    const LoadResult loaded = philosophers();
    REQUIRE(loaded.model);
    SearchOptions capped;
    capped.max_states = 57;
    const Run states_one = search(*loaded.model, 1, capped);
    CHECK(states_one.outcome == Outcome::StateLimit);
    CHECK(search(*loaded.model, 2, capped) == states_one);
    SearchOptions shallow;
    shallow.max_depth = 3;
    const Run depth_one = search(*loaded.model, 1, shallow);
    CHECK(depth_one.outcome == Outcome::DepthLimit);
    CHECK(search(*loaded.model, 2, shallow) == depth_one);
    const Run stop_one = search(*loaded.model, 1, {}, 40);
    CHECK(stop_one.outcome == Outcome::Stopped);
    CHECK(search(*loaded.model, 4, {}, 40) == stop_one);
}

TEST_CASE("parallel BFS: many slices and index rebuilds keep ids identical") {
    // 12^4 = 20736 states: dozens of slices and several doublings of the sharded index.
    const ilv::test::CounterSystem system(4, 12, 15);
    const Run one = search(system, 1);
    CHECK(one.states == 20736);
    CHECK(search(system, 2) == one);
    CHECK(search(system, 3) == one);
}

TEST_CASE("parallel BFS: pruned states and dropped claims match one thread") {
    // Pruning every third state leaves claims of its successors unnumbered (dropped) unless a
    // later state reaches them too.
    const ilv::test::CounterSystem system(3, 15, 15);
    const Run one = search(system, 1, {}, 0, 3);
    CHECK(one.states < 15 * 15 * 15);
    CHECK(search(system, 2, {}, 0, 3) == one);
    CHECK(search(system, 3, {}, 0, 3) == one);
}

TEST_CASE("parallel BFS: a memory limit stops it within budget and leaves no claim unsettled") {
    const ilv::test::CounterSystem counters(2, 2000, 1999); // 4 million states
    SearchOptions o;
    o.threads = 2;
    o.memory_limit_bytes = current_rss_bytes() + (std::uint64_t{3} << 20);
    Observer quiet;
    Explorer explorer(counters, o);
    const SearchResult r = explorer.run(quiet);
    CHECK(r.outcome == Outcome::MemoryLimit);
    CHECK(r.stats.states > 0);
    CHECK(r.stats.states < 4000000);
    CHECK(r.stats.store_bytes <= o.memory_limit_bytes);
    // Every stored state is found under its own id: the claims of the last slice were settled.
    SuccessorBuffer sample(counters.layout().words());
    for (std::size_t id = 0; id < explorer.size(); id += 97) {
        const ConstStateView s = explorer.state(static_cast<StateId>(id));
        const StateView copy = sample.push(0);
        std::copy(s.begin(), s.end(), copy.begin());
    }
    std::vector<StateId> ids;
    explorer.find_all(sample, ids);
    for (std::size_t k = 0; k < ids.size(); ++k) {
        REQUIRE(ids[k] == k * 97);
    }
}

TEST_CASE("parallel BFS: a generous memory limit changes nothing") {
    const ilv::test::CounterSystem system(4, 12, 15);
    SearchOptions generous;
    generous.memory_limit_bytes = current_rss_bytes() + (std::uint64_t{256} << 20);
    const Run one = search(system, 1, generous);
    CHECK(one.outcome == Outcome::Complete);
    CHECK(one.states == 20736);
    CHECK(search(system, 2, generous) == one);
}

TEST_CASE("parallel BFS: a thread copy of a compiled model generates the same successors") {
    const LoadResult loaded = philosophers();
    REQUIRE(loaded.model);
    const std::unique_ptr<TransitionSystem> copy = loaded.model->thread_copy();
    REQUIRE(copy != nullptr);
    const std::vector<Word> init = ilv::test::initial_state(*loaded.model);
    SuccessorBuffer a(init.size());
    SuccessorBuffer b(init.size());
    FailureBuffer fa;
    FailureBuffer fb;
    CHECK(loaded.model->successors(init, a, fa) == copy->successors(init, b, fb));
    REQUIRE(a.size() == b.size());
    REQUIRE(a.size() == 6); // each philosopher can take its left fork
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a.action(i) == b.action(i));
        CHECK(std::vector<Word>(a.state(i).begin(), a.state(i).end()) ==
              std::vector<Word>(b.state(i).begin(), b.state(i).end()));
    }
}
