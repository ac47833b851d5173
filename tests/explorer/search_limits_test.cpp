#include "explorer/memory.hpp"
#include "explorer/search.hpp"
#include "tests/explorer/recording_observer.hpp"
#include "tests/support/counter_system.hpp"
#include "tests/support/explicit_graph.hpp"

#include <atomic>
#include <vector>

#include <doctest/doctest.h>

using namespace ilv;
using ilv::test::CounterSystem;
using ilv::test::Edge;
using ilv::test::ExplicitGraphSystem;
using ilv::test::RecordingObserver;

namespace {

/// 0 -a0-> 1 -a0-> ... -a0-> n-1, where n-1 is a valid end.
ExplicitGraphSystem chain(std::int64_t n) {
    std::vector<Edge> edges;
    for (std::int64_t i = 0; i + 1 < n; ++i) {
        edges.push_back({i, 0, i + 1});
    }
    return ExplicitGraphSystem(n, 1, std::move(edges), {n - 1});
}

SearchOptions with_order(SearchOrder order) {
    SearchOptions o;
    o.order = order;
    return o;
}

const SearchOrder both_orders[] = {SearchOrder::Bfs, SearchOrder::Dfs};

} // namespace

TEST_CASE("search: max_states stops with StateLimit and never stores more") {
    const ExplicitGraphSystem g = chain(10);
    for (const SearchOrder order : both_orders) {
        SearchOptions o = with_order(order);
        o.max_states = 4;
        RecordingObserver obs(g.layout());
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::StateLimit);
        CHECK(r.stats.states == 4);
        CHECK(obs.states.size() == 4);
    }
}

TEST_CASE("search: max_states equal to the state count completes") {
    const ExplicitGraphSystem g = chain(10);
    for (const SearchOrder order : both_orders) {
        SearchOptions o = with_order(order);
        o.max_states = 10;
        RecordingObserver obs(g.layout());
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::Complete);
        CHECK(r.stats.states == 10);
    }
}

TEST_CASE("search: a state limit still lets known states be revisited") {
    // 0 -a0-> 1 -a0-> 0 and 1 -a1-> 2: with room for 2 states, the back edge is fine,
    // the edge to 2 is refused.
    const ExplicitGraphSystem g(3, 2, {{0, 0, 1}, {1, 0, 0}, {1, 1, 2}}, {2});
    SearchOptions o;
    o.max_states = 2;
    RecordingObserver obs(g.layout());
    const SearchResult r = test::explore(g, obs, o);
    CHECK(r.outcome == Outcome::StateLimit);
    CHECK(r.stats.states == 2);
    CHECK(r.stats.transitions == 3);
}

TEST_CASE("search: max_depth leaves states at that depth unexpanded") {
    const ExplicitGraphSystem g = chain(4); // depths 0..3, node 3 is an end
    for (const SearchOrder order : both_orders) {
        SearchOptions o = with_order(order);
        o.max_depth = 2;
        RecordingObserver obs(g.layout());
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::DepthLimit);
        CHECK(r.stats.states == 3);
        CHECK(r.stats.transitions == 2);
        CHECK(r.stats.max_depth == 2);

        o.max_depth = 3; // the state at depth 3 has no action: nothing was cut off
        RecordingObserver all(g.layout());
        CHECK(test::explore(g, all, o).outcome == Outcome::Complete);
    }
}

TEST_CASE("search: a deadlock at the depth limit is still reported") {
    const ExplicitGraphSystem g(3, 1, {{0, 0, 1}, {1, 0, 2}}); // node 2 deadlocks
    for (const SearchOrder order : both_orders) {
        SearchOptions o = with_order(order);
        o.max_depth = 2;
        RecordingObserver obs(g.layout());
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::Complete);
        REQUIRE(obs.deadlocks.size() == 1);
        CHECK(obs.deadlocks[0].node == 2);
    }
}

TEST_CASE("search: memory_limit stops with MemoryLimit before the budget is exceeded") {
    const CounterSystem counters(2, 2000, 1999); // 4 million states
    const std::uint64_t budget = std::uint64_t{3} << 20;
    for (const SearchOrder order : both_orders) {
        SearchOptions o = with_order(order);
        o.memory_limit_bytes = current_rss_bytes() + budget;
        Observer quiet;
        const SearchResult r = test::explore(counters, quiet, o);
        CHECK(r.outcome == Outcome::MemoryLimit);
        CHECK(r.stats.states > 0);
        CHECK(r.stats.states < 4000000);
        CHECK(r.stats.store_bytes <= o.memory_limit_bytes);
        CHECK(r.stats.store_bytes > budget / 4); // it did use the budget
    }
}

TEST_CASE("search: a memory limit below the current footprint stores nothing") {
    const ExplicitGraphSystem g = chain(3);
    SearchOptions o;
    o.memory_limit_bytes = 1024;
    Observer quiet;
    const SearchResult r = test::explore(g, quiet, o);
    CHECK(r.outcome == Outcome::MemoryLimit);
    CHECK(r.stats.states == 0);
}

TEST_CASE("search: a generous memory limit does not change the result") {
    const CounterSystem counters(3, 10, 9);
    SearchOptions o;
    o.memory_limit_bytes = current_rss_bytes() + (std::uint64_t{256} << 20);
    Observer quiet;
    const SearchResult r = test::explore(counters, quiet, o);
    CHECK(r.outcome == Outcome::Complete);
    CHECK(r.stats.states == 1000);
    // Each of 3 counters has 2 actions, one disabled at each bound: 10 values give 18 moves per
    // counter line, times 100 lines per counter, times 3 counters.
    CHECK(r.stats.transitions == 3 * 100 * 18);
}

TEST_CASE("search: a raised interrupt flag ends the search with Interrupted") {
    const ExplicitGraphSystem g = chain(100);
    for (const SearchOrder order : both_orders) {
        std::atomic<bool> flag{false};
        SearchOptions o = with_order(order);
        o.interrupt = &flag;
        RecordingObserver obs(g.layout());
        obs.state_answer = [&flag](const RecordingObserver::Seen& s) {
            if (s.node == 5) {
                flag.store(true); // as a signal handler would, mid-search
            }
            return Next::Continue;
        };
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::Interrupted);
        CHECK(r.stats.states == 6);
    }
}

TEST_CASE("search: an interrupt raised before the run stops after the initial state") {
    const ExplicitGraphSystem g = chain(10);
    const std::atomic<bool> flag{true};
    SearchOptions o;
    o.interrupt = &flag;
    Observer quiet;
    const SearchResult r = test::explore(g, quiet, o);
    CHECK(r.outcome == Outcome::Interrupted);
    CHECK(r.stats.states == 1);
}

TEST_CASE("search: progress is reported while the search runs") {
    const ExplicitGraphSystem g = chain(1000);
    std::vector<std::uint64_t> seen;
    SearchOptions o;
    o.progress_interval_seconds = 0;
    o.progress = [&seen](const SearchStats& s) { seen.push_back(s.states); };
    Observer quiet;
    const SearchResult r = test::explore(g, quiet, o);
    CHECK(r.outcome == Outcome::Complete);
    REQUIRE_FALSE(seen.empty());
    for (std::size_t i = 1; i < seen.size(); ++i) {
        CHECK(seen[i - 1] < seen[i]);
    }
    CHECK(seen.back() < 1000);

    SearchOptions slow;
    slow.progress_interval_seconds = 1000;
    bool called = false;
    slow.progress = [&called](const SearchStats&) { called = true; };
    test::explore(g, quiet, slow);
    CHECK_FALSE(called);
}

TEST_CASE("search: statistics report memory and time") {
    const CounterSystem counters(2, 100, 99);
    Observer quiet;
    const SearchResult r = test::explore(counters, quiet);
    CHECK(r.stats.states == 10000);
    CHECK(r.stats.max_depth == 198);               // from (0,0) to (99,99)
    CHECK(r.stats.store_bytes >= 10000 * (8 + 4)); // each state: one word plus its parent
    CHECK(r.stats.peak_memory_bytes > 0);
    CHECK(r.stats.seconds >= 0);
    CHECK(r.stats.queue == 0);
}
