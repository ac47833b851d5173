// Unit tests of the distributed search that must run under mpirun (ctest mpi/unit_np3): every
// rank runs the same test cases in the same order, since most calls are collective. Batches of
// one record force the exchange through its many-messages path (sends in flight, receiving
// while waiting), which whole-model runs with the default 64 KiB batches never reach.
#include "distributed/check.hpp"
#include "distributed/comm.hpp"
#include "distributed/exchange.hpp"
#include "explorer/property_observer.hpp"
#include "explorer/search.hpp"
#include "tests/support/model_text.hpp"

#define DOCTEST_CONFIG_IMPLEMENT
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

using namespace ilv;

namespace {

int my_rank = 0;
int world = 1;

/// The model file `name` of specs/examples with `overrides`.
LoadResult example(const std::string& name, const Overrides& overrides = {}) {
    std::ifstream in(std::string(ILV_SOURCE_DIR) + "/specs/examples/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return load_model_text(text.str(), name, overrides);
}

/// A single-process check of `model`: the search result and the property statuses.
std::pair<SearchResult, std::vector<PropertyStatus>> single(const CompiledModel& model) {
    PropertySet properties(model, {});
    Explorer explorer(model, {});
    PropertyObserver observer(properties, false);
    const SearchResult r = explorer.run(observer);
    properties.finish(r.outcome == Outcome::Complete);
    return {r, properties.statuses()};
}

/// Distributed check of `model` on every rank with batches of `batch_bytes`.
dist::DistributedCheck distributed(const CompiledModel& model, std::size_t batch_bytes) {
    PropertySet properties(model, {});
    dist::DistributedOptions options;
    options.batch_bytes = batch_bytes;
    return dist::check_distributed(model, properties, options, my_rank, world);
}

/// The steps of each violated property's counterexample (0 for the others).
std::vector<std::uint32_t> steps(const std::vector<PropertyStatus>& statuses) {
    std::vector<std::uint32_t> out;
    for (const PropertyStatus& p : statuses) {
        out.push_back(p.violation ? p.violation->depth + (p.violation->failure ? 1U : 0U) : 0U);
    }
    return out;
}

} // namespace

TEST_CASE("unit: exchange delivers every record once, whatever the batch size") {
    for (const std::size_t batch_bytes : {std::size_t{1}, std::size_t{100}, std::size_t{1} << 16}) {
        dist::Exchange exchange(my_rank, world, 3, batch_bytes);
        std::vector<std::uint64_t> received(static_cast<std::size_t>(world), 0);
        std::vector<std::uint64_t> sum(static_cast<std::size_t>(world), 0);
        bool well_formed = true;
        const dist::Exchange::Sink sink = [&](int from, std::span<const Word> records) {
            for (std::size_t at = 0; at + 3 <= records.size(); at += 3) {
                well_formed = well_formed && records[at] == static_cast<Word>(from) &&
                              records[at + 2] == static_cast<Word>(my_rank);
                ++received[static_cast<std::size_t>(from)];
                sum[static_cast<std::size_t>(from)] += records[at + 1];
            }
        };
        constexpr std::uint64_t per_rank = 3000;
        for (std::uint64_t k = 0; k < per_rank; ++k) {
            for (int to = 0; to < world; ++to) {
                if (to != my_rank) {
                    const std::span<Word> r = exchange.post(to, sink);
                    r[0] = static_cast<Word>(my_rank);
                    r[1] = k;
                    r[2] = static_cast<Word>(to);
                }
            }
            if (k % 100 == 0) {
                exchange.receive_ready(sink);
            }
        }
        exchange.finish_level(sink);
        // A collective after each level, as the search's agreement: without it a rank that is
        // done could send the next round's records to a rank still waiting for end markers.
        std::uint64_t sync[] = {0};
        dist::all_sum(sync);
        CHECK(well_formed);
        for (int from = 0; from < world; ++from) {
            const auto f = static_cast<std::size_t>(from);
            CHECK(received[f] == (from == my_rank ? 0 : per_rank));
            CHECK(sum[f] == (from == my_rank ? 0 : per_rank * (per_rank - 1) / 2));
        }
        CHECK(exchange.stats().records == per_rank * static_cast<std::uint64_t>(world - 1));
    }
}

TEST_CASE("unit: one-record batches give the single-process states, verdicts and depths") {
    // philosophers -D N=6: 198 states by hand count (docs/testing.md); broken_mutex and
    // range_error: invariant and runtime violations with shortest counterexamples.
    const std::vector<std::pair<std::string, Overrides>> models = {{"philosophers.ilv", {{"N", 6}}},
                                                                   {"broken_mutex.ilv", {}},
                                                                   {"range_error.ilv", {}},
                                                                   {"assert_fail.ilv", {}},
                                                                   {"ticket_lock.ilv", {}}};
    for (const auto& model : models) {
        const std::string& name = model.first;
        CAPTURE(name);
        const LoadResult loaded = example(name, model.second);
        REQUIRE(loaded.model);
        const auto [reference, statuses] = single(*loaded.model);
        const dist::DistributedCheck d = distributed(*loaded.model, 1);
        CHECK(d.search.outcome == reference.outcome);
        CHECK(d.search.stats.states == reference.stats.states);
        CHECK(d.search.stats.transitions == reference.stats.transitions);
        CHECK(d.search.stats.max_depth == reference.stats.max_depth);
        CHECK(steps(d.properties) == steps(statuses));
        std::uint64_t owned = 0;
        for (const std::uint64_t n : d.stats.states_per_rank) {
            owned += n;
        }
        CHECK(owned == d.search.stats.states);
        for (std::size_t p = 0; p < d.properties.size(); ++p) {
            CHECK(d.properties[p].verdict == statuses[p].verdict);
            const auto& v = d.properties[p].violation;
            CHECK(d.paths[p].size() == (v ? v->depth : 0U));
        }
    }
}

TEST_CASE("unit: philosophers with 6 seats has 198 states (hand count) on any number of ranks") {
    const LoadResult loaded = example("philosophers.ilv", {{"N", 6}});
    REQUIRE(loaded.model);
    CHECK(distributed(*loaded.model, 1).search.stats.states == 198);
    CHECK(distributed(*loaded.model, std::size_t{1} << 16).search.stats.states == 198);
}

TEST_CASE("unit: the re-derived violation is the single-process one") {
    const LoadResult loaded = example("range_error.ilv");
    REQUIRE(loaded.model);
    const auto [reference, statuses] = single(*loaded.model);
    const dist::DistributedCheck d = distributed(*loaded.model, 1);
    for (std::size_t p = 0; p < statuses.size(); ++p) {
        REQUIRE(statuses[p].violation.has_value() == d.properties[p].violation.has_value());
        if (statuses[p].violation) {
            CHECK(d.properties[p].violation->message == statuses[p].violation->message);
            CHECK(d.properties[p].violation->failure.has_value() ==
                  statuses[p].violation->failure.has_value());
        }
    }
}

int main(int argc, char** argv) {
    const dist::Session session;
    my_rank = session.rank();
    world = session.ranks();
    doctest::Context context(argc, argv);
    const int failed = context.run();
    std::uint64_t any[] = {failed != 0 ? 1U : 0U};
    dist::all_max(any);
    return any[0] != 0 ? 1 : 0;
}
