#pragma once
/// \file
/// Views over packed states and the reusable successor buffer of the seam.

#include "model/ids.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ilv {

/// One machine word of a packed state.
using Word = std::uint64_t;
/// A mutable packed state (layout().words() words).
using StateView = std::span<Word>;
/// A read-only packed state.
using ConstStateView = std::span<const Word>;

/// Values of type `T` in a 64-byte cache line.
template <class T>
inline constexpr std::size_t line_values = 64 / sizeof(T);

/// Successor states of one expansion, reused across calls: after warm-up, successor
/// generation allocates nothing. Views returned are valid until the next `clear()`/`push()`.
class SuccessorBuffer {
public:
    /// A buffer for states of `words_per_state` words.
    explicit SuccessorBuffer(std::size_t words_per_state) : words_(words_per_state) {}

    /// Forgets all successors; keeps the capacity.
    void clear() noexcept {
        actions_.clear();
        count_ = 0;
    }

    /// `clear`, then writes one value per cache line of the space the last use filled. When
    /// another core has read this buffer since, these writes take the lines back all at once,
    /// so the cache misses overlap instead of stalling the next use one line at a time.
    void clear_for_reuse() noexcept {
        const std::size_t used = count_ * words_;
        for (std::size_t i = 0; i < used; i += line_values<Word>) {
            storage_[i] = 0;
        }
        for (std::size_t i = 0; i < actions_.size(); i += line_values<ActionId>) {
            actions_[i] = 0;
        }
        clear();
    }

    /// Appends a zeroed slot for a successor produced by `action`; the caller fills it.
    StateView push(ActionId action) {
        if ((count_ + 1) * words_ > storage_.size()) {
            storage_.resize((count_ + 1) * words_ * 2);
        }
        actions_.push_back(action);
        StateView slot{storage_.data() + count_ * words_, words_};
        ++count_;
        return slot;
    }

    /// Drops the last pushed successor (an effect that failed half-way).
    void pop() noexcept {
        actions_.pop_back();
        --count_;
    }

    /// Number of successors held.
    [[nodiscard]] std::size_t size() const noexcept { return count_; }

    /// The action that produced successor `i`.
    [[nodiscard]] ActionId action(std::size_t i) const noexcept { return actions_[i]; }

    /// Successor `i`.
    [[nodiscard]] ConstStateView state(std::size_t i) const noexcept {
        return {storage_.data() + i * words_, words_};
    }

    /// Words per state, as given at construction.
    [[nodiscard]] std::size_t words() const noexcept { return words_; }

private:
    std::size_t words_;
    std::size_t count_ = 0;
    std::vector<Word> storage_;
    std::vector<ActionId> actions_;
};

} // namespace ilv
