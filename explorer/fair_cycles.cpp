#include "explorer/fair_cycles.hpp"

#include "explorer/lasso.hpp"
#include "explorer/memory.hpp"
#include "model/invariant.hpp"

#include <algorithm>
#include <deque>

namespace ilv {
namespace {

/// Expansions between interrupt checks, and interrupt checks between RSS probes.
constexpr std::uint64_t poll_period = 256;
constexpr std::uint64_t rss_period = 64;

/// Info bits of an open component: an internal edge, an internal wanted edge, then one
/// "excused" bit per process (it has an internal edge, or is disabled in some member).
constexpr std::size_t has_edge_bit = 0;
constexpr std::size_t has_required_bit = 1;
constexpr std::size_t first_process_bit = 2;

/// Frame flags.
constexpr std::uint8_t root_flag = 1;     ///< no edge to an older open state seen yet
constexpr std::uint8_t any_successor = 2; ///< the state has a successor (not a stop)

/// One depth-first frame: a state, where its unhandled edges begin on the edge stack (they are
/// the top of the stack while it is the top frame), and the action of the tree edge into it.
struct Frame {
    std::uint32_t begin;
    StateId state;
    ActionId via;
    std::uint8_t flags;
};

/// A successor of a state on the depth-first path.
struct PathEdge {
    StateId to;
    ActionId action;
};

/// Pearce's SCC search over the stored states with per-component fairness info.
class FairCycleSearch {
public:
    FairCycleSearch(const Explorer& explorer, const TransitionSystem& system,
                    const CycleQuery& query, const CycleLimits& limits)
        : explorer_(explorer),
          system_(system),
          query_(query),
          limits_(limits),
          buffer_(system.layout().words()) {
        const std::size_t bits = first_process_bit + system.processes().size();
        words_ = (bits + 63) / 64;
        all_excused_.assign(words_, 0);
        for (std::size_t p = 0; p < system.processes().size(); ++p) {
            set_bit(all_excused_.data(), first_process_bit + p);
        }
        scratch_.assign(words_, 0);
    }

    CycleResult run();

private:
    static void set_bit(std::uint64_t* info, std::size_t bit) noexcept {
        info[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }

    static void clear_bit(std::uint64_t* info, std::size_t bit) noexcept {
        info[bit / 64] &= ~(std::uint64_t{1} << (bit % 64));
    }

    static bool test_bit(const std::uint64_t* info, std::size_t bit) noexcept {
        return ((info[bit / 64] >> (bit % 64)) & 1U) != 0U;
    }

    std::uint64_t* top_info() noexcept { return info_.data() + info_.size() - words_; }

    [[nodiscard]] std::string refuse_reason() const;
    [[nodiscard]] bool is_start(StateId s);
    [[nodiscard]] bool is_excluded(StateId s);
    /// Opens a frame for `s`: numbers it, expands it once, excuses the processes it disables.
    void push(StateId s, ActionId via);
    /// Handles the next edge of the top frame; true when a counterexample was found.
    bool advance();
    /// Closes the top frame; true when it completed a bad component.
    bool finish_top();
    void add_edge(std::uint64_t* info, ActionId a) const;
    [[nodiscard]] bool is_bad(const std::uint64_t* info, std::uint8_t flags) const;
    /// Marks a completed component `done`.
    void complete(StateId root);
    /// Builds the lasso through the component rooted at `root`.
    void found(StateId root, std::uint8_t flags);
    [[nodiscard]] bool poll();

    const Explorer& explorer_;
    const TransitionSystem& system_;
    const CycleQuery& query_;
    const CycleLimits& limits_;
    std::size_t words_ = 1; ///< info words per frame
    std::vector<std::uint64_t> all_excused_;
    std::vector<std::uint64_t> scratch_;
    std::vector<std::uint32_t> marks_; ///< Pearce's rindex, plus `mark` values
    // Stacks as deques: they grow without a reallocation spike and give memory back as they
    // shrink; `info_` stays a vector because a record of several words must be contiguous.
    std::deque<Frame> frames_;
    std::vector<std::uint64_t> info_; ///< `words_` per frame
    std::deque<PathEdge> edges_;      ///< unhandled successors of the frames, in frame order
    std::deque<StateId> open_;        ///< Pearce's stack S: finished states of open components
    std::uint32_t index_ = 1;
    StateId start_ = no_state; ///< the current depth-first root
    SuccessorBuffer buffer_;
    FailureBuffer failures_;
    std::vector<StateId> ids_;
    std::uint64_t polls_ = 0;
    CycleResult result_;
};

std::string FairCycleSearch::refuse_reason() const {
    const std::size_t n = explorer_.size();
    if (n > max_liveness_states) {
        return "more than " + std::to_string(max_liveness_states) + " states";
    }
    const std::uint64_t limit = limits_.memory_limit_bytes;
    if (limit != 0 && current_rss_bytes() + n * sizeof(std::uint32_t) > limit) {
        return "the memory limit leaves no room for the liveness pass";
    }
    return "";
}

CycleResult FairCycleSearch::run() {
    result_.reason = refuse_reason();
    if (!result_.reason.empty()) {
        result_.verdict = CycleVerdict::Incomplete;
        return result_;
    }
    marks_.assign(explorer_.size(), mark::unvisited);
    for (StateId s = 0; s < explorer_.size(); ++s) {
        if (marks_[s] != mark::unvisited || is_excluded(s) || !is_start(s)) {
            continue;
        }
        start_ = s;
        push(s, 0);
        while (!frames_.empty()) {
            if (!poll()) {
                result_.verdict = CycleVerdict::Incomplete;
                return result_;
            }
            if (advance()) {
                result_.verdict = CycleVerdict::Found;
                return result_;
            }
        }
    }
    return result_;
}

bool FairCycleSearch::is_start(StateId s) {
    return !query_.start || query_.start(explorer_.state(s));
}

bool FairCycleSearch::is_excluded(StateId s) {
    std::uint32_t& m = marks_[s];
    if (m == mark::unvisited && query_.excluded && query_.excluded(explorer_.state(s))) {
        m = mark::excluded;
    }
    return m == mark::excluded;
}

void FairCycleSearch::push(StateId s, ActionId via) {
    ILV_ASSERT(edges_.size() < std::size_t{0xFFFFFFFF}, "the edge stack fits 32-bit indices");
    marks_[s] = index_++;
    buffer_.clear();
    failures_.clear();
    system_.successors(explorer_.state(s), buffer_, failures_);
    explorer_.find_all(buffer_, ids_);
    const std::uint8_t flags = buffer_.size() > 0 ? root_flag | any_successor : root_flag;
    frames_.push_back(Frame{static_cast<std::uint32_t>(edges_.size()), s, via, flags});
    std::copy(all_excused_.begin(), all_excused_.end(), scratch_.begin());
    for (std::size_t i = buffer_.size(); i-- > 0;) { // popped in ascending action order
        ILV_ASSERT(ids_[i] != no_state, "a liveness pass needs every successor stored");
        edges_.push_back(PathEdge{ids_[i], buffer_.action(i)});
        clear_bit(scratch_.data(),
                  first_process_bit + system_.actions()[buffer_.action(i)].process);
    }
    info_.insert(info_.end(), scratch_.begin(), scratch_.end()); // excused: the disabled ones
}

bool FairCycleSearch::advance() {
    Frame& f = frames_.back();
    if (f.begin == edges_.size()) {
        return finish_top();
    }
    const PathEdge e = edges_.back();
    edges_.pop_back();
    if (is_excluded(e.to)) {
        return false;
    }
    const std::uint32_t m = marks_[e.to];
    if (m == mark::unvisited) {
        push(e.to, e.action);     // invalidates f
    } else if (m != mark::done) { // open: e.to and f.state share a component
        add_edge(top_info(), e.action);
        if (m < marks_[f.state]) {
            marks_[f.state] = m;
            f.flags &= static_cast<std::uint8_t>(~root_flag);
        }
    }
    return false;
}

void FairCycleSearch::add_edge(std::uint64_t* info, ActionId a) const {
    set_bit(info, has_edge_bit);
    if (!query_.required.empty() && query_.required[a]) {
        set_bit(info, has_required_bit);
    }
    set_bit(info, first_process_bit + system_.actions()[a].process);
}

bool FairCycleSearch::is_bad(const std::uint64_t* info, std::uint8_t flags) const {
    bool fair = test_bit(info, has_edge_bit);
    if (fair && query_.fairness == Fairness::Weak) {
        for (std::size_t w = 0; w < words_; ++w) {
            fair = fair && (info[w] & all_excused_[w]) == all_excused_[w];
        }
    }
    if (!query_.required.empty()) {
        return fair && test_bit(info, has_required_bit);
    }
    return fair || (query_.terminal_counts && (flags & any_successor) == 0);
}

bool FairCycleSearch::finish_top() {
    const Frame f = frames_.back();
    std::copy(info_.end() - static_cast<std::ptrdiff_t>(words_), info_.end(), scratch_.begin());
    frames_.pop_back();
    info_.resize(info_.size() - words_);
    if ((f.flags & root_flag) != 0) {
        if (is_bad(scratch_.data(), f.flags)) {
            found(f.state, f.flags);
            return true;
        }
        complete(f.state);
        return false;
    }
    open_.push_back(f.state);
    Frame& parent = frames_.back();
    std::uint64_t* into = top_info();
    for (std::size_t w = 0; w < words_; ++w) {
        into[w] |= scratch_[w];
    }
    add_edge(into, f.via);
    if (marks_[f.state] < marks_[parent.state]) {
        marks_[parent.state] = marks_[f.state];
        parent.flags &= static_cast<std::uint8_t>(~root_flag);
    }
    return false;
}

void FairCycleSearch::complete(StateId root) {
    const std::uint32_t low = marks_[root];
    --index_;
    while (!open_.empty() && low <= marks_[open_.back()]) {
        marks_[open_.back()] = mark::done;
        open_.pop_back();
        --index_;
    }
    marks_[root] = mark::done;
}

void FairCycleSearch::found(StateId root, std::uint8_t flags) {
    std::vector<StateId> members{root};
    const std::uint32_t low = marks_[root];
    while (!open_.empty() && low <= marks_[open_.back()]) {
        members.push_back(open_.back());
        open_.pop_back();
    }
    const StateId start = query_.start ? start_ : no_state;
    std::deque<Frame>().swap(frames_); // free the pass's stacks before the lasso searches
    std::deque<StateId>().swap(open_);
    std::deque<PathEdge>().swap(edges_);
    std::vector<std::uint64_t>().swap(info_);
    LassoBuilder builder(explorer_, system_, query_, marks_);
    const bool terminal = (flags & any_successor) == 0;
    result_.lasso =
        terminal ? builder.to_terminal(root, start) : builder.through_component(members, start);
}

bool FairCycleSearch::poll() {
    if (++polls_ % poll_period != 0) {
        return true;
    }
    if (limits_.interrupt != nullptr && limits_.interrupt->load(std::memory_order_relaxed)) {
        result_.reason = "interrupted";
        return false;
    }
    if (limits_.memory_limit_bytes != 0 && polls_ % (poll_period * rss_period) == 0 &&
        current_rss_bytes() > limits_.memory_limit_bytes) {
        result_.reason = "memory limit reached during the liveness pass";
        return false;
    }
    return true;
}

} // namespace

CycleResult find_lasso(const Explorer& explorer, const TransitionSystem& system,
                       const CycleQuery& query, const CycleLimits& limits) {
    FairCycleSearch search(explorer, system, query, limits);
    return search.run();
}

} // namespace ilv
