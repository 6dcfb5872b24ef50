#include "app/gui/job_controller.h"

#include <QMetaObject>
#include <mutex>

namespace routescope::gui {

// Worker threads post to the controller only while it is alive; the destructor closes the gate
// before the queue stops its jobs, so no call can land on a half-destroyed object.
struct JobController::Gate {
  std::mutex mutex;
  JobController* target = nullptr;

  // `function(JobController*)` runs later on the GUI thread.
  template <typename F>
  void post(F function) {
    std::lock_guard lock(mutex);
    if (!target) return;
    JobController* t = target;
    QMetaObject::invokeMethod(
        t, [t, function] { function(t); }, Qt::QueuedConnection);
  }
};

class JobController::MetricForwarder : public core::JobObserver {
 public:
  explicit MetricForwarder(std::shared_ptr<Gate> gate) : gate_(std::move(gate)) {}
  // Set on the GUI thread right after submit(); the queued lambdas read it on the GUI thread too,
  // so they always see it even when the first metric arrives before submit() returned.
  std::shared_ptr<uint64_t> id = std::make_shared<uint64_t>(0);

  void onMetric(const core::MetricPoint& point) override {
    gate_->post([cell = id, name = QString::fromStdString(point.name), step = point.step,
                 value = point.value](JobController* target) {
      Q_EMIT target->metricStreamed(*cell, name, step, value);
    });
  }

 private:
  std::shared_ptr<Gate> gate_;
};

JobController::JobController(core::RunStore& store, QObject* parent)
    : QObject(parent), gate_(std::make_shared<Gate>()) {
  gate_->target = this;
  queue_ = std::make_unique<core::JobQueue>(store, 1, 10);
  queue_->setListener([gate = gate_](const core::QueueEntry& entry) {
    gate->post([entry](JobController* target) { target->deliver(entry); });
  });
}

JobController::~JobController() {
  {
    std::lock_guard lock(gate_->mutex);
    gate_->target = nullptr;
  }
  queue_.reset();  // cancels and waits; forwarders outlive it
  forwarders_.clear();
}

uint64_t JobController::submit(std::unique_ptr<core::Job> job, core::RunRequest request) {
  auto forwarder = std::make_unique<MetricForwarder>(gate_);
  const uint64_t id = queue_->submit(std::move(job), std::move(request), forwarder.get());
  *forwarder->id = id;
  forwarders_[id] = std::move(forwarder);
  return id;
}

void JobController::cancel(uint64_t id) {
  queue_->cancel(id);
}

void JobController::deliver(const core::QueueEntry& entry) {
  Q_EMIT jobChanged(entry);
  if (entry.state != core::QueueState::Finished) return;
  // The job has returned: its observer is no longer called and may go.
  forwarders_.erase(entry.id);
  Q_EMIT jobFinished(entry.id, QString::fromStdString(entry.outcome.run_id),
                     static_cast<int>(entry.outcome.status));
}

}  // namespace routescope::gui
