#pragma once
// One job in the job panel: title, progress bar, ETA, a sparkline of its streamed metric, Cancel,
// and once finished either "Open" or the error with a "show log" link.

#include <QFrame>

#include "backend/core/job_queue.h"
#include "widgets/format/display_format.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace routescope::gui {

class Sparkline;

class JobRow : public QFrame {
  Q_OBJECT

 public:
  JobRow(uint64_t id, const QString& title, QWidget* parent = nullptr);
  void update(const core::QueueEntry& entry, const widgets::DisplayFormat& format);
  void addMetric(const QString& name, double value, const QString& formatted);
  uint64_t id() const { return id_; }
  const QString& runId() const { return run_id_; }
  bool finished() const { return finished_; }
  QString stateText() const;

 Q_SIGNALS:
  void cancelRequested(quint64 id);
  void openRunRequested(const QString& run_id);
  void showLogRequested(const QString& run_id);

 protected:
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  uint64_t id_;
  QString run_id_;
  bool finished_ = false;
  core::QueueEntry last_;
  QLabel* title_;
  QLabel* status_;
  QProgressBar* bar_;
  Sparkline* sparkline_;
  QPushButton* cancel_;
  QPushButton* open_;
  QLabel* error_;
};

}  // namespace routescope::gui
