#include "backend/core/job_queue.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace routescope::core {

struct JobQueue::Item {
  QueueEntry entry;
  std::unique_ptr<Job> job;
  RunRequest request;
  JobObserver* observer = nullptr;
  CancelToken cancel;
};

namespace {

// Forwards to the caller's observer and keeps the queue entry's progress current.
class QueueObserver : public JobObserver {
 public:
  QueueObserver(std::function<void(const ProgressUpdate&)> on_progress, JobObserver* next)
      : on_progress_(std::move(on_progress)), next_(next) {}
  void onProgress(const ProgressUpdate& update) override {
    on_progress_(update);
    if (next_) next_->onProgress(update);
  }
  void onMetric(const MetricPoint& point) override {
    if (next_) next_->onMetric(point);
  }
  void onEvent(const std::string& level, const std::string& message) override {
    if (next_) next_->onEvent(level, message);
  }

 private:
  std::function<void(const ProgressUpdate&)> on_progress_;
  JobObserver* next_;
};

}  // namespace

JobQueue::JobQueue(RunStore& store, int max_running, int niceness) : store_(store), niceness_(niceness) {
  for (int i = 0; i < std::max(1, max_running); ++i) workers_.emplace_back([this] { workerLoop(); });
}

JobQueue::~JobQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& item : items_) item->cancel.cancel();
  }
  changed_.notify_all();
  for (auto& worker : workers_) worker.join();
}

uint64_t JobQueue::submit(std::unique_ptr<Job> job, RunRequest request, JobObserver* observer) {
  auto item = std::make_shared<Item>();
  QueueEntry snapshot;
  {
    std::lock_guard lock(mutex_);
    item->entry.id = next_id_++;
    item->entry.title = request.study + " " + request.kind;
    item->job = std::move(job);
    item->request = std::move(request);
    item->observer = observer;
    items_.push_back(item);
    snapshot = item->entry;
  }
  notify(snapshot);
  changed_.notify_all();
  return snapshot.id;
}

void JobQueue::cancel(uint64_t id) {
  std::optional<QueueEntry> removed;
  {
    std::lock_guard lock(mutex_);
    for (auto& item : items_) {
      if (item->entry.id != id) continue;
      item->cancel.cancel();
      if (item->entry.state == QueueState::Waiting) {
        item->entry.state = QueueState::Finished;
        item->entry.outcome.status = RunStatus::Cancelled;
        item->entry.outcome.error = "cancelled before it started";
        removed = item->entry;
      }
    }
  }
  if (removed) notify(*removed);
  changed_.notify_all();
}

void JobQueue::cancelAll() {
  std::vector<uint64_t> ids;
  {
    std::lock_guard lock(mutex_);
    for (auto& item : items_) ids.push_back(item->entry.id);
  }
  for (auto id : ids) cancel(id);
}

std::vector<QueueEntry> JobQueue::snapshot() const {
  std::lock_guard lock(mutex_);
  std::vector<QueueEntry> out;
  for (const auto& item : items_) out.push_back(item->entry);
  return out;
}

std::optional<QueueEntry> JobQueue::entry(uint64_t id) const {
  std::lock_guard lock(mutex_);
  for (const auto& item : items_) {
    if (item->entry.id == id) return item->entry;
  }
  return std::nullopt;
}

void JobQueue::waitIdle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] {
    for (const auto& item : items_) {
      if (item->entry.state != QueueState::Finished) return false;
    }
    return true;
  });
}

void JobQueue::setListener(std::function<void(const QueueEntry&)> listener) {
  std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

void JobQueue::notify(const QueueEntry& entry) {
  std::function<void(const QueueEntry&)> listener;
  {
    std::lock_guard lock(mutex_);
    listener = listener_;
  }
  if (listener) listener(entry);
}

void JobQueue::workerLoop() {
  // Linux applies nice values per thread; threads the job starts (LibTorch's pool) inherit it.
  if (niceness_ != 0) {
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, tid, getpriority(PRIO_PROCESS, tid) + niceness_);
  }
  for (;;) {
    std::shared_ptr<Item> item;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] {
        if (stopping_) return true;
        for (const auto& i : items_) {
          if (i->entry.state == QueueState::Waiting) return true;
        }
        return false;
      });
      if (stopping_) return;
      for (const auto& i : items_) {
        if (i->entry.state == QueueState::Waiting) {
          item = i;
          break;
        }
      }
      item->entry.state = QueueState::Running;
    }
    notify(item->entry);
    QueueObserver observer(
        [this, item](const ProgressUpdate& update) {
          QueueEntry copy;
          {
            std::lock_guard lock(mutex_);
            item->entry.progress = update;
            copy = item->entry;
          }
          notify(copy);
        },
        item->observer);
    RunOutcome outcome = runJob(store_, *item->job, item->request, item->cancel, &observer);
    QueueEntry finished;
    {
      std::lock_guard lock(mutex_);
      item->entry.state = QueueState::Finished;
      item->entry.outcome = outcome;
      item->job.reset();
      finished = item->entry;
    }
    notify(finished);
    changed_.notify_all();
  }
}

}  // namespace routescope::core
