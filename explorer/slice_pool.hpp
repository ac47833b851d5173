#pragma once
/// \file
/// Worker threads for the parallel breadth-first search (search_parallel.cpp). The search
/// thread queues chunks of frontier states; the workers (and the search thread, while it
/// waits) generate their successors and group them by store shard. Between slices, `run_on_all`
/// runs one task on every thread at once: the sharded lookup of a slice's successors in the shared
/// store.

#include "explorer/state_store.hpp"
#include "model/transition_system.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace ilv {

/// The successors of a run of consecutive frontier states, in the order a single-threaded
/// expansion would produce them.
struct ExpansionBatch {
    /// A batch for states of `words` words.
    explicit ExpansionBatch(std::size_t words) : successors(words) {}

    SuccessorBuffer successors;               ///< all their successors, state by state
    FailureBuffer failures;                   ///< all their failed steps, state by state
    std::vector<std::uint32_t> successor_end; ///< per state: end of its successors
    std::vector<std::uint32_t> failure_end;   ///< per state: end of its failures
    std::vector<std::uint32_t> enabled;       ///< per state: number of enabled actions
    /// Successors grouped by store shard: those of shard `s` are
    /// `by_shard[shard_begin[s] .. shard_begin[s + 1])`, each group in successor order.
    std::vector<std::uint32_t> by_shard;
    std::vector<std::uint32_t> shard_begin; ///< one per shard, plus the end
    /// The store's answer for `by_shard[j]`, written by the thread owning its shard.
    std::vector<std::uint32_t> refs;
    std::vector<std::uint32_t> shards; ///< scratch: the shard of each successor
};

/// Fills `batch` with the expansion of `states` by `system` (any thread): successors,
/// failures and the grouping by store shard, all pure functions of the states and the seed
/// of `store`.
void generate_batch(const TransitionSystem& system, const StateStore& store,
                    std::span<const Word* const> states, ExpansionBatch& batch);

/// A run of consecutive frontier states to expand. It has an output buffer per thread, so a
/// buffer is only ever written by one thread and its cache lines stay with that core.
struct GenerationJob {
    std::vector<const Word*> states;                      ///< the states (stable store pointers)
    std::vector<std::unique_ptr<ExpansionBatch>> buffers; ///< by thread, made on first use
    ExpansionBatch* result = nullptr;                     ///< the buffer written, once generated
};

/// A pool of worker threads; only the search thread calls its members. Joined on destruction
/// (queued jobs are then dropped).
class SlicePool {
public:
    /// Starts `workers` threads, each with its own copy of `system` when the system needs one.
    SlicePool(const TransitionSystem& system, const StateStore& store, unsigned workers);
    ~SlicePool();
    SlicePool(const SlicePool&) = delete;
    SlicePool& operator=(const SlicePool&) = delete;
    SlicePool(SlicePool&&) = delete;
    SlicePool& operator=(SlicePool&&) = delete;

    /// Threads taking part in `run_on_all`: the workers and the caller.
    [[nodiscard]] unsigned threads() const noexcept {
        return static_cast<unsigned>(threads_.size()) + 1;
    }

    /// Queues `jobs` for generation; they must stay alive until `wait_generated` returns.
    void generate(std::span<GenerationJob* const> jobs);
    /// Returns when every queued job is generated, generating queued ones meanwhile.
    void wait_generated();
    /// Runs `task(k)` on every thread at once, k = 0 on the caller and 1.. on the workers, and
    /// returns when all are done. Call it only when no batch is queued.
    void run_on_all(const std::function<void(unsigned)>& task);

private:
    /// One worker: generates queued jobs and runs tasks until the pool stops.
    void work(const TransitionSystem& system, unsigned index);
    /// Generates `job` on thread `index` with `system`, into that thread's buffer.
    void run_job(const TransitionSystem& system, unsigned index, GenerationJob& job) const;

    const TransitionSystem& system_;
    const StateStore& store_;
    std::deque<GenerationJob*> queued_;                   ///< not yet claimed by anyone
    std::size_t generating_ = 0;                          ///< claimed, not yet generated
    const std::function<void(unsigned)>* task_ = nullptr; ///< the current `run_on_all` task
    std::uint64_t round_ = 0;                             ///< `run_on_all` calls so far
    unsigned round_left_ = 0;                             ///< workers still in the round
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable work_done_;
    std::vector<std::thread> threads_;
};

} // namespace ilv
