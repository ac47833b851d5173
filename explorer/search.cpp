#include "explorer/search.hpp"

#include "explorer/memory.hpp"
#include "model/invariant.hpp"

#include <algorithm>
#include <utility>

namespace ilv {

namespace {

/// Parent links in chunks of about 1 MiB (256 Ki ids).
constexpr std::size_t parent_chunk_bytes = std::size_t{1} << 20;
/// Expansions between clock reads (progress).
constexpr std::uint64_t poll_period = 256;
/// Clock reads between RSS probes (a few syscalls each).
constexpr std::uint64_t rss_period = 16;

} // namespace

Explorer::Explorer(const TransitionSystem& system, SearchOptions options)
    : system_(system),
      options_(std::move(options)),
      store_(system.layout().words(), default_hash_seed, shard_bits(options_)),
      parents_(1, parent_chunk_bytes),
      successors_(system.layout().words()) {
    if (options_.por != nullptr && options_.por->qualifying_sites() == 0) {
        options_.por = nullptr; // nothing can be reduced: skip the per-state choice
    }
}

bool Explorer::fits(std::size_t net, std::size_t allocated) const {
    const std::uint64_t limit = options_.memory_limit_bytes;
    return limit == 0 || allocated == 0 ||
           (accounted_bytes() + net <= limit && current_rss_bytes() + allocated <= limit);
}

template <class T>
bool Explorer::append(std::vector<T>& v, const T& value) {
    const std::size_t grown = std::max<std::size_t>(2 * v.capacity(), 1) * sizeof(T);
    if (v.size() == v.capacity() && !fits(grown - v.capacity() * sizeof(T), grown)) {
        return finish(Outcome::MemoryLimit);
    }
    v.push_back(value);
    return true;
}

SearchResult Explorer::run(Observer& observer) {
    ILV_ASSERT(!ran_, "an Explorer runs once");
    ran_ = true;
    start_ = Clock::now();
    next_progress_ = options_.progress_interval_seconds;
    if (start(observer)) {
        if (options_.order == SearchOrder::Bfs && options_.threads > 1) {
            run_bfs_parallel(observer);
        } else if (options_.order == SearchOrder::Bfs) {
            run_bfs(observer);
        } else {
            run_dfs(observer);
        }
    }
    if (!ended_ && depth_limited_) {
        outcome_ = Outcome::DepthLimit;
    }
    return {outcome_, snapshot()};
}

bool Explorer::start(Observer& observer) {
    std::vector<Word> initial(store_.words(), 0);
    system_.initial(initial);
    Discovery d;
    if (!store_state(initial, store_.hash(initial), no_state, d)) {
        return false;
    }
    const Next next = observer.on_state(d.id, store_.state(d.id), 0);
    if (next == Next::Stop) {
        return finish(Outcome::Stopped);
    }
    if (next == Next::Prune) {
        return append(pruned_, d.id); // BFS skips it; DFS simply never pushes it
    }
    return options_.order == SearchOrder::Bfs ||
           append(stack_, Frame{d.id, 0, 0, false, undecided});
}

void Explorer::run_bfs(Observer& observer) {
    std::uint32_t depth = 0;
    std::size_t level_end = 1;
    for (std::size_t next = 0; next < store_.size(); ++next) {
        if (next == level_end) {
            ++depth;
            level_end = store_.size();
        }
        if (!poll()) {
            return;
        }
        expanded_ = next + 1;
        const auto id = static_cast<StateId>(next);
        if (!is_pruned_next(id) && !expand_bfs(observer, id, depth)) {
            return;
        }
    }
}

bool Explorer::expand_bfs(Observer& observer, StateId id, std::uint32_t depth) {
    if (at_depth_limit(depth)) {
        return visit_leaf(observer, id, depth);
    }
    successors_.clear();
    failures_.clear();
    const std::size_t enabled = system_.successors(store_.state(id), successors_, failures_);
    const std::size_t count = successors_.size();
    hashes_.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        hashes_[i] = store_.hash(successors_.state(i));
    }
    return settle_bfs(observer, id, depth,
                      Expansion{enabled, successors_, 0, count, failures_, hashes_});
}

bool Explorer::settle_bfs(Observer& observer, StateId id, std::uint32_t depth, const Expansion& e) {
    bool pruned = false;
    if (!report_failures(observer, id, depth, e.failures, pruned)) {
        return false;
    }
    if (e.enabled == 0) {
        return check_deadlock(observer, id, depth);
    }
    if (pruned) {
        return true;
    }
    for (const std::uint64_t h : e.hashes) { // none when the successors were claimed
        store_.prefetch(h);
    }
    const std::uint32_t site = ample_site(id, e.successors, e.begin, e.end, e.failures, e.hashes);
    for (std::size_t i = e.begin; i < e.end; ++i) {
        if (site != PartialOrder::no_site && options_.por->site(e.successors.action(i)) != site) {
            continue;
        }
        Discovery d;
        const bool go_on =
            e.refs.empty()
                ? discover(observer, id, e.successors.action(i), e.successors.state(i),
                           e.hashes[i - e.begin], depth + 1, d)
                : discover_claimed(observer, id, e.successors.action(i), e.successors.state(i),
                                   e.refs[i - e.begin], depth + 1, d);
        if (!go_on) {
            return false;
        }
        if (d.is_new && !d.expand && !append(pruned_, d.id)) {
            return false;
        }
    }
    return true;
}

std::uint32_t Explorer::ample_site(StateId id, const SuccessorBuffer& successors, std::size_t begin,
                                   std::size_t end, std::span<const StepFailure> failures,
                                   std::span<const std::uint64_t> hashes) {
    if (options_.por == nullptr) {
        return PartialOrder::no_site;
    }
    const auto revisits = [&](std::size_t i) {
        const StateId t = store_.find_hashed(successors.state(i), hashes[i - begin]);
        return t != no_state && t <= id;
    };
    const std::uint32_t site = options_.por->choose(successors, begin, end, failures, revisits);
    ample_states_ += site != PartialOrder::no_site ? 1U : 0U;
    return site;
}

std::uint32_t Explorer::ample_site_dfs(StateId id) {
    successors_.clear();
    failures_.clear();
    system_.successors(store_.state(id), successors_, failures_);
    hashes_.resize(successors_.size());
    for (std::size_t i = 0; i < successors_.size(); ++i) {
        hashes_[i] = store_.hash(successors_.state(i));
    }
    return ample_site(id, successors_, 0, successors_.size(), failures_, hashes_);
}

bool Explorer::is_pruned_next(StateId id) noexcept {
    if (pruned_cursor_ < pruned_.size() && pruned_[pruned_cursor_] == id) {
        ++pruned_cursor_;
        return true;
    }
    return false;
}

void Explorer::run_dfs(Observer& observer) {
    while (!stack_.empty()) {
        if (!poll() || !step_dfs(observer)) {
            return;
        }
    }
}

bool Explorer::step_dfs(Observer& observer) {
    const auto depth = static_cast<std::uint32_t>(stack_.size() - 1);
    Frame& top = stack_.back();
    if (at_depth_limit(depth)) {
        const StateId id = top.id;
        stack_.pop_back();
        return visit_leaf(observer, id, depth);
    }
    if (top.action == system_.actions().size()) {
        const Frame done = top;
        stack_.pop_back();
        return done.enabled || check_deadlock(observer, done.id, depth);
    }
    if (top.site == undecided) {
        top.site = options_.por == nullptr ? PartialOrder::no_site : ample_site_dfs(top.id);
    }
    if (top.site != PartialOrder::no_site && options_.por->site(top.action) != top.site) {
        ++top.action; // not in the ample set
        return true;
    }
    successors_.clear();
    failures_.clear();
    top.enabled =
        system_.successors(store_.state(top.id), top.action, successors_, failures_) || top.enabled;
    if (top.skip == 0) {
        bool pruned = false;
        if (!report_failures(observer, top.id, depth, failures_, pruned)) {
            return false;
        }
        if (pruned) {
            stack_.pop_back();
            return true;
        }
    }
    return descend_dfs(observer, depth);
}

bool Explorer::descend_dfs(Observer& observer, std::uint32_t depth) {
    Frame& top = stack_.back();
    const std::size_t count = successors_.size();
    for (std::size_t i = top.skip; i < count; ++i) {
        const ConstStateView s = successors_.state(i);
        Discovery d;
        if (!discover(observer, top.id, top.action, s, store_.hash(s), depth + 1, d)) {
            return false;
        }
        if (d.is_new && d.expand) {
            // Resume after this successor; when it was the action's last one, move on to
            // the next action so that returning here does not regenerate this one.
            top.skip = static_cast<std::uint32_t>(i + 1);
            if (i + 1 == count) {
                ++top.action;
                top.skip = 0;
            }
            return append(stack_, Frame{d.id, 0, 0, false, undecided});
        }
    }
    ++top.action;
    top.skip = 0;
    return true;
}

bool Explorer::report_failures(Observer& observer, StateId from, std::uint32_t depth,
                               std::span<const StepFailure> failures, bool& pruned) {
    for (const StepFailure& f : failures) {
        const Next next = observer.on_failure(from, f, depth);
        if (next == Next::Stop) {
            return finish(Outcome::Stopped);
        }
        pruned = pruned || next == Next::Prune;
    }
    return true;
}

bool Explorer::discover(Observer& observer, StateId from, ActionId a, ConstStateView s,
                        std::uint64_t h, std::uint32_t depth, Discovery& d) {
    ++transitions_;
    return store_state(s, h, from, d) && report_discovery(observer, from, a, depth, d);
}

bool Explorer::discover_claimed(Observer& observer, StateId from, ActionId a, ConstStateView s,
                                std::uint32_t ref, std::uint32_t depth, Discovery& d) {
    ++transitions_;
    d.is_new = false;
    if (ref < claim_base_) {
        d.id = ref;
    } else if (StateId& claimed = claimed_ids_[ref - claim_base_]; claimed != no_state) {
        d.id = claimed;
    } else {
        if (!admit_new_state()) {
            return false;
        }
        claimed = store_.append(s);
        parents_.push()[0] = from;
        d.id = claimed;
        d.is_new = true;
    }
    return report_discovery(observer, from, a, depth, d);
}

bool Explorer::report_discovery(Observer& observer, StateId from, ActionId a, std::uint32_t depth,
                                Discovery& d) {
    if (options_.report_edges) {
        observer.on_edge(from, a, d.id, d.is_new);
    }
    if (!d.is_new) {
        return true;
    }
    max_depth_seen_ = std::max(max_depth_seen_, depth);
    const Next next = observer.on_successor(d.id, store_.state(d.id), depth, a);
    if (next == Next::Stop) {
        return finish(Outcome::Stopped);
    }
    d.expand = next != Next::Prune;
    return true;
}

bool Explorer::store_state(ConstStateView s, std::uint64_t h, StateId parent, Discovery& d) {
#ifndef NDEBUG
    ILV_ASSERT(system_.layout().is_canonical(s), "padding bits must be zero for hashing");
#endif
    if (at_limit()) {
        d.id = store_.find_hashed(s, h);
        d.is_new = false;
        return d.id != no_state || finish(limit_);
    }
    const StateStore::Insert r = store_.find_or_insert_hashed(s, h);
    if (r.inserted) {
        parents_.push()[0] = parent;
    }
    d.id = r.id;
    d.is_new = r.inserted;
    return true;
}

bool Explorer::admit_new_state() {
    return !at_limit() || finish(limit_);
}

bool Explorer::at_limit() {
    if (store_.size() < guard_at_) {
        return false;
    }
    if (limit_ == Outcome::Complete) {
        limit_ = limit_before_insert(); // no state is added after a limit, so keep it
    }
    return limit_ != Outcome::Complete;
}

Outcome Explorer::limit_before_insert() {
    const std::size_t n = store_.size();
    if ((options_.max_states != 0 && n >= options_.max_states) || n >= StateStore::max_size()) {
        return Outcome::StateLimit;
    }
    const std::size_t now = store_.memory_bytes() + parents_.memory_bytes();
    const std::size_t after =
        store_.memory_bytes_after_insert() + parents_.memory_bytes_after_push();
    if (!fits(after - now, store_.insert_allocation_bytes() + parents_.push_allocation_bytes())) {
        return Outcome::MemoryLimit;
    }
    std::size_t room = std::min(store_.spare(), parents_.spare());
    if (options_.max_states != 0) {
        room = std::min<std::size_t>(room, options_.max_states - n);
    }
    guard_at_ = n + std::max<std::size_t>(room, 1);
    return Outcome::Complete;
}

bool Explorer::visit_leaf(Observer& observer, StateId id, std::uint32_t depth) {
    successors_.clear();
    failures_.clear();
    if (system_.successors(store_.state(id), successors_, failures_) > 0) {
        depth_limited_ = true;
        return true;
    }
    return check_deadlock(observer, id, depth);
}

bool Explorer::check_deadlock(Observer& observer, StateId id, std::uint32_t depth) {
    const ConstStateView s = store_.state(id);
    if (system_.is_valid_end(s)) {
        return true;
    }
    return observer.on_deadlock(id, s, depth) != Next::Stop || finish(Outcome::Stopped);
}

bool Explorer::poll() {
    if (options_.interrupt != nullptr && options_.interrupt->load(std::memory_order_relaxed)) {
        return finish(Outcome::Interrupted);
    }
    if (++polls_ % poll_period != 0) {
        return true;
    }
    if (options_.memory_limit_bytes != 0 && polls_ % (poll_period * rss_period) == 0 &&
        current_rss_bytes() > options_.memory_limit_bytes) {
        return finish(Outcome::MemoryLimit);
    }
    if (options_.progress) {
        const double now = elapsed_seconds();
        if (now >= next_progress_) {
            next_progress_ = now + options_.progress_interval_seconds;
            options_.progress(snapshot());
        }
    }
    return true;
}

bool Explorer::finish(Outcome outcome) {
    ended_ = true;
    outcome_ = outcome;
    return false;
}

double Explorer::elapsed_seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
}

std::size_t Explorer::accounted_bytes() const noexcept {
    return store_.memory_bytes() + parents_.memory_bytes() + pruned_.capacity() * sizeof(StateId) +
           stack_.capacity() * sizeof(Frame);
}

SearchStats Explorer::snapshot() const {
    SearchStats stats;
    stats.states = store_.size();
    stats.transitions = transitions_;
    stats.max_depth = max_depth_seen_;
    stats.seconds = elapsed_seconds();
    stats.peak_memory_bytes = peak_rss_bytes();
    stats.store_bytes = accounted_bytes();
    stats.queue = options_.order == SearchOrder::Bfs ? store_.size() - expanded_ : stack_.size();
    stats.ample_states = ample_states_;
    return stats;
}

void Explorer::find_all(const SuccessorBuffer& buffer, std::vector<StateId>& ids) const {
    constexpr std::size_t batch = 16;
    std::uint64_t hashes[batch];
    ids.resize(buffer.size());
    for (std::size_t first = 0; first < buffer.size(); first += batch) {
        const std::size_t count = std::min(batch, buffer.size() - first);
        for (std::size_t k = 0; k < count; ++k) {
            hashes[k] = store_.hash(buffer.state(first + k));
            store_.prefetch(hashes[k]);
        }
        for (std::size_t k = 0; k < count; ++k) {
            ids[first + k] = store_.find_hashed(buffer.state(first + k), hashes[k]);
        }
    }
}

std::vector<std::pair<ActionId, StateId>> Explorer::path_to(StateId id) const {
    ILV_ASSERT(id < store_.size(), "path_to needs a stored state");
    std::vector<StateId> chain;
    for (StateId s = id; s != no_state; s = parent(s)) {
        chain.push_back(s);
    }
    std::reverse(chain.begin(), chain.end());
    SuccessorBuffer buffer(store_.words());
    FailureBuffer failures;
    std::vector<std::pair<ActionId, StateId>> path;
    for (std::size_t k = 1; k < chain.size(); ++k) {
        buffer.clear();
        system_.successors(state(chain[k - 1]), buffer, failures);
        const ConstStateView target = state(chain[k]);
        std::size_t i = 0;
        while (i < buffer.size() &&
               !std::equal(target.begin(), target.end(), buffer.state(i).begin())) {
            ++i;
        }
        ILV_ASSERT(i < buffer.size(), "a parent link matches no successor of the parent");
        path.emplace_back(buffer.action(i), chain[k]);
    }
    return path;
}

} // namespace ilv
