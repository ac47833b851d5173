#include "distributed/search.hpp"

#include "distributed/comm.hpp"
#include "explorer/hash.hpp"
#include "explorer/memory.hpp"
#include "model/invariant.hpp"

#include <algorithm>

namespace ilv::dist {

namespace {

/// Seed of the ownership hash; differs from the store's so the two hashes are unrelated.
constexpr std::uint64_t owner_seed = 0x9E3779B97F4A7C15ULL;
/// Parent records in chunks of about 1 MiB.
constexpr std::size_t parent_chunk_bytes = std::size_t{1} << 20;
/// "No parent rank": the initial state.
constexpr std::uint32_t no_rank = 0xFFFFFFFFU;
/// Expansions between looks at arrived batches (a look may yield the processor when the
/// machine is oversubscribed, so not too often; a batch takes about a thousand expansions).
constexpr std::uint64_t receive_period = 256;
/// Receive looks between interrupt and RSS checks.
constexpr std::uint64_t rss_period = 16;

/// Severity order of the limits a rank can hit, for a max-reduction across ranks.
std::uint64_t severity(Outcome o) {
    switch (o) {
    case Outcome::StateLimit:
        return 1;
    case Outcome::MemoryLimit:
        return 2;
    case Outcome::Interrupted:
        return 3;
    default:
        return 0;
    }
}

Outcome from_severity(std::uint64_t s) {
    static constexpr Outcome outcomes[] = {Outcome::Complete, Outcome::StateLimit,
                                           Outcome::MemoryLimit, Outcome::Interrupted};
    return outcomes[s];
}

} // namespace

DistributedSearch::DistributedSearch(const TransitionSystem& system, PropertySet& properties,
                                     DistributedOptions options, int rank, int ranks)
    : system_(system),
      properties_(properties),
      options_(options),
      rank_(rank),
      ranks_(ranks),
      store_(system.layout().words()),
      parents_(3, parent_chunk_bytes),
      exchange_(rank, ranks, system.layout().words() + 1, options.batch_bytes),
      sink_([this](int from, std::span<const Word> records) {
          receive(from, records, receive_depth_);
      }),
      successors_(system.layout().words()),
      first_(properties.statuses().size()) {
    const auto k = static_cast<std::uint64_t>(ranks);
    state_cap_ = options_.max_states == 0 ? 0 : (options_.max_states + k - 1) / k;
}

int DistributedSearch::owner(ConstStateView s) const noexcept {
    if (ranks_ == 1) {
        return 0;
    }
    return static_cast<int>(hash_words(s, owner_seed) % static_cast<std::uint64_t>(ranks_));
}

Outcome DistributedSearch::run() {
    start_ = Clock::now();
    std::vector<Word> initial(store_.words(), 0);
    system_.initial(initial);
    if (owner(initial) == rank_) {
        insert(initial, store_.hash(initial), no_rank, no_state, 0, 0);
    }
    std::uint64_t added = 0;
    Outcome outcome = agree(added);
    std::size_t begin = 0;
    for (std::uint32_t depth = 0; outcome == Outcome::Complete && added > 0; ++depth) {
        const std::size_t end = store_.size();
        receive_depth_ = depth + 1;
        for (std::size_t id = begin; id < end && local_limit_ == Outcome::Complete; ++id) {
            if (++polls_ % receive_period == 0) {
                if (ranks_ > 1) {
                    exchange_.receive_ready(sink_);
                }
                poll();
            }
            expand(static_cast<StateId>(id), depth);
        }
        exchange_.finish_level(sink_);
        begin = end;
        outcome = agree(added);
        if (added > 0) {
            max_depth_seen_ = depth + 1;
        }
    }
    if (outcome == Outcome::Complete && depth_limited_) {
        outcome = Outcome::DepthLimit;
    }
    return outcome;
}

void DistributedSearch::expand(StateId id, std::uint32_t depth) {
    if (options_.max_depth != 0 && depth >= options_.max_depth) {
        visit_leaf(id, depth);
        return;
    }
    successors_.clear();
    failures_.clear();
    const ConstStateView s = store_.state(id);
    const std::size_t enabled = system_.successors(s, successors_, failures_);
    for (const StepFailure& f : failures_) {
        properties_.record_failure(id, f, depth);
    }
    if (enabled == 0) {
        if (!system_.is_valid_end(s)) {
            properties_.record_deadlock(id, depth);
        }
        return;
    }
    transitions_ += successors_.size();
    owners_.resize(successors_.size());
    hashes_.resize(successors_.size());
    for (std::size_t i = 0; i < successors_.size(); ++i) {
        owners_[i] = owner(successors_.state(i));
        if (owners_[i] == rank_) {
            hashes_[i] = store_.hash(successors_.state(i));
            store_.prefetch(hashes_[i]);
        }
    }
    for (std::size_t i = 0; i < successors_.size(); ++i) {
        route(i, id, depth);
    }
}

void DistributedSearch::visit_leaf(StateId id, std::uint32_t depth) {
    successors_.clear();
    failures_.clear();
    const ConstStateView s = store_.state(id);
    if (system_.successors(s, successors_, failures_) > 0) {
        depth_limited_ = true;
    } else if (!system_.is_valid_end(s)) {
        properties_.record_deadlock(id, depth);
    }
}

void DistributedSearch::route(std::size_t i, StateId from, std::uint32_t depth) {
    const ConstStateView s = successors_.state(i);
    const ActionId action = successors_.action(i);
    const int to = owners_[i];
    if (to == rank_) {
        insert(s, hashes_[i], static_cast<std::uint32_t>(rank_), from, action, depth + 1);
        return;
    }
    const std::span<Word> record = exchange_.post(to, sink_);
    record[0] = (Word{from} << 32) | Word{action};
    std::copy(s.begin(), s.end(), record.begin() + 1);
}

void DistributedSearch::receive(int from, std::span<const Word> records, std::uint32_t depth) {
    const std::size_t width = exchange_.record_words();
    const std::size_t count = records.size() / width;
    constexpr std::size_t group = 16; // hashes computed and prefetched ahead of the lookups
    std::uint64_t hashes[group];
    for (std::size_t first = 0; first < count; first += group) {
        const std::size_t n = std::min(group, count - first);
        for (std::size_t k = 0; k < n; ++k) {
            hashes[k] = store_.hash(records.subspan((first + k) * width + 1, width - 1));
            store_.prefetch(hashes[k]);
        }
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t at = (first + k) * width;
            const Word header = records[at];
            insert(records.subspan(at + 1, width - 1), hashes[k], static_cast<std::uint32_t>(from),
                   static_cast<StateId>(header >> 32), static_cast<ActionId>(header & 0xFFFFFFFFU),
                   depth);
        }
    }
}

void DistributedSearch::insert(ConstStateView s, std::uint64_t h, std::uint32_t parent_rank,
                               StateId parent, ActionId action, std::uint32_t depth) {
    const Outcome limit = local_limit_ != Outcome::Complete ? local_limit_ : limit_before_insert();
    if (limit != Outcome::Complete) {
        if (store_.find_hashed(s, h) == no_state) {
            local_limit_ = limit; // the state is dropped: the search is now incomplete
        }
        return;
    }
    const StateStore::Insert r = store_.find_or_insert_hashed(s, h);
    if (!r.inserted) {
        return;
    }
    const std::span<std::uint32_t> link = parents_.push();
    link[0] = parent_rank;
    link[1] = parent;
    link[2] = action;
    properties_.check_state(r.id, store_.state(r.id), depth);
}

Outcome DistributedSearch::limit_before_insert() const {
    const std::size_t n = store_.size();
    if ((state_cap_ != 0 && n >= state_cap_) || n >= StateStore::max_size()) {
        return Outcome::StateLimit;
    }
    const std::uint64_t limit = options_.memory_limit_bytes;
    if (limit != 0 &&
        store_.memory_bytes_after_insert() + parents_.memory_bytes_after_push() > limit) {
        return Outcome::MemoryLimit;
    }
    return Outcome::Complete;
}

void DistributedSearch::poll() {
    if (options_.interrupt != nullptr && options_.interrupt->load(std::memory_order_relaxed)) {
        local_limit_ = Outcome::Interrupted;
    }
    const std::uint64_t limit = options_.memory_limit_bytes;
    if (limit != 0 && (polls_ / receive_period) % rss_period == 0 && current_rss_bytes() > limit &&
        local_limit_ == Outcome::Complete) {
        local_limit_ = Outcome::MemoryLimit;
    }
}

Outcome DistributedSearch::agree(std::uint64_t& added) {
    std::uint64_t total = store_.size();
    all_sum({&total, 1});
    added = total - states_total_;
    states_total_ = total;
    std::uint64_t flags[] = {severity(local_limit_), depth_limited_ ? 1U : 0U};
    all_max(flags);
    depth_limited_ = flags[1] != 0;
    const std::vector<PropertyStatus>& statuses = properties_.statuses();
    std::vector<std::uint64_t> keys(statuses.size(), FirstViolation::none);
    std::size_t decidable = 0;
    for (std::size_t p = 0; p < statuses.size(); ++p) {
        const PropertyStatus& st = statuses[p];
        decidable += st.selected && st.kind != PropertyKind::Liveness ? 1U : 0U;
        if (st.verdict == Verdict::Violated && st.violation) {
            keys[p] =
                (std::uint64_t{st.violation->depth} << 32) | static_cast<std::uint64_t>(rank_);
        }
    }
    all_min(keys);
    std::size_t decided = 0;
    for (std::size_t p = 0; p < keys.size(); ++p) {
        first_[p].key = keys[p];
        decided += first_[p].found() ? 1U : 0U;
    }
    if (decided > 0 && (options_.stop_first || decided >= decidable)) {
        return Outcome::Stopped;
    }
    return from_severity(flags[0]);
}

DistributedStats DistributedSearch::stats() {
    const auto micros = static_cast<std::uint64_t>(
        std::chrono::duration<double>(Clock::now() - start_).count() * 1e6);
    const ExchangeStats& e = exchange_.stats();
    std::uint64_t sums[] = {transitions_, e.records, e.messages, e.bytes,
                            store_.memory_bytes() + parents_.memory_bytes()};
    all_sum(sums);
    std::uint64_t maxima[] = {peak_rss_bytes(), micros};
    all_max(maxima);
    DistributedStats out;
    out.states_per_rank = all_gather(store_.size());
    out.search.states = states_total_;
    out.search.transitions = sums[0];
    out.search.max_depth = max_depth_seen_;
    out.search.seconds = static_cast<double>(maxima[1]) / 1e6;
    out.search.peak_memory_bytes = maxima[0];
    out.search.store_bytes = sums[4];
    out.exchanged = ExchangeStats{sums[1], sums[2], sums[3]};
    return out;
}

std::vector<std::pair<ActionId, std::vector<Word>>>
DistributedSearch::path_to_violation(std::size_t p, std::vector<Word>& last) {
    ILV_ASSERT(first_[p].found(), "a path is only asked for a violated property");
    int at = first_[p].rank();
    Word index = 0;
    if (at == rank_) {
        index = properties_.statuses()[p].violation->state;
    }
    const std::size_t words = store_.words();
    std::vector<Word> message(3 + words);
    std::vector<std::pair<ActionId, std::vector<Word>>> reversed;
    for (bool first = true;; first = false) {
        if (at == rank_) {
            const auto link = parents_.at(static_cast<std::size_t>(index));
            const ConstStateView s = store_.state(static_cast<StateId>(index));
            message[0] = link[0];
            message[1] = link[1];
            message[2] = link[2];
            std::copy(s.begin(), s.end(), message.begin() + 3);
        }
        broadcast(message, at);
        std::vector<Word> state(message.begin() + 3, message.end());
        if (first) {
            last = state;
        }
        if (message[0] == no_rank) {
            break;
        }
        reversed.emplace_back(static_cast<ActionId>(message[2]), std::move(state));
        at = static_cast<int>(message[0]);
        index = message[1];
    }
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

} // namespace ilv::dist
