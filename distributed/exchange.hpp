#pragma once
/// \file
/// Batched, asynchronous state exchange between ranks within one breadth-first level. Records
/// (a header word and a packed state) bound for one rank are aggregated into batches of about
/// `batch_bytes`; a full batch leaves with a non-blocking send, so the sender goes on expanding
/// while it travels. A level ends with one end-marker message from every rank to every other
/// (MPI keeps messages between two ranks in order, so the marker follows that rank's batches);
/// the collective that follows each level keeps levels from mixing.

#include "model/state.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace ilv::dist {

/// Counters of the messages this rank sent.
struct ExchangeStats {
    std::uint64_t records = 0;  ///< records sent to other ranks
    std::uint64_t messages = 0; ///< messages sent (batches and end markers)
    std::uint64_t bytes = 0;    ///< payload bytes sent
};

/// The batched all-to-all transfer of one rank. Not thread-safe.
class Exchange {
public:
    /// Receives a batch: the sending rank and its records, `record_words()` words each.
    using Sink = std::function<void(int from, std::span<const Word> records)>;

    /// An exchange for rank `rank` of `ranks`, records of `record_words` words, batches of
    /// about `batch_bytes` bytes.
    Exchange(int rank, int ranks, std::size_t record_words, std::size_t batch_bytes);
    /// Waits for sends still in flight.
    ~Exchange();
    Exchange(const Exchange&) = delete;
    Exchange& operator=(const Exchange&) = delete;
    Exchange(Exchange&&) = delete;
    Exchange& operator=(Exchange&&) = delete;

    /// Words per record.
    [[nodiscard]] std::size_t record_words() const noexcept { return record_words_; }

    /// A record slot in the batch for rank `to` (not this rank), for the caller to fill now;
    /// may first send the full batch, and deliver arrived batches to `sink` while waiting for
    /// send buffers.
    std::span<Word> post(int to, const Sink& sink);

    /// Not collective: delivers every batch that has already arrived.
    void receive_ready(const Sink& sink);

    /// Collective: sends what is left and the end markers, then delivers batches until every
    /// other rank's end marker has arrived. The caller must run another collective operation
    /// before posting the next level's records, or a rank still waiting for end markers could
    /// take them for this level's.
    void finish_level(const Sink& sink);

    /// What this rank sent so far.
    [[nodiscard]] const ExchangeStats& stats() const noexcept { return stats_; }

private:
    struct Impl;

    /// Sends the batch for `to` (tag: data or end marker) and starts a new one.
    void send(int to, int tag);
    /// Receives one probed message and hands it to `sink`.
    void deliver(int from, int tag, int count, const Sink& sink);
    /// Completes finished sends; while too many are in flight, also receives.
    void reap(const Sink& sink, std::size_t max_in_flight);

    int rank_;
    int ranks_;
    std::size_t record_words_;
    std::size_t batch_records_;
    std::vector<std::vector<Word>> batches_; ///< the batch being filled, per destination
    std::vector<Word> inbox_;
    int ended_ = 0; ///< end markers received this level
    ExchangeStats stats_;
    std::unique_ptr<Impl> impl_;
};

} // namespace ilv::dist
