#pragma once
/// \file
/// Level-synchronous breadth-first search spread over MPI ranks (the DiVinE / LTSmin scheme).
/// Every state has one owner rank, picked by a hash of the state (with a seed of its own, so
/// ownership does not correlate with the store's index bits); each rank keeps the visited set
/// of the states it owns in a `StateStore` plus, per state, its parent (rank, index) and the
/// action that produced it. A rank expands its part of the current level, keeps successors it
/// owns and sends the others, batched, to their owners (`Exchange`); after each level the
/// ranks agree on the counters, the limits hit and each property's first violation, which
/// also detects termination (a level that added no state anywhere).
///
/// Safety properties are decided by a `PropertySet` on each rank, fed the same events as in a
/// single-process search; across ranks, a property's counterexample is the violation of least
/// depth (ties: lowest rank), so its length is that of a single-process breadth-first search.

#include "distributed/exchange.hpp"
#include "explorer/chunked_array.hpp"
#include "explorer/search.hpp"
#include "explorer/state_store.hpp"
#include "model/transition_system.hpp"
#include "properties/property_set.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <vector>

namespace ilv::dist {

/// Configuration of a distributed search.
struct DistributedOptions {
    /// 0 = unlimited; global: each rank stores at most ceil(max_states / ranks) states.
    std::uint64_t max_states = 0;
    /// 0 = unlimited; states at this depth are not expanded (as in a single-process search).
    std::uint32_t max_depth = 0;
    /// 0 = unlimited; per rank: a rank stops before its store would exceed this, or when its
    /// resident memory does.
    std::uint64_t memory_limit_bytes = 0;
    /// End after the first level in which some property was violated.
    bool stop_first = false;
    /// Polled during expansion; any rank seeing it set ends the search (Interrupted).
    const std::atomic<bool>* interrupt = nullptr;
    /// Bytes per batch of records bound for one rank.
    std::size_t batch_bytes = std::size_t{64} << 10;
};

/// Where a property was first violated, globally.
struct FirstViolation {
    static constexpr std::uint64_t none = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t key = none; ///< (depth << 32) | rank of the chosen violation; `none`: none

    [[nodiscard]] bool found() const noexcept { return key != none; }

    [[nodiscard]] std::uint32_t depth() const noexcept {
        return static_cast<std::uint32_t>(key >> 32);
    }

    [[nodiscard]] int rank() const noexcept { return static_cast<int>(key & 0xFFFFFFFFU); }
};

/// Totals of a distributed search, the same on every rank.
struct DistributedStats {
    SearchStats search;                         ///< summed states and transitions, max depth ...
    std::vector<std::uint64_t> states_per_rank; ///< states each rank owns
    ExchangeStats exchanged;                    ///< summed over ranks
};

/// One rank's part of a distributed search. The system and properties must outlive it.
class DistributedSearch {
public:
    /// Rank `rank` of `ranks` searching `system`, reporting to `properties`.
    DistributedSearch(const TransitionSystem& system, PropertySet& properties,
                      DistributedOptions options, int rank, int ranks);

    /// Collective: runs the search to its end; the outcome is the same on every rank.
    Outcome run();

    /// The first violation of each property of `statuses()`, in the same order.
    [[nodiscard]] const std::vector<FirstViolation>& first_violations() const noexcept {
        return first_;
    }

    /// Collective: the counters of the whole search.
    [[nodiscard]] DistributedStats stats();

    /// Collective: the path from the initial state to property `p`'s chosen violating state
    /// (each action with the state after it), on every rank; `last` receives that state.
    [[nodiscard]] std::vector<std::pair<ActionId, std::vector<Word>>>
    path_to_violation(std::size_t p, std::vector<Word>& last);

private:
    using Clock = std::chrono::steady_clock;

    /// Expands the local states of the current level; stops early on a local limit.
    void expand_level(std::uint32_t depth);
    /// Expands local state `id` at `depth`.
    void expand(StateId id, std::uint32_t depth);
    /// A state at the depth limit: notes that it was cut, or checks it for deadlock.
    void visit_leaf(StateId id, std::uint32_t depth);
    /// Handles successor `i` of `successors_` (owner and hash computed), generated from local
    /// state `from`.
    void route(std::size_t i, StateId from, std::uint32_t depth);
    /// Stores `s` (store hash `h`; parent `parent_rank`/`parent`, reached by `action`) unless
    /// known or a limit forbids it; checks the invariants on a new state.
    void insert(ConstStateView s, std::uint64_t h, std::uint32_t parent_rank, StateId parent,
                ActionId action, std::uint32_t depth);
    /// Stores the records of one received batch at `depth`.
    void receive(int from, std::span<const Word> records, std::uint32_t depth);
    /// Collective: agrees on the level's results; returns the outcome that ends the search,
    /// or Complete to go on. `added` receives the number of states added everywhere.
    Outcome agree(std::uint64_t& added);
    /// The local limit one more state would break (Complete: none).
    [[nodiscard]] Outcome limit_before_insert() const;
    /// Interrupt and resident-memory checks during a level.
    void poll();
    /// The owner rank of `s`.
    [[nodiscard]] int owner(ConstStateView s) const noexcept;

    const TransitionSystem& system_;
    PropertySet& properties_;
    DistributedOptions options_;
    int rank_;
    int ranks_;
    StateStore store_;
    ChunkedArray<std::uint32_t> parents_; ///< per state: parent rank, parent index, action
    Exchange exchange_;
    Exchange::Sink sink_;
    SuccessorBuffer successors_;
    FailureBuffer failures_;
    std::vector<int> owners_;           ///< owner rank of each successor of one expansion
    std::vector<std::uint64_t> hashes_; ///< store hash of each successor this rank owns
    std::vector<FirstViolation> first_;
    std::uint64_t state_cap_ = 0;
    std::uint64_t transitions_ = 0;
    std::uint64_t states_total_ = 0;
    std::uint32_t max_depth_seen_ = 0;
    std::uint32_t receive_depth_ = 0; ///< depth of the states received this level
    std::uint64_t polls_ = 0;
    Outcome local_limit_ = Outcome::Complete; ///< a limit this rank hit
    bool depth_limited_ = false;
    Clock::time_point start_;
};

} // namespace ilv::dist
