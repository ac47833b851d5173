// Breadth-first search with successor generation on several threads (see parallel_expander.hpp).
#include "explorer/parallel_expander.hpp"
#include "explorer/search.hpp"

#include <algorithm>

namespace ilv {

namespace {

/// Frontier states per batch: large enough to amortise the hand-over (each one wakes a worker
/// through the kernel: 64 gave 1.27-1.55x on two cores, 256 gives 1.5-1.9x on the md model),
/// small enough that the early levels of a search are already shared between the threads.
constexpr std::size_t batch_states = 256;
/// Batches in flight per thread: the merging thread should find its next batch generated.
constexpr std::size_t slots_per_thread = 8;

/// Hands out frontier states [from, store size) in batches while the pool has room.
void hand_out(ParallelExpander& pool, const StateStore& store, std::size_t& from,
              std::vector<const Word*>& pointers) {
    while (pool.has_free_slot() && from < store.size()) {
        const std::size_t count = std::min(batch_states, store.size() - from);
        pointers.clear();
        for (std::size_t k = 0; k < count; ++k) {
            pointers.push_back(store.state(static_cast<StateId>(from + k)).data());
        }
        pool.submit(static_cast<StateId>(from), pointers);
        from += count;
    }
}

} // namespace

void Explorer::run_bfs_parallel(Observer& observer) {
    ParallelExpander pool(system_, store_, options_.threads - 1,
                          slots_per_thread * options_.threads);
    std::vector<const Word*> pointers;
    std::size_t handed_out = 0;
    std::uint32_t depth = 0;
    std::size_t level_end = 1;
    std::size_t next = 0;
    hand_out(pool, store_, handed_out, pointers);
    while (!pool.idle()) {
        const ExpansionBatch& batch = pool.oldest();
        for (std::size_t k = 0; k < batch.states.size(); ++k, ++next) {
            if (next == level_end) {
                ++depth;
                level_end = store_.size();
            }
            if (!poll()) {
                return;
            }
            expanded_ = next + 1;
            const auto id = static_cast<StateId>(next);
            if (is_pruned_next(id)) {
                continue;
            }
            const std::size_t begin = k == 0 ? 0 : batch.successor_end[k - 1];
            const std::size_t end = batch.successor_end[k];
            const std::size_t fail_begin = k == 0 ? 0 : batch.failure_end[k - 1];
            const Expansion e{
                batch.enabled[k],
                batch.successors,
                begin,
                end,
                std::span(batch.failures).subspan(fail_begin, batch.failure_end[k] - fail_begin),
                std::span(batch.hashes).subspan(begin, end - begin)};
            const bool ok = at_depth_limit(depth) ? visit_leaf(observer, id, depth)
                                                  : settle_bfs(observer, id, depth, e);
            if (!ok) {
                return;
            }
        }
        pool.release_oldest();
        hand_out(pool, store_, handed_out, pointers);
    }
}

} // namespace ilv
