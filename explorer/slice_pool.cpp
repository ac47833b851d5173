#include "explorer/slice_pool.hpp"

namespace ilv {

namespace {

/// Writes one value per cache line of `values` (see `SuccessorBuffer::clear_for_reuse`).
template <class T>
void touch_lines(std::vector<T>& values) noexcept {
    for (std::size_t i = 0; i < values.size(); i += line_values<T>) {
        values[i] = T{};
    }
}

/// `touch_lines`, then clears `values` (keeping its capacity).
template <class T>
void clear_for_reuse(std::vector<T>& values) noexcept {
    touch_lines(values);
    values.clear();
}

} // namespace

void generate_batch(const TransitionSystem& system, const StateStore& store,
                    std::span<const Word* const> states, ExpansionBatch& batch) {
    // Other cores read this buffer since its last use: take its lines back all at once.
    batch.successors.clear_for_reuse();
    batch.failures.clear();
    clear_for_reuse(batch.successor_end);
    clear_for_reuse(batch.failure_end);
    clear_for_reuse(batch.enabled);
    touch_lines(batch.by_shard);
    const std::size_t words = store.words();
    for (const Word* state : states) {
        const std::size_t enabled =
            system.successors(ConstStateView{state, words}, batch.successors, batch.failures);
        batch.enabled.push_back(static_cast<std::uint32_t>(enabled));
        batch.successor_end.push_back(static_cast<std::uint32_t>(batch.successors.size()));
        batch.failure_end.push_back(static_cast<std::uint32_t>(batch.failures.size()));
    }
    // Only the grouping by shard is kept: the hashes would be more bytes for other cores to
    // read, and the thread that looks a successor up hashes it again more cheaply.
    const std::size_t count = batch.successors.size();
    std::vector<std::uint32_t>& shard = batch.shards;
    shard.resize(count);
    batch.shard_begin.assign(store.shards() + 1, 0);
    for (std::size_t i = 0; i < count; ++i) {
        shard[i] =
            static_cast<std::uint32_t>(store.shard_of(store.hash(batch.successors.state(i))));
        ++batch.shard_begin[shard[i] + 1];
    }
    for (std::size_t s = 1; s < batch.shard_begin.size(); ++s) {
        batch.shard_begin[s] += batch.shard_begin[s - 1];
    }
    batch.by_shard.resize(count);
    batch.refs.resize(count);
    std::vector<std::uint32_t> next(batch.shard_begin.begin(), batch.shard_begin.end() - 1);
    for (std::size_t i = 0; i < count; ++i) {
        batch.by_shard[next[shard[i]]++] = static_cast<std::uint32_t>(i);
    }
}

void SlicePool::run_job(const TransitionSystem& system, unsigned index, GenerationJob& job) const {
    std::unique_ptr<ExpansionBatch>& buffer = job.buffers[index];
    if (!buffer) {
        buffer = std::make_unique<ExpansionBatch>(store_.words());
    }
    generate_batch(system, store_, job.states, *buffer);
    job.result = buffer.get();
}

SlicePool::SlicePool(const TransitionSystem& system, const StateStore& store, unsigned workers)
    : system_(system),
      store_(store) {
    for (unsigned k = 0; k < workers; ++k) {
        threads_.emplace_back([this, k] {
            // Made here, so that its scratch memory comes from this thread's allocator arena.
            const std::unique_ptr<TransitionSystem> copy = system_.thread_copy();
            work(copy ? *copy : system_, k + 1);
        });
    }
}

SlicePool::~SlicePool() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : threads_) {
        t.join();
    }
}

void SlicePool::generate(std::span<GenerationJob* const> jobs) {
    for (GenerationJob* job : jobs) {
        job->buffers.resize(threads());
        job->result = nullptr;
    }
    {
        const std::lock_guard lock(mutex_);
        queued_.insert(queued_.end(), jobs.begin(), jobs.end());
    }
    work_ready_.notify_all();
}

void SlicePool::wait_generated() {
    std::unique_lock lock(mutex_);
    while (!queued_.empty()) {
        GenerationJob* job = queued_.front();
        queued_.pop_front();
        ++generating_;
        lock.unlock();
        run_job(system_, 0, *job);
        lock.lock();
        --generating_;
    }
    work_done_.wait(lock, [this] { return generating_ == 0; });
}

void SlicePool::run_on_all(const std::function<void(unsigned)>& task) {
    {
        const std::lock_guard lock(mutex_);
        task_ = &task;
        round_left_ = static_cast<unsigned>(threads_.size());
        ++round_;
    }
    work_ready_.notify_all();
    task(0);
    std::unique_lock lock(mutex_);
    work_done_.wait(lock, [this] { return round_left_ == 0; });
    task_ = nullptr;
}

void SlicePool::work(const TransitionSystem& system, unsigned index) {
    std::uint64_t seen = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
        work_ready_.wait(lock, [&] { return stopping_ || round_ != seen || !queued_.empty(); });
        if (stopping_) {
            return;
        }
        if (round_ != seen) {
            seen = round_;
            const std::function<void(unsigned)>& task = *task_;
            lock.unlock();
            task(index);
            lock.lock();
            if (--round_left_ == 0) {
                work_done_.notify_all();
            }
            continue;
        }
        GenerationJob* job = queued_.front();
        queued_.pop_front();
        ++generating_;
        lock.unlock();
        run_job(system, index, *job);
        lock.lock();
        if (--generating_ == 0 && queued_.empty()) {
            work_done_.notify_all();
        }
    }
}

} // namespace ilv
