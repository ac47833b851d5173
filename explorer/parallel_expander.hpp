#pragma once
/// \file
/// Successor generation for breadth-first search on several threads. The search thread hands
/// out runs of consecutive frontier states (batches); worker threads generate and hash their
/// successors; the search thread takes the batches back in the order it handed them out and
/// stores the successors itself. Storing stays on one thread and in the same order as a
/// single-threaded search, so state ids, parent links, counterexamples and every reported
/// number are identical for any thread count: only the generation runs in parallel.

#include "explorer/state_store.hpp"
#include "model/transition_system.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
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

    StateId first = 0;                        ///< id of the batch's first state
    std::vector<const Word*> states;          ///< the states to expand (stable store pointers)
    SuccessorBuffer successors;               ///< all their successors, state by state
    FailureBuffer failures;                   ///< all their failed steps, state by state
    std::vector<std::uint64_t> hashes;        ///< hash of each successor, for the store
    std::vector<std::uint32_t> successor_end; ///< per state: end of its successors
    std::vector<std::uint32_t> failure_end;   ///< per state: end of its failures
    std::vector<std::uint32_t> enabled;       ///< per state: number of enabled actions
    /// 0 queued, 1 being generated, 2 generated; guarded by the expander's mutex.
    int phase = 0;
};

/// A pool of worker threads generating successors of queued batches. Only the search thread
/// calls its members. The pool is joined on destruction.
class ParallelExpander {
public:
    /// Starts `workers` threads, each with its own copy of `system` when the system needs
    /// one; successors are hashed with `store.hash` (a pure function of the state, safe from
    /// any thread); at most `slots` batches are in flight.
    ParallelExpander(const TransitionSystem& system, const StateStore& store, unsigned workers,
                     std::size_t slots);
    ~ParallelExpander();
    ParallelExpander(const ParallelExpander&) = delete;
    ParallelExpander& operator=(const ParallelExpander&) = delete;
    ParallelExpander(ParallelExpander&&) = delete;
    ParallelExpander& operator=(ParallelExpander&&) = delete;

    /// True when another batch may be queued.
    [[nodiscard]] bool has_free_slot() const noexcept { return in_flight_.size() < slots_; }

    /// True when no batch is in flight.
    [[nodiscard]] bool idle() const noexcept { return in_flight_.empty(); }

    /// Queues the states `states` (ids `first`, `first + 1`, ...) for expansion.
    void submit(StateId first, std::span<const Word* const> states);
    /// The oldest queued batch, generated. While a worker generates it, the calling thread
    /// generates the newest batch no worker has started, so it never idles while work is left.
    const ExpansionBatch& oldest();
    /// Returns the oldest batch's slot for reuse.
    void release_oldest();

private:
    /// One worker: takes queued batches until the pool stops.
    void work(const TransitionSystem& system);
    /// Generates `batch` with `system` (any thread; the batch must be claimed).
    void generate(const TransitionSystem& system, ExpansionBatch& batch) const;

    const TransitionSystem& system_;
    const StateStore& store_;
    std::size_t slots_;
    std::vector<std::unique_ptr<TransitionSystem>> copies_; ///< one per worker when needed
    std::vector<std::unique_ptr<ExpansionBatch>> owned_;    ///< every batch ever made
    std::vector<ExpansionBatch*> spare_;                    ///< free batches, capacity kept
    std::deque<ExpansionBatch*> in_flight_;                 ///< queued order = merge order
    std::deque<ExpansionBatch*> queued_;                    ///< not yet claimed by anyone
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable batch_done_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

} // namespace ilv
