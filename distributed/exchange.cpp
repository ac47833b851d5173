#include "distributed/exchange.hpp"

#include "model/invariant.hpp"

#include <algorithm>
#include <mpi.h>

namespace ilv::dist {

namespace {

constexpr int data_tag = 1;
constexpr int end_tag = 2;
/// Sends in flight per destination before the sender waits (and receives meanwhile).
constexpr std::size_t in_flight_per_rank = 4;

} // namespace

/// Sends in flight with their buffers, and spare buffers for reuse.
struct Exchange::Impl {
    std::vector<MPI_Request> requests;
    std::vector<std::vector<Word>> buffers; ///< buffers[i] belongs to requests[i]
    std::vector<std::vector<Word>> spare;
};

Exchange::Exchange(int rank, int ranks, std::size_t record_words, std::size_t batch_bytes)
    : rank_(rank),
      ranks_(ranks),
      record_words_(record_words),
      batch_records_(std::max<std::size_t>(1, batch_bytes / (record_words * sizeof(Word)))),
      batches_(static_cast<std::size_t>(ranks)),
      impl_(std::make_unique<Impl>()) {}

Exchange::~Exchange() {
    if (!impl_->requests.empty()) {
        MPI_Waitall(static_cast<int>(impl_->requests.size()), impl_->requests.data(),
                    MPI_STATUSES_IGNORE);
    }
}

std::span<Word> Exchange::post(int to, const Sink& sink) {
    ILV_ASSERT(to != rank_ && to >= 0 && to < ranks_, "records go to another rank");
    std::vector<Word>& batch = batches_[static_cast<std::size_t>(to)];
    if (batch.size() >= batch_records_ * record_words_) {
        reap(sink, in_flight_per_rank * static_cast<std::size_t>(ranks_));
        send(to, data_tag);
    }
    const std::size_t at = batch.size();
    batch.resize(at + record_words_);
    ++stats_.records;
    return {batch.data() + at, record_words_};
}

void Exchange::send(int to, int tag) {
    std::vector<Word>& batch = batches_[static_cast<std::size_t>(to)];
    impl_->requests.emplace_back();
    impl_->buffers.push_back(std::move(batch));
    const std::vector<Word>& out = impl_->buffers.back();
    MPI_Isend(out.data(), static_cast<int>(out.size()), MPI_UINT64_T, to, tag, MPI_COMM_WORLD,
              &impl_->requests.back());
    ++stats_.messages;
    stats_.bytes += out.size() * sizeof(Word);
    batch.clear();
    if (!impl_->spare.empty()) {
        batch = std::move(impl_->spare.back());
        impl_->spare.pop_back();
        batch.clear();
    }
}

void Exchange::reap(const Sink& sink, std::size_t max_in_flight) {
    for (;;) {
        std::size_t k = 0;
        for (std::size_t i = 0; i < impl_->requests.size(); ++i) {
            int done = 0;
            MPI_Test(&impl_->requests[i], &done, MPI_STATUS_IGNORE);
            if (done == 0) {
                impl_->requests[k] = impl_->requests[i];
                std::swap(impl_->buffers[k], impl_->buffers[i]);
                ++k;
            }
        }
        for (std::size_t i = k; i < impl_->buffers.size(); ++i) {
            impl_->spare.push_back(std::move(impl_->buffers[i]));
        }
        impl_->requests.resize(k);
        impl_->buffers.resize(k);
        if (k < max_in_flight) {
            return;
        }
        receive_ready(sink);
    }
}

void Exchange::deliver(int from, int tag, int count, const Sink& sink) {
    inbox_.resize(static_cast<std::size_t>(count));
    MPI_Recv(inbox_.data(), count, MPI_UINT64_T, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (tag == end_tag) {
        ++ended_;
    }
    if (count > 0) {
        sink(from, inbox_);
    }
}

void Exchange::receive_ready(const Sink& sink) {
    for (;;) {
        int arrived = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
        if (arrived == 0) {
            return;
        }
        int count = 0;
        MPI_Get_count(&status, MPI_UINT64_T, &count);
        deliver(status.MPI_SOURCE, status.MPI_TAG, count, sink);
    }
}

void Exchange::finish_level(const Sink& sink) {
    for (int to = 0; to < ranks_; ++to) {
        if (to != rank_) {
            send(to, end_tag);
        }
    }
    while (ended_ < ranks_ - 1) {
        MPI_Status status;
        MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
        int count = 0;
        MPI_Get_count(&status, MPI_UINT64_T, &count);
        deliver(status.MPI_SOURCE, status.MPI_TAG, count, sink);
    }
    ended_ = 0;
    reap(sink, 1);
    ILV_ASSERT(impl_->requests.empty(), "every send of a level completes with the level");
}

} // namespace ilv::dist
