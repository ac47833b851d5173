#include "explorer/search.hpp"
#include "tests/support/random_graph.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include <doctest/doctest.h>

using namespace ilv;
using ilv::test::RandomGraphSystem;

namespace {

using Packed = std::vector<Word>;

/// What a plain, obviously correct BFS over std::map finds: the reference for the explorer.
struct Reference {
    std::map<Packed, std::uint32_t> depth; ///< every reachable state and its distance
    std::uint64_t transitions = 0;
    std::uint64_t failures = 0;
    std::uint64_t deadlocks = 0;
};

Reference reference_bfs(const TransitionSystem& system) {
    Reference ref;
    const std::size_t words = system.layout().words();
    Packed init(words, 0);
    system.initial(init);
    std::vector<Packed> level{init};
    ref.depth[init] = 0;
    for (std::uint32_t d = 1; !level.empty(); ++d) {
        std::vector<Packed> next;
        for (const Packed& s : level) {
            SuccessorBuffer out(words);
            FailureBuffer failures;
            const std::size_t enabled = system.successors(s, out, failures);
            ref.failures += failures.size();
            ref.deadlocks += enabled == 0 && !system.is_valid_end(s) ? 1U : 0U;
            for (std::size_t i = 0; i < out.size(); ++i) {
                ++ref.transitions;
                const Packed t(out.state(i).begin(), out.state(i).end());
                if (ref.depth.emplace(t, d).second) {
                    next.push_back(t);
                }
            }
        }
        level = std::move(next);
    }
    return ref;
}

/// Records the states, depths and event counts a search reports.
class Collector final : public Observer {
public:
    Next on_state(StateId /*id*/, ConstStateView s, std::uint32_t depth) override {
        depth_[Packed(s.begin(), s.end())] = depth;
        return Next::Continue;
    }

    Next on_failure(StateId /*from*/, const StepFailure& /*f*/, std::uint32_t /*d*/) override {
        ++failures_;
        return Next::Continue;
    }

    Next on_deadlock(StateId /*id*/, ConstStateView /*s*/, std::uint32_t /*d*/) override {
        ++deadlocks_;
        return Next::Continue;
    }

    std::map<Packed, std::uint32_t> depth_;
    std::uint64_t failures_ = 0;
    std::uint64_t deadlocks_ = 0;
};

std::set<Packed> keys(const std::map<Packed, std::uint32_t>& m) {
    std::set<Packed> out;
    for (const auto& [k, v] : m) {
        out.insert(k);
    }
    return out;
}

/// True when `path` is a real run from the initial state ending at `id`.
bool replays(const TransitionSystem& system, const Explorer& explorer, StateId id,
             const std::vector<std::pair<ActionId, StateId>>& path) {
    StateId at = 0;
    for (const auto& [action, next] : path) {
        SuccessorBuffer out(system.layout().words());
        FailureBuffer failures;
        system.successors(explorer.state(at), action, out, failures);
        const ConstStateView want = explorer.state(next);
        bool found = false;
        for (std::size_t i = 0; i < out.size(); ++i) {
            found = found || std::equal(want.begin(), want.end(), out.state(i).begin());
        }
        if (!found) {
            return false;
        }
        at = next;
    }
    return at == id;
}

} // namespace

TEST_CASE("search: BFS agrees with a reference BFS on random graphs") {
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        CAPTURE(seed);
        const RandomGraphSystem system(seed);
        const Reference ref = reference_bfs(system);
        Collector seen;
        Explorer explorer(system, {});
        const SearchResult r = explorer.run(seen);
        REQUIRE(r.outcome == Outcome::Complete);
        REQUIRE(r.stats.states == ref.depth.size());
        REQUIRE(seen.depth_ == ref.depth); // same states at the same (shortest) depths
        REQUIRE(r.stats.transitions == ref.transitions);
        REQUIRE(seen.failures_ == ref.failures);
        REQUIRE(seen.deadlocks_ == ref.deadlocks);
        std::uint32_t deepest = 0;
        for (StateId id = 0; id < explorer.size(); ++id) {
            const auto path = explorer.path_to(id);
            const ConstStateView s = explorer.state(id);
            REQUIRE(path.size() == ref.depth.at(Packed(s.begin(), s.end())));
            REQUIRE(replays(system, explorer, id, path));
            deepest = std::max(deepest, static_cast<std::uint32_t>(path.size()));
        }
        REQUIRE(r.stats.max_depth == deepest);
    }
}

TEST_CASE("search: BFS and DFS reach the same states on random graphs") {
    std::uint64_t nontrivial = 0;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        CAPTURE(seed);
        const RandomGraphSystem system(seed);
        Collector bfs_seen;
        Collector dfs_seen;
        SearchOptions dfs;
        dfs.order = SearchOrder::Dfs;
        const SearchResult b = Explorer(system, {}).run(bfs_seen);
        Explorer dfs_explorer(system, dfs);
        const SearchResult d = dfs_explorer.run(dfs_seen);
        REQUIRE(d.outcome == Outcome::Complete);
        REQUIRE(keys(dfs_seen.depth_) == keys(bfs_seen.depth_));
        REQUIRE(d.stats.states == b.stats.states);
        REQUIRE(d.stats.transitions == b.stats.transitions);
        REQUIRE(dfs_seen.failures_ == bfs_seen.failures_);
        REQUIRE(dfs_seen.deadlocks_ == bfs_seen.deadlocks_);
        for (StateId id = 0; id < dfs_explorer.size(); ++id) {
            REQUIRE(replays(system, dfs_explorer, id, dfs_explorer.path_to(id)));
        }
        nontrivial += b.stats.states > 4 ? 1U : 0U;
    }
    CHECK(nontrivial > 100); // the generator really produces graphs worth comparing
}

TEST_CASE("search: limits hold on random graphs in both orders") {
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        CAPTURE(seed);
        const RandomGraphSystem system(seed);
        for (const SearchOrder order : {SearchOrder::Bfs, SearchOrder::Dfs}) {
            SearchOptions o;
            o.order = order;
            o.max_states = 5;
            Observer quiet;
            const SearchResult full = Explorer(system, {}).run(quiet);
            const SearchResult r = Explorer(system, o).run(quiet);
            REQUIRE(r.stats.states <= 5);
            REQUIRE((r.outcome == Outcome::StateLimit) == (full.stats.states > 5));
        }
    }
}
