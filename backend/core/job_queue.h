#pragma once
// A queue of jobs for the GUI (and sweeps): by default one heavy job runs at a time, because
// LibTorch's thread pool is shared and two trainings would only slow each other down; the others
// wait visibly. Jobs run on worker threads at a lower OS priority so the GUI stays responsive.

#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "backend/core/job_runner.h"

namespace routescope::core {

class RunStore;

enum class QueueState { Waiting, Running, Finished };

struct QueueEntry {
  uint64_t id = 0;
  std::string title;  // "study kind"
  QueueState state = QueueState::Waiting;
  ProgressUpdate progress;
  RunOutcome outcome;  // filled when the job finishes
};

class JobQueue {
 public:
  // `niceness` is added to the worker threads' nice value (0 keeps the caller's priority).
  JobQueue(RunStore& store, int max_running = 1, int niceness = 10);
  // Cancels everything and waits for running jobs to stop.
  ~JobQueue();
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  // `observer` (optional) must outlive the job; it is called on the worker thread.
  uint64_t submit(std::unique_ptr<Job> job, RunRequest request, JobObserver* observer = nullptr);
  // A waiting job is removed (finished as cancelled without a run); a running one is asked to stop.
  void cancel(uint64_t id);
  void cancelAll();
  std::vector<QueueEntry> snapshot() const;
  std::optional<QueueEntry> entry(uint64_t id) const;
  // Blocks until no job waits or runs.
  void waitIdle();
  // Called (on a worker thread) whenever an entry changes state or progress.
  void setListener(std::function<void(const QueueEntry&)> listener);

 private:
  struct Item;
  void workerLoop();
  void notify(const QueueEntry& entry);

  RunStore& store_;
  int niceness_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::list<std::shared_ptr<Item>> items_;
  std::vector<std::thread> workers_;
  std::function<void(const QueueEntry&)> listener_;
  uint64_t next_id_ = 1;
  bool stopping_ = false;
};

}  // namespace routescope::core
