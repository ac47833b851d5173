#include "explorer/parallel_expander.hpp"

#include <algorithm>

namespace ilv {

ParallelExpander::ParallelExpander(const TransitionSystem& system, const StateStore& store,
                                   unsigned workers, std::size_t slots)
    : system_(system),
      store_(store),
      slots_(std::max<std::size_t>(slots, 1)) {
    for (unsigned k = 0; k < workers; ++k) {
        copies_.push_back(system.thread_copy());
    }
    for (unsigned k = 0; k < workers; ++k) {
        const TransitionSystem* own = copies_[k] ? copies_[k].get() : &system;
        threads_.emplace_back([this, own] { work(*own); });
    }
}

ParallelExpander::~ParallelExpander() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : threads_) {
        t.join();
    }
}

void ParallelExpander::submit(StateId first, std::span<const Word* const> states) {
    ExpansionBatch* batch = nullptr;
    if (!spare_.empty()) {
        batch = spare_.back();
        spare_.pop_back();
    } else {
        owned_.push_back(std::make_unique<ExpansionBatch>(store_.words()));
        batch = owned_.back().get();
    }
    batch->first = first;
    batch->states.assign(states.begin(), states.end());
    {
        const std::lock_guard lock(mutex_);
        batch->phase = 0;
        queued_.push_back(batch);
    }
    in_flight_.push_back(batch);
    work_ready_.notify_one();
}

const ExpansionBatch& ParallelExpander::oldest() {
    ExpansionBatch* batch = in_flight_.front();
    std::unique_lock lock(mutex_);
    while (batch->phase != 2) {
        if (batch->phase == 1 && queued_.empty()) {
            batch_done_.wait(lock, [batch] { return batch->phase == 2; });
            break;
        }
        // Rather than wait, generate a batch no worker has started: the oldest itself if it is
        // still queued, else the newest, which is the one the workers would reach last.
        ExpansionBatch* own = batch->phase == 0 ? batch : queued_.back();
        queued_.erase(std::find(queued_.begin(), queued_.end(), own));
        own->phase = 1;
        lock.unlock();
        generate(system_, *own);
        lock.lock();
        own->phase = 2;
    }
    return *batch;
}

void ParallelExpander::release_oldest() {
    spare_.push_back(in_flight_.front());
    in_flight_.pop_front();
}

void ParallelExpander::work(const TransitionSystem& system) {
    std::unique_lock lock(mutex_);
    for (;;) {
        work_ready_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
        if (stopping_) {
            return;
        }
        ExpansionBatch* batch = queued_.front();
        queued_.pop_front();
        batch->phase = 1;
        lock.unlock();
        generate(system, *batch);
        lock.lock();
        batch->phase = 2;
        batch_done_.notify_all();
    }
}

void ParallelExpander::generate(const TransitionSystem& system, ExpansionBatch& batch) const {
    batch.successors.clear();
    batch.failures.clear();
    batch.successor_end.clear();
    batch.failure_end.clear();
    batch.enabled.clear();
    const std::size_t words = store_.words();
    for (const Word* state : batch.states) {
        const std::size_t enabled =
            system.successors(ConstStateView{state, words}, batch.successors, batch.failures);
        batch.enabled.push_back(static_cast<std::uint32_t>(enabled));
        batch.successor_end.push_back(static_cast<std::uint32_t>(batch.successors.size()));
        batch.failure_end.push_back(static_cast<std::uint32_t>(batch.failures.size()));
    }
    batch.hashes.resize(batch.successors.size());
    for (std::size_t i = 0; i < batch.successors.size(); ++i) {
        batch.hashes[i] = store_.hash(batch.successors.state(i));
    }
}

} // namespace ilv
