/// \file
/// Throughput and memory of the explorer's BFS on a synthetic model: three counters of
/// 0..limit-1 (default 200, so 8 million states), each declared 32 bits wide so that a state
/// packs into two words (16 bytes), each with an increment and a decrement action.
/// Usage: store_bench [limit]. Prints new states per second (wall and CPU time) and bytes per
/// stored state.

#include "explorer/memory.hpp"
#include "explorer/search.hpp"
#include "tests/support/counter_system.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

int main(int argc, char** argv) {
    const long limit = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 200;
    if (limit < 1 || limit > 2000) {
        std::fprintf(stderr, "usage: store_bench [limit in 1..2000]\n");
        return 1;
    }
    const ilv::test::CounterSystem system(3, limit, (std::int64_t{1} << 32) - 1);
    const std::uint64_t rss_before = ilv::current_rss_bytes();
    const std::clock_t cpu_before = std::clock();
    ilv::Observer quiet;
    ilv::Explorer explorer(system, {});
    const ilv::SearchResult r = explorer.run(quiet);
    const double cpu_seconds =
        static_cast<double>(std::clock() - cpu_before) / static_cast<double>(CLOCKS_PER_SEC);
    const std::uint64_t rss_after = ilv::current_rss_bytes();

    const auto states = static_cast<double>(r.stats.states);
    const double state_bytes = static_cast<double>(system.layout().words() * sizeof(ilv::Word));
    std::printf("states              %llu\n", static_cast<unsigned long long>(r.stats.states));
    std::printf("transitions         %llu\n", static_cast<unsigned long long>(r.stats.transitions));
    std::printf("seconds             %.3f\n", r.stats.seconds);
    std::printf("cpu seconds         %.3f\n", cpu_seconds);
    std::printf("new states/s        %.0f (wall clock)\n", states / r.stats.seconds);
    std::printf("new states/cpu-s    %.0f (CPU time: robust on a loaded machine)\n",
                states / cpu_seconds);
    std::printf("transitions/s       %.0f\n",
                static_cast<double>(r.stats.transitions) / r.stats.seconds);
    std::printf("packed state bytes  %.0f\n", state_bytes);
    std::printf("store bytes/state   %.2f (arena + index + parents, allocated)\n",
                static_cast<double>(r.stats.store_bytes) / states);
    std::printf("RSS growth/state    %.2f\n", static_cast<double>(rss_after - rss_before) / states);
    std::printf("peak RSS bytes      %llu\n",
                static_cast<unsigned long long>(r.stats.peak_memory_bytes));
    return r.outcome == ilv::Outcome::Complete ? 0 : 1;
}
