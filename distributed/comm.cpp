#include "distributed/comm.hpp"

#include <mpi.h>

namespace ilv::dist {

namespace {

int as_count(std::size_t n) {
    return static_cast<int>(n);
}

void reduce_all(std::span<std::uint64_t> values, MPI_Op op) {
    MPI_Allreduce(MPI_IN_PLACE, values.data(), as_count(values.size()), MPI_UINT64_T, op,
                  MPI_COMM_WORLD);
}

} // namespace

Session::Session() {
    int ready = 0;
    MPI_Initialized(&ready);
    if (ready == 0) {
        MPI_Init(nullptr, nullptr);
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks_);
}

Session::~Session() {
    int done = 0;
    MPI_Finalized(&done);
    if (done == 0) {
        MPI_Finalize();
    }
}

void all_sum(std::span<std::uint64_t> values) {
    reduce_all(values, MPI_SUM);
}

void all_min(std::span<std::uint64_t> values) {
    reduce_all(values, MPI_MIN);
}

void all_max(std::span<std::uint64_t> values) {
    reduce_all(values, MPI_MAX);
}

std::vector<std::uint64_t> all_gather(std::uint64_t value) {
    int ranks = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    std::vector<std::uint64_t> out(static_cast<std::size_t>(ranks));
    MPI_Allgather(&value, 1, MPI_UINT64_T, out.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
    return out;
}

void broadcast(std::span<Word> words, int root) {
    static_assert(sizeof(Word) == sizeof(std::uint64_t), "a word travels as MPI_UINT64_T");
    MPI_Bcast(words.data(), as_count(words.size()), MPI_UINT64_T, root, MPI_COMM_WORLD);
}

} // namespace ilv::dist
