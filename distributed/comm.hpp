#pragma once
/// \file
/// The few MPI operations the distributed search needs, behind plain C++ signatures so that
/// no other header includes <mpi.h>. Every function here is collective over MPI_COMM_WORLD
/// unless it says otherwise: each rank must call it, in the same order.

#include "model/state.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace ilv::dist {

/// MPI for the lifetime of the object: initialised on construction (once per process),
/// finalised on destruction. Knows this process's rank and the number of ranks.
class Session {
public:
    /// Initialises MPI (no command-line arguments are passed to it).
    Session();
    /// Finalises MPI; waits for every rank.
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    Session(Session&&) = delete;
    Session& operator=(Session&&) = delete;

    /// This process's rank in MPI_COMM_WORLD (0 prints the report).
    [[nodiscard]] int rank() const noexcept { return rank_; }

    /// The number of ranks.
    [[nodiscard]] int ranks() const noexcept { return ranks_; }

private:
    int rank_ = 0;
    int ranks_ = 1;
};

/// Element-wise sum over all ranks, in place on every rank.
void all_sum(std::span<std::uint64_t> values);
/// Element-wise minimum over all ranks, in place on every rank.
void all_min(std::span<std::uint64_t> values);
/// Element-wise maximum over all ranks, in place on every rank.
void all_max(std::span<std::uint64_t> values);
/// Every rank's `value`, indexed by rank, on every rank.
[[nodiscard]] std::vector<std::uint64_t> all_gather(std::uint64_t value);
/// Copies `root`'s `words` into `words` on every other rank (same length everywhere).
void broadcast(std::span<Word> words, int root);

} // namespace ilv::dist
