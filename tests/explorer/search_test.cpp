#include "explorer/search.hpp"

#include "tests/explorer/recording_observer.hpp"
#include "tests/support/explicit_graph.hpp"

#include <vector>

#include <doctest/doctest.h>

using namespace ilv;
using ilv::test::Edge;
using ilv::test::ExplicitGraphSystem;
using ilv::test::RecordingObserver;

namespace {

/// 0 -a0-> 1, 0 -a1-> 2, 1 -a0-> 3, 2 -a0-> 3, 3 -a0-> 4, 3 -a1-> 0; node 4 is a valid end.
/// By hand: 5 states, 6 transitions, deepest state 4 at depth 3.
ExplicitGraphSystem diamond(std::vector<std::int64_t> ends = {4}) {
    return ExplicitGraphSystem(
        5, 2, {{0, 0, 1}, {0, 1, 2}, {1, 0, 3}, {2, 0, 3}, {3, 0, 4}, {3, 1, 0}}, std::move(ends));
}

SearchOptions dfs() {
    SearchOptions o;
    o.order = SearchOrder::Dfs;
    return o;
}

} // namespace

TEST_CASE("search: BFS counts states, transitions and depth of a hand-made graph") {
    const ExplicitGraphSystem g = diamond();
    RecordingObserver obs(g.layout());
    const SearchResult r = test::explore(g, obs);
    CHECK(r.outcome == Outcome::Complete);
    CHECK(r.stats.states == 5);
    CHECK(r.stats.transitions == 6);
    CHECK(r.stats.max_depth == 3);
    CHECK(r.stats.queue == 0);
    CHECK(obs.nodes() == std::vector<std::int64_t>{0, 1, 2, 3, 4});
    CHECK(obs.depths() == std::vector<std::uint32_t>{0, 1, 1, 2, 3});
    CHECK(obs.deadlocks.empty());
    CHECK(obs.edges.empty()); // report_edges is off
}

TEST_CASE("search: DFS goes deep first in ascending action order with the same counts") {
    const ExplicitGraphSystem g = diamond();
    RecordingObserver obs(g.layout());
    const SearchResult r = test::explore(g, obs, dfs());
    CHECK(r.outcome == Outcome::Complete);
    CHECK(r.stats.states == 5);
    CHECK(r.stats.transitions == 6);
    CHECK(r.stats.max_depth == 3);
    CHECK(r.stats.queue == 0);
    CHECK(obs.nodes() == std::vector<std::int64_t>{0, 1, 3, 4, 2});
    CHECK(obs.depths() == std::vector<std::uint32_t>{0, 1, 2, 3, 1});
}

TEST_CASE("search: DFS resumes a nondeterministic action after its first successor") {
    // a0 from node 0 leads to 1 and to 2; 1 -a0-> 3. DFS must explore 1's subtree, then 2.
    const ExplicitGraphSystem g(4, 1, {{0, 0, 1}, {0, 0, 2}, {1, 0, 3}}, {2, 3});
    RecordingObserver obs(g.layout());
    const SearchResult r = test::explore(g, obs, dfs());
    CHECK(r.outcome == Outcome::Complete);
    CHECK(obs.nodes() == std::vector<std::int64_t>{0, 1, 3, 2});
    CHECK(obs.depths() == std::vector<std::uint32_t>{0, 1, 2, 1});
    CHECK(r.stats.transitions == 3);
}

TEST_CASE("search: on_edge reports every transition with its novelty") {
    const ExplicitGraphSystem g = diamond();
    RecordingObserver obs(g.layout());
    SearchOptions o;
    o.report_edges = true;
    test::explore(g, obs, o);
    using E = RecordingObserver::EdgeEvent;
    // BFS ids equal node numbers here (see the BFS test above).
    CHECK(obs.edges == std::vector<E>{E{0, 0, 1, true}, E{0, 1, 2, true}, E{1, 0, 3, true},
                                      E{2, 0, 3, false}, E{3, 0, 4, true}, E{3, 1, 0, false}});
}

TEST_CASE("search: deadlocks are states without enabled actions that are not valid ends") {
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        SearchOptions o;
        o.order = order;
        const ExplicitGraphSystem valid = diamond({4});
        RecordingObserver quiet(valid.layout());
        test::explore(valid, quiet, o);
        CHECK(quiet.deadlocks.empty());

        const ExplicitGraphSystem stuck = diamond({});
        RecordingObserver obs(stuck.layout());
        const SearchResult r = test::explore(stuck, obs, o);
        CHECK(r.outcome == Outcome::Complete);
        REQUIRE(obs.deadlocks.size() == 1);
        CHECK(obs.deadlocks[0].node == 4);
        CHECK(obs.deadlocks[0].depth == 3);
    }
}

TEST_CASE("search: Stop from on_deadlock ends the search") {
    // 0 -a0-> 1 (deadlock), 0 -a1-> 2 -a0-> 3 (end)
    const ExplicitGraphSystem g(4, 2, {{0, 0, 1}, {0, 1, 2}, {2, 0, 3}}, {3});
    RecordingObserver obs(g.layout());
    obs.deadlock_answer = Next::Stop;
    const SearchResult r = test::explore(g, obs);
    CHECK(r.outcome == Outcome::Stopped);
    REQUIRE(obs.deadlocks.size() == 1);
    CHECK(obs.deadlocks[0].node == 1);
    CHECK(r.stats.states == 3); // 0, 1, 2 were discovered before 1 was expanded
}

TEST_CASE("search: failures are reported at the expansion of their source state") {
    // 0 -a0-> 1, a1 fails at 0, a0 fails at 1.
    const ExplicitGraphSystem g(2, 2, {{0, 0, 1}, {0, 1, -1}, {1, 0, -1}});
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        SearchOptions o;
        o.order = order;
        RecordingObserver obs(g.layout());
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::Complete);
        CHECK(r.stats.states == 2);
        CHECK(r.stats.transitions == 1);
        CHECK(obs.deadlocks.empty()); // a failing action is enabled
        REQUIRE(obs.failures.size() == 2);
        const StateId one = obs.id_of(1);
        bool saw_root = false;
        bool saw_one = false;
        for (const RecordingObserver::Failed& f : obs.failures) {
            saw_root = saw_root || (f.from == 0 && f.action == 1 && f.depth == 0);
            saw_one = saw_one || (f.from == one && f.action == 0 && f.depth == 1);
        }
        CHECK(saw_root);
        CHECK(saw_one);
    }
}

TEST_CASE("search: Stop from on_failure ends the search before the successors are stored") {
    const ExplicitGraphSystem g(2, 2, {{0, 0, 1}, {0, 1, -1}, {1, 0, -1}});
    RecordingObserver obs(g.layout());
    obs.failure_answer = Next::Stop;
    const SearchResult r = test::explore(g, obs);
    CHECK(r.outcome == Outcome::Stopped);
    CHECK(obs.failures.size() == 1);
    CHECK(r.stats.states == 1);
}

TEST_CASE("search: Prune from on_failure drops the successors of the failing state") {
    // 0 -a0-> 1 -a0-> 2, and a1 fails at 0.
    const ExplicitGraphSystem g(3, 2, {{0, 0, 1}, {0, 1, -1}, {1, 0, 2}});
    SUBCASE("BFS") {
        RecordingObserver obs(g.layout());
        obs.failure_answer = Next::Prune;
        const SearchResult r = test::explore(g, obs);
        CHECK(r.outcome == Outcome::Complete);
        CHECK(r.stats.states == 1);
    }
    SUBCASE("DFS: a0 was already followed before a1 failed") {
        RecordingObserver obs(g.layout());
        obs.failure_answer = Next::Prune;
        const SearchResult r = test::explore(g, obs, dfs());
        CHECK(r.outcome == Outcome::Complete);
        CHECK(r.stats.states == 3);
        CHECK(obs.failures.size() == 1);
    }
}

TEST_CASE("search: Prune from on_state keeps the state but does not expand it") {
    const ExplicitGraphSystem g(4, 1, {{0, 0, 1}, {1, 0, 2}, {2, 0, 3}}, {3});
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        SearchOptions o;
        o.order = order;
        RecordingObserver obs(g.layout());
        obs.state_answer = [](const RecordingObserver::Seen& s) {
            return s.node == 1 ? Next::Prune : Next::Continue;
        };
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::Complete);
        CHECK(obs.nodes() == std::vector<std::int64_t>{0, 1});
        CHECK(r.stats.transitions == 1);
        CHECK(obs.deadlocks.empty()); // a pruned state is not checked for deadlock
    }
}

TEST_CASE("search: Prune of the initial state ends with one state") {
    const ExplicitGraphSystem g = diamond();
    for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
        SearchOptions o;
        o.order = order;
        RecordingObserver obs(g.layout());
        obs.state_answer = [](const RecordingObserver::Seen&) { return Next::Prune; };
        const SearchResult r = test::explore(g, obs, o);
        CHECK(r.outcome == Outcome::Complete);
        CHECK(r.stats.states == 1);
        CHECK(r.stats.transitions == 0);
    }
}

TEST_CASE("search: Stop from on_state ends the search at that state") {
    const ExplicitGraphSystem g(5, 1, {{0, 0, 1}, {1, 0, 2}, {2, 0, 3}, {3, 0, 4}}, {4});
    RecordingObserver obs(g.layout());
    obs.state_answer = [](const RecordingObserver::Seen& s) {
        return s.node == 2 ? Next::Stop : Next::Continue;
    };
    const SearchResult r = test::explore(g, obs);
    CHECK(r.outcome == Outcome::Stopped);
    CHECK(r.stats.states == 3);
    CHECK(r.stats.queue == 1); // node 2 was stored but not expanded
    CHECK(obs.nodes() == std::vector<std::int64_t>{0, 1, 2});
}

TEST_CASE("search: BFS finds a shortest path, DFS the first deep one") {
    // Long way 0 -a0-> 1 -a0-> 2 -a0-> 3 -a0-> 5, short way 0 -a1-> 4 -a1-> 5.
    const ExplicitGraphSystem g(
        6, 2, {{0, 0, 1}, {1, 0, 2}, {2, 0, 3}, {3, 0, 5}, {0, 1, 4}, {4, 1, 5}}, {5});
    SUBCASE("BFS") {
        RecordingObserver obs(g.layout());
        Explorer explorer(g, {});
        explorer.run(obs);
        const StateId target = obs.id_of(5);
        const auto path = explorer.path_to(target);
        REQUIRE(path.size() == 2);
        CHECK(path[0].first == 1);
        CHECK(g.layout().get(explorer.state(path[0].second), 0) == 4);
        CHECK(path[1].first == 1);
        CHECK(path[1].second == target);
        CHECK(obs.states[target].depth == 2);
    }
    SUBCASE("DFS") {
        RecordingObserver obs(g.layout());
        Explorer explorer(g, dfs());
        explorer.run(obs);
        const auto path = explorer.path_to(obs.id_of(5));
        REQUIRE(path.size() == 4);
        for (const auto& [action, id] : path) {
            CHECK(action == 0);
        }
        CHECK(g.layout().get(explorer.state(path[2].second), 0) == 3);
    }
}

TEST_CASE("search: path_to picks the lowest action between parent and child") {
    // a0 and a1 both lead from 0 to 1: the recorded step is a0; the initial state has no steps.
    const ExplicitGraphSystem g(2, 2, {{0, 1, 1}, {0, 0, 1}}, {1});
    RecordingObserver obs(g.layout());
    Explorer explorer(g, {});
    const SearchResult r = explorer.run(obs);
    CHECK(r.stats.transitions == 2);
    CHECK(explorer.path_to(0).empty());
    const auto path = explorer.path_to(1);
    REQUIRE(path.size() == 1);
    CHECK(path[0] == std::pair<ActionId, StateId>{0, 1});
    CHECK(explorer.parent(1) == 0);
    CHECK(explorer.parent(0) == no_state);
}
