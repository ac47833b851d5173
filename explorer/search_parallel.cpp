// Breadth-first search on several threads. The frontier is taken in slices of consecutive
// states. For each slice, every thread generates successors of some chunks (slice_pool.hpp),
// then every thread looks up, in the store shards it owns, the successors that hash there,
// in slice order, claiming an index entry for each state it does not find. The search thread
// then walks the slice exactly as the single-threaded search would, numbering each claimed
// state when it first meets it and reporting to the observer; while it does, the workers
// generate the next slice. The provisional ids left in claimed entries are replaced by the
// real ones at the start of the next lookup round. When a slice needs a larger index, all
// threads rebuild it together first. So ids, parents, counterexamples and every reported
// number are the same as with one thread.
#include "explorer/search.hpp"
#include "explorer/slice_pool.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace ilv {

namespace {

/// Frontier states per generation chunk: large enough to amortise taking a chunk, small
/// enough that threads finish a slice's chunks at about the same time.
constexpr std::size_t chunk_states = 256;
/// Chunks per slice: a slice's lookup round and bookkeeping should be small against its
/// generation, and the search thread's walk over it long enough to overlap the next one.
constexpr std::size_t slice_chunks = 16;

} // namespace

unsigned Explorer::shard_bits(const SearchOptions& options) noexcept {
    if (options.order != SearchOrder::Bfs || options.threads <= 1) {
        return 0;
    }
    return static_cast<unsigned>(std::bit_width(std::bit_ceil(options.threads)) - 1);
}

/// The frontier slices of one parallel search and the threads working on them.
class Explorer::Slices {
public:
    /// Prepares a parallel search for `explorer`, reporting to `observer`.
    Slices(Explorer& explorer, Observer& observer)
        : explorer_(explorer),
          observer_(observer),
          pool_(explorer.system_, explorer.store_, explorer.options_.threads - 1),
          per_thread_(pool_.threads()) {}

    /// Runs the search to its end.
    void run() {
        Slice* current = &slices_[0];
        Slice* next = &slices_[1];
        publish(*current);
        bool going = true;
        while (going && current->states > 0) {
            pool_.wait_generated();
            const bool claimed = look_up(*current);
            publish(*next);
            going = settle(*current, claimed);
            if (going && next->states == 0) {
                publish(*next); // the walk may have stored the next states
            }
            std::swap(current, next);
        }
        settle_claims(last_claimed_);
    }

private:
    /// A run of consecutive frontier states and what became of their successors.
    struct Slice {
        std::size_t states = 0; ///< number of states (0: none left)
        std::vector<std::unique_ptr<GenerationJob>> chunks;
        std::size_t chunks_used = 0;
        std::size_t successors = 0;            ///< successors of all its chunks
        std::vector<std::uint32_t> chunk_base; ///< slice position of each chunk's first successor
        std::vector<std::uint32_t> refs;       ///< one chunk's claim answers, in order
        std::vector<StateId> ids;              ///< id given to the claim of each successor position
    };

    /// Per thread: the entries it claimed. Aligned to a cache line so that threads filling
    /// their own never share one.
    struct alignas(64) Lookups {
        std::vector<std::pair<std::size_t, std::uint32_t>> claims; ///< slot, position
        std::vector<const Word*> states;   ///< by slice position: the successors it looked up
        std::vector<std::uint64_t> hashes; ///< hashes of the group being looked up
    };

    /// Queues the next frontier states (up to a slice) for generation.
    void publish(Slice& slice) {
        StateStore& store = explorer_.store_;
        slice.states = std::min(chunk_states * slice_chunks, store.size() - handed_out_);
        slice.chunks_used = (slice.states + chunk_states - 1) / chunk_states;
        while (slice.chunks.size() < slice.chunks_used) {
            slice.chunks.push_back(std::make_unique<GenerationJob>());
        }
        queue_.clear();
        for (std::size_t c = 0; c < slice.chunks_used; ++c) {
            GenerationJob& chunk = *slice.chunks[c];
            const std::size_t count = std::min(chunk_states, store.size() - handed_out_);
            chunk.states.clear();
            for (std::size_t k = 0; k < count; ++k) {
                chunk.states.push_back(store.state(static_cast<StateId>(handed_out_ + k)).data());
            }
            handed_out_ += count;
            queue_.push_back(&chunk);
        }
        pool_.generate(queue_);
    }

    /// Looks up the successors of `slice` on every thread, claiming entries for new states,
    /// after settling the claims of the slice before. False when the slice must be stored by
    /// the search thread alone instead (partial-order reduction, or the index growth the
    /// slice needs does not fit the memory limit).
    bool look_up(Slice& slice) {
        StateStore& store = explorer_.store_;
        const std::vector<std::size_t> incoming = count_successors(slice);
        const std::size_t index_now = store.capacity() * sizeof(std::uint32_t);
        const std::size_t index_after = store.index_bytes_after_reserve(incoming);
        if (explorer_.options_.por != nullptr ||
            !explorer_.fits(index_after - index_now, index_after)) {
            settle_claims(last_claimed_);
            last_claimed_ = nullptr;
            return false;
        }
        if (store.reserve(incoming)) {
            const unsigned threads = pool_.threads();
            pool_.run_on_all([&](unsigned k) { store.clear_part(k, threads); });
            pool_.run_on_all([&](unsigned k) { store.fill_part(k, threads); });
            drop_claims(); // the rebuilt index holds every stored state under its real id
        }
        slice.ids.assign(slice.successors, no_state);
        const auto base = static_cast<StateId>(store.size());
        Slice* settled = last_claimed_;
        const std::function<void(unsigned)> task = [&](unsigned k) {
            look_up_on(k, slice, settled, base);
        };
        pool_.run_on_all(task);
        last_claimed_ = &slice;
        explorer_.claim_base_ = base;
        explorer_.claimed_ids_ = slice.ids;
        return true;
    }

    /// Counts the successors of `slice` (setting `successors` and `chunk_base`) and returns
    /// how many fall in each shard of the store.
    std::vector<std::size_t> count_successors(Slice& slice) const {
        std::vector<std::size_t> incoming(explorer_.store_.shards(), 0);
        slice.successors = 0;
        slice.chunk_base.clear();
        for (std::size_t c = 0; c < slice.chunks_used; ++c) {
            const ExpansionBatch& chunk = *slice.chunks[c]->result;
            slice.chunk_base.push_back(static_cast<std::uint32_t>(slice.successors));
            slice.successors += chunk.successors.size();
            for (std::size_t s = 0; s < incoming.size(); ++s) {
                incoming[s] += chunk.shard_begin[s + 1] - chunk.shard_begin[s];
            }
        }
        return incoming;
    }

    /// Thread `k`'s part of a lookup round: settles its claims of `settled`, then looks up
    /// the successors of `slice` in the shards it owns (k, k + threads, ...), in slice order
    /// within each shard.
    void look_up_on(unsigned k, Slice& slice, const Slice* settled, StateId base) {
        StateStore& store = explorer_.store_;
        Lookups& own = per_thread_[k];
        if (settled != nullptr) {
            for (const auto& [slot, position] : own.claims) {
                store.settle_claim(slot, settled->ids[position]);
            }
        }
        own.claims.clear();
        own.states.resize(slice.successors);
        for (std::size_t c = 0; c < slice.chunks_used; ++c) {
            ExpansionBatch& chunk = *slice.chunks[c]->result;
            for (std::size_t s = k; s < store.shards(); s += pool_.threads()) {
                look_up_group(chunk, slice.chunk_base[c], chunk.shard_begin[s],
                              chunk.shard_begin[s + 1], base, own);
            }
        }
    }

    /// Looks up `chunk.by_shard[begin .. end)`, successors of one shard, whose positions in
    /// the slice start at `chunk_base`.
    void look_up_group(ExpansionBatch& chunk, std::uint32_t chunk_base, std::size_t begin,
                       std::size_t end, StateId base, Lookups& own) {
        StateStore& store = explorer_.store_;
        own.hashes.resize(end - begin);
        for (std::size_t j = begin; j < end; ++j) {
            own.hashes[j - begin] = store.hash(chunk.successors.state(chunk.by_shard[j]));
        }
        constexpr std::size_t ahead = 8;
        for (std::size_t j = begin; j < std::min(begin + ahead, end); ++j) {
            store.prefetch(own.hashes[j - begin]);
        }
        for (std::size_t j = begin; j < end; ++j) {
            if (j + ahead < end) {
                store.prefetch(own.hashes[j + ahead - begin]);
            }
            const std::uint32_t i = chunk.by_shard[j];
            const std::uint32_t p = chunk_base + i;
            const Word* state = chunk.successors.state(i).data();
            own.states[p] = state;
            std::size_t slot = 0;
            const std::uint32_t ref = store.claim({state, store.words()}, own.hashes[j - begin],
                                                  base, p, own.states, slot);
            chunk.refs[j] = ref;
            if (ref == base + p) {
                own.claims.emplace_back(slot, p);
            }
        }
    }

    /// Replaces the provisional ids of the claims made for `slice` by the ids it gave them.
    void settle_claims(const Slice* slice) {
        if (slice != nullptr) {
            for (Lookups& own : per_thread_) {
                for (const auto& [slot, position] : own.claims) {
                    explorer_.store_.settle_claim(slot, slice->ids[position]);
                }
            }
        }
        drop_claims();
    }

    /// Forgets every claim (after they were settled or the index was rebuilt).
    void drop_claims() {
        for (Lookups& own : per_thread_) {
            own.claims.clear();
        }
        last_claimed_ = nullptr;
    }

    /// Walks `slice` in id order as the single-threaded search does: depth, limits, failures,
    /// deadlocks and storing of successors (through the claims when `claimed`). False when
    /// the search must end.
    bool settle(Slice& slice, bool claimed) {
        Explorer& e = explorer_;
        for (std::size_t c = 0; c < slice.chunks_used; ++c) {
            const ExpansionBatch& chunk = *slice.chunks[c]->result;
            if (claimed) {
                gather_refs(chunk, slice.refs);
            } else {
                hash_all(chunk);
            }
            for (std::size_t k = 0; k < chunk.enabled.size(); ++k, ++next_) {
                if (next_ == level_end_) {
                    ++depth_;
                    level_end_ = e.store_.size();
                }
                if (!e.poll()) {
                    return false;
                }
                e.expanded_ = next_ + 1;
                const auto id = static_cast<StateId>(next_);
                if (e.is_pruned_next(id)) {
                    continue;
                }
                if (!settle_state(chunk, k, claimed ? slice.refs : std::span<const std::uint32_t>{},
                                  id)) {
                    return false;
                }
            }
        }
        return true;
    }

    /// Puts the claim answers for the successors of `chunk` in successor order.
    static void gather_refs(const ExpansionBatch& chunk, std::vector<std::uint32_t>& refs) {
        refs.resize(chunk.successors.size());
        for (std::size_t j = 0; j < refs.size(); ++j) {
            refs[chunk.by_shard[j]] = chunk.refs[j];
        }
    }

    /// Hashes the successors of `chunk` for the search thread's own lookups (no claims).
    void hash_all(const ExpansionBatch& chunk) {
        hashes_.resize(chunk.successors.size());
        for (std::size_t i = 0; i < hashes_.size(); ++i) {
            hashes_[i] = explorer_.store_.hash(chunk.successors.state(i));
        }
    }

    /// Settles frontier state `id`, the `k`-th of `chunk`; `refs` holds the chunk's claim
    /// answers (empty: store through lookups).
    bool settle_state(const ExpansionBatch& chunk, std::size_t k,
                      std::span<const std::uint32_t> refs, StateId id) {
        Explorer& e = explorer_;
        if (e.at_depth_limit(depth_)) {
            return e.visit_leaf(observer_, id, depth_);
        }
        const std::size_t begin = k == 0 ? 0 : chunk.successor_end[k - 1];
        const std::size_t end = chunk.successor_end[k];
        const std::size_t fail_begin = k == 0 ? 0 : chunk.failure_end[k - 1];
        const Expansion expansion{
            chunk.enabled[k],
            chunk.successors,
            begin,
            end,
            std::span(chunk.failures).subspan(fail_begin, chunk.failure_end[k] - fail_begin),
            refs.empty() ? std::span(hashes_).subspan(begin, end - begin)
                         : std::span<const std::uint64_t>{},
            refs.empty() ? refs : refs.subspan(begin, end - begin)};
        return e.settle_bfs(observer_, id, depth_, expansion);
    }

    Explorer& explorer_;
    Observer& observer_;
    Slice slices_[2];
    SlicePool pool_; ///< after the slices: its threads stop before they go
    std::vector<Lookups> per_thread_;
    std::vector<GenerationJob*> queue_;
    std::vector<std::uint64_t> hashes_; ///< a chunk's hashes when the search thread stores it
    Slice* last_claimed_ = nullptr;     ///< the slice whose claims are not settled yet
    std::size_t handed_out_ = 0;        ///< frontier states queued so far
    std::size_t next_ = 0;              ///< next frontier state to settle
    std::size_t level_end_ = 1;         ///< first id of the next BFS level
    std::uint32_t depth_ = 0;           ///< depth of the states being settled
};

void Explorer::run_bfs_parallel(Observer& observer) {
    Slices slices(*this, observer);
    slices.run();
}

} // namespace ilv
