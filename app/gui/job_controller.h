#pragma once
// The GUI's side of core::JobQueue: one heavy job at a time at niceness 10, and every change of
// the queue (and every streamed metric) re-emitted as a signal on the GUI thread, because the
// queue calls back on its worker threads where widgets must not be touched.

#include <QObject>
#include <QString>
#include <map>
#include <memory>

#include "backend/core/job_queue.h"

namespace routescope::gui {

class JobController : public QObject {
  Q_OBJECT

 public:
  explicit JobController(core::RunStore& store, QObject* parent = nullptr);
  ~JobController() override;

  uint64_t submit(std::unique_ptr<core::Job> job, core::RunRequest request);
  void cancel(uint64_t id);
  std::vector<core::QueueEntry> snapshot() const { return queue_->snapshot(); }

 Q_SIGNALS:
  void jobChanged(const routescope::core::QueueEntry& entry);
  // A finished job; run_id is empty when a waiting job was cancelled before it made a run.
  void jobFinished(quint64 id, const QString& run_id, int status);
  void metricStreamed(quint64 id, const QString& name, qint64 step, double value);

 private:
  class MetricForwarder;
  struct Gate;
  void deliver(const core::QueueEntry& entry);

  std::shared_ptr<Gate> gate_;
  std::map<uint64_t, std::unique_ptr<MetricForwarder>> forwarders_;
  std::unique_ptr<core::JobQueue> queue_;
};

}  // namespace routescope::gui
