#pragma once
// The job panel dock's content: a row per job, running and waiting ones first, finished ones
// below (newest first), fed by JobController's GUI-thread signals.

#include <QMap>
#include <QWidget>

#include "backend/core/job_queue.h"

class QVBoxLayout;
class QLabel;

namespace routescope::gui {

class JobController;
class JobRow;
struct AppSettings;

class JobPanel : public QWidget {
  Q_OBJECT

 public:
  JobPanel(JobController& controller, const AppSettings& settings, QWidget* parent = nullptr);
  JobRow* row(uint64_t id) const { return rows_.value(id); }
  int rowCount() const { return static_cast<int>(rows_.size()); }

 Q_SIGNALS:
  void openRunRequested(const QString& run_id);
  void showLogRequested(const QString& run_id);

 private:
  void onJobChanged(const core::QueueEntry& entry);
  void place(JobRow* row, bool finished);

  JobController& controller_;
  const AppSettings& settings_;
  QMap<uint64_t, JobRow*> rows_;
  QVBoxLayout* active_;
  QVBoxLayout* finished_;
  QLabel* empty_;
};

}  // namespace routescope::gui
