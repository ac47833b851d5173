#pragma once
/// \file
/// Explicit-state search over a `TransitionSystem`: breadth-first (the default; the first
/// violation is at minimal depth and paths are shortest) or depth-first with an explicit stack.
/// Both store every state once in a `StateStore` and keep one 4-byte parent link per state.
/// BFS needs no queue: ids are handed out in BFS order, so the frontier is a cursor over the
/// store and level boundaries give depths. Actions along a path are not stored; `path_to`
/// recovers them by regenerating the parent's successors.

#include "explorer/chunked_array.hpp"
#include "explorer/observer.hpp"
#include "explorer/partial_order.hpp"
#include "explorer/state_store.hpp"
#include "model/transition_system.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

namespace ilv {

/// Visiting order.
enum class SearchOrder {
    Bfs, ///< level by level; shortest paths
    Dfs, ///< deepest first, ascending ActionId; paths are not shortest
};

/// How a search ended.
enum class Outcome {
    Complete,    ///< every reachable state was expanded
    Stopped,     ///< an observer answered `Next::Stop`
    StateLimit,  ///< one more state would exceed `max_states` (or the store's capacity)
    DepthLimit,  ///< done, but a state at `max_depth` had enabled actions that were not taken
    MemoryLimit, ///< one more state would exceed `memory_limit_bytes`
    Interrupted, ///< the `interrupt` flag was raised
};

/// Counters of a search, also passed to progress callbacks.
struct SearchStats {
    std::uint64_t states = 0;            ///< states stored
    std::uint64_t transitions = 0;       ///< successor states generated, duplicates included
    std::uint32_t max_depth = 0;         ///< deepest stored state (initial state: 0)
    double seconds = 0;                  ///< wall-clock time since `run` started
    std::uint64_t peak_memory_bytes = 0; ///< peak RSS of the whole process (VmHWM)
    std::uint64_t store_bytes = 0;       ///< bytes held by the store, index, parents, frontier
    std::uint64_t queue = 0;             ///< frontier size: BFS states not yet expanded, DFS stack
    std::uint64_t ample_states = 0;      ///< states expanded with an ample set only (`por`)
};

/// Search configuration, parsed once by the caller.
struct SearchOptions {
    /// BFS by default: violations at minimal depth, shortest counterexamples.
    SearchOrder order = SearchOrder::Bfs;
    /// 0 = unlimited; a search never stores more states than this (Outcome::StateLimit).
    std::uint64_t max_states = 0;
    /// 0 = unlimited; states at this depth are not expanded. Deadlocks there are still
    /// reported, failures of their actions are not (those steps would lie beyond the limit).
    /// If any of them had an enabled action, the outcome is DepthLimit instead of Complete.
    /// With DFS, a state first reached at the limit stays unexpanded even if a shorter path
    /// to it exists, as in SPIN.
    std::uint32_t max_depth = 0;
    /// 0 = unlimited; the search stops with MemoryLimit before an allocation of its own
    /// (arena chunk, index doubling, parent chunk, frontier growth) would take either its
    /// accounted bytes or the process RSS above this. A periodic RSS probe also stops it, after
    /// the fact, when memory it does not own (e.g. an observer's) crosses the limit.
    std::uint64_t memory_limit_bytes = 0;
    /// Call `Observer::on_edge` for every transition.
    bool report_edges = false;
    /// Polled before every expansion step (BFS: a state, DFS: one action of a state); when it
    /// reads true the search ends with Interrupted.
    /// Meant to be set by a signal handler; must outlive `run`.
    const std::atomic<bool>* interrupt = nullptr;
    /// Called about every `progress_interval_seconds` with the current counters.
    std::function<void(const SearchStats&)> progress;
    /// Seconds between progress calls (<= 0: at every check, about every 256 expansions).
    double progress_interval_seconds = 2.0;
    /// BFS only: threads that search (1: the caller alone). They generate successors and look
    /// them up in a store whose index is split into one shard per thread; the calling thread
    /// then numbers new states in single-threaded order, so every result, id and
    /// counterexample is the same for any value; DFS ignores it.
    unsigned threads = 1;
    /// Partial-order reduction (docs/por.md): null explores every enabled action; otherwise
    /// each state is expanded with the ample set these tables choose, when one qualifies.
    /// Must outlive `run`. Counterexamples stay real paths but need not be shortest.
    const PartialOrder* por = nullptr;
};

/// How a search ended and what it counted.
struct SearchResult {
    Outcome outcome = Outcome::Complete; ///< why the search ended
    SearchStats stats;                   ///< counters at the end
};

/// Runs one search and keeps its stored states and parent links afterwards, so callers can
/// look states up and build traces. The system must outlive the explorer. Not thread-safe.
class Explorer {
public:
    /// Prepares a search of `system`; nothing runs until `run`.
    Explorer(const TransitionSystem& system, SearchOptions options);

    /// Explores from the initial state, reporting to `observer`. Call at most once.
    SearchResult run(Observer& observer);

    /// Stored state `id`; valid while the explorer lives.
    [[nodiscard]] ConstStateView state(StateId id) const noexcept { return store_.state(id); }

    /// Number of stored states.
    [[nodiscard]] std::size_t size() const noexcept { return store_.size(); }

    /// The ids of every state in `buffer` (`no_state` where not stored), looked up as a batch:
    /// all hashes first, with prefetches, so the index's cache misses overlap. Lets later
    /// passes (liveness) map regenerated successors back to ids without storing edges.
    void find_all(const SuccessorBuffer& buffer, std::vector<StateId>& ids) const;

    /// The state from which `id` was first discovered; `no_state` for the initial state.
    [[nodiscard]] StateId parent(StateId id) const noexcept { return parents_.at(id)[0]; }

    /// The path from the initial state to `id`: each step's action and the state after it
    /// (empty for the initial state). Under BFS it is a shortest path. Each action is the
    /// lowest ActionId leading from the parent to the child.
    [[nodiscard]] std::vector<std::pair<ActionId, StateId>> path_to(StateId id) const;

private:
    using Clock = std::chrono::steady_clock;

    /// What became of a generated successor.
    struct Discovery {
        StateId id = no_state; ///< its id (no_state: a limit refused to store it)
        bool is_new = false;   ///< stored just now
        bool expand = true;    ///< new and not pruned by `on_state`
    };

    /// One DFS stack entry: a state and how far its expansion got.
    struct Frame {
        StateId id;
        ActionId action;    ///< next action to try
        std::uint32_t skip; ///< successors of `action` already handled
        bool enabled;       ///< some action of `id` was enabled so far
        std::uint32_t site; ///< `por`: the ample site, `no_site` (full) or `undecided`
    };

    /// `Frame::site` before the DFS decided how to expand the state.
    static constexpr std::uint32_t undecided = PartialOrder::no_site - 1;

    /// Stores and reports the initial state; false when the search must end.
    bool start(Observer& observer);
    void run_bfs(Observer& observer);
    /// The state of one `run_bfs_parallel` (search_parallel.cpp).
    class Slices;
    /// `run_bfs` on `options_.threads` threads (search_parallel.cpp).
    void run_bfs_parallel(Observer& observer);
    /// Index shards of the store for `options`: one per search thread, rounded up to a power
    /// of two, when the search is parallel; else 1 (2^0).
    [[nodiscard]] static unsigned shard_bits(const SearchOptions& options) noexcept;
    /// Expands BFS state `id` at `depth`; false when the search must end.
    bool expand_bfs(Observer& observer, StateId id, std::uint32_t depth);

    /// The successors of one state, generated and hashed, as `settle_bfs` consumes them.
    struct Expansion {
        std::size_t enabled;                   ///< enabled actions of the state
        const SuccessorBuffer& successors;     ///< holds the state's successors ...
        std::size_t begin;                     ///< ... from here
        std::size_t end;                       ///< ... to here
        std::span<const StepFailure> failures; ///< its failed steps
        /// Store hash of successors[begin + i] (empty when `refs` is given).
        std::span<const std::uint64_t> hashes;
        /// Parallel search: what the store's `claim` answered for successors[begin + i]
        /// (empty: look the successors up in the store instead).
        std::span<const std::uint32_t> refs = {};
    };

    /// Reports the failures of BFS state `id`, its deadlock, or stores its successors;
    /// false when the search must end.
    bool settle_bfs(Observer& observer, StateId id, std::uint32_t depth, const Expansion& e);

    /// True (once) when BFS state `id` was pruned by `on_state`.
    [[nodiscard]] bool is_pruned_next(StateId id) noexcept;
    /// `por`: the ample site of state `id` given its full expansion (`no_site`: expand fully).
    std::uint32_t ample_site(StateId id, const SuccessorBuffer& successors, std::size_t begin,
                             std::size_t end, std::span<const StepFailure> failures,
                             std::span<const std::uint64_t> hashes);
    /// `por`: the ample site of the top DFS frame, from a full expansion of its state.
    std::uint32_t ample_site_dfs(StateId id);
    void run_dfs(Observer& observer);
    /// Tries the next action of the top DFS frame (or pops it); false when the search must end.
    bool step_dfs(Observer& observer);
    /// Walks the successors in `successors_` of the top frame, pushing the first new one.
    bool descend_dfs(Observer& observer, std::uint32_t depth);
    /// Reports `failures` of `from`; false on Stop, sets `pruned` on Prune.
    bool report_failures(Observer& observer, StateId from, std::uint32_t depth,
                         std::span<const StepFailure> failures, bool& pruned);
    /// Handles successor `s` (hash `h`) of `from` under `a`: counts the transition, stores
    /// it, reports the edge and, when new, the state at `depth`. False when the search must end.
    bool discover(Observer& observer, StateId from, ActionId a, ConstStateView s, std::uint64_t h,
                  std::uint32_t depth, Discovery& d);
    /// `discover` for a successor claimed in the store, `ref` being what `claim` answered;
    /// stores it when its claim has no id yet in `claimed_ids_`.
    bool discover_claimed(Observer& observer, StateId from, ActionId a, ConstStateView s,
                          std::uint32_t ref, std::uint32_t depth, Discovery& d);
    /// Reports what `discover` found: the edge and, when new, the state. False on Stop.
    bool report_discovery(Observer& observer, StateId from, ActionId a, std::uint32_t depth,
                          Discovery& d);
    /// True when one more state may be stored; else ends the search with the limit (false).
    bool admit_new_state();
    /// True when a limit forbids storing one more state (`limit_` then says which).
    bool at_limit();
    /// Looks up or stores `s` unless a limit forbids a new state; false when it ends the search.
    bool store_state(ConstStateView s, std::uint64_t h, StateId parent, Discovery& d);
    /// The limit one more stored state would break (Complete: none); also schedules the next
    /// check at the next allocation or state limit.
    Outcome limit_before_insert();
    /// True when a growth step that adds `net` accounted bytes and allocates `allocated` bytes
    /// keeps both the accounted bytes and the process RSS within `memory_limit_bytes`.
    [[nodiscard]] bool fits(std::size_t net, std::size_t allocated) const;
    /// Appends to a frontier vector unless its growth would break the memory limit.
    template <class T>
    bool append(std::vector<T>& v, const T& value);
    /// A state that is not expanded because of `max_depth`: notes DepthLimit or a deadlock.
    bool visit_leaf(Observer& observer, StateId id, std::uint32_t depth);
    /// Reports a deadlock unless `id` is a valid end; false on Stop.
    bool check_deadlock(Observer& observer, StateId id, std::uint32_t depth);
    /// Interrupt, RSS and progress checks; false when the search must end.
    bool poll();
    /// Ends the search with `outcome`; always returns false.
    bool finish(Outcome outcome);
    [[nodiscard]] double elapsed_seconds() const;
    /// Bytes held by the store, index, parents and frontier structures.
    [[nodiscard]] std::size_t accounted_bytes() const noexcept;
    [[nodiscard]] SearchStats snapshot() const;

    [[nodiscard]] bool at_depth_limit(std::uint32_t depth) const noexcept {
        return options_.max_depth != 0 && depth >= options_.max_depth;
    }

    const TransitionSystem& system_;
    SearchOptions options_;
    StateStore store_;
    ChunkedArray<StateId> parents_;
    std::vector<StateId> pruned_; ///< BFS: ids pruned by `on_state`, ascending
    std::size_t pruned_cursor_ = 0;
    std::vector<Frame> stack_; ///< DFS only
    SuccessorBuffer successors_;
    FailureBuffer failures_;
    std::vector<std::uint64_t> hashes_;
    StateId claim_base_ = 0;         ///< parallel: store size when the slice was claimed
    std::span<StateId> claimed_ids_; ///< parallel: id per claimed slice position

    bool ran_ = false;
    bool ended_ = false;
    bool depth_limited_ = false;
    Outcome outcome_ = Outcome::Complete;
    Outcome limit_ = Outcome::Complete; ///< a limit already hit (no state may be added)
    std::size_t guard_at_ = 0;          ///< store size at which limits are checked again
    std::uint64_t transitions_ = 0;
    std::uint64_t ample_states_ = 0;
    std::uint32_t max_depth_seen_ = 0;
    std::size_t expanded_ = 0; ///< BFS cursor: states taken from the frontier
    std::uint64_t polls_ = 0;
    Clock::time_point start_;
    double next_progress_ = 0;
};

} // namespace ilv
