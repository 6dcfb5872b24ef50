#include "app/gui/job_panel.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "app/gui/app_settings.h"
#include "app/gui/job_controller.h"
#include "app/gui/job_row.h"

namespace routescope::gui {

JobPanel::JobPanel(JobController& controller, const AppSettings& settings, QWidget* parent)
    : QWidget(parent), controller_(controller), settings_(settings) {
  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  empty_ = new QLabel(tr("No jobs yet. Start one from a study in the sidebar."), content);
  empty_->setWordWrap(true);
  active_ = new QVBoxLayout;
  finished_ = new QVBoxLayout;
  column->addWidget(empty_);
  column->addLayout(active_);
  column->addLayout(finished_);
  column->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  // Rows wrap to the dock's width instead of scrolling sideways.
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(content);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);

  connect(&controller_, &JobController::jobChanged, this, &JobPanel::onJobChanged);
  connect(&controller_, &JobController::metricStreamed, this,
          [this](quint64 id, const QString& name, qint64, double value) {
            if (JobRow* r = rows_.value(id))
              r->addMetric(name, value, settings_.displayFormat().number(value));
          });
}

void JobPanel::onJobChanged(const core::QueueEntry& entry) {
  JobRow* r = rows_.value(entry.id);
  if (!r) {
    r = new JobRow(entry.id, QString::fromStdString(entry.title), this);
    rows_.insert(entry.id, r);
    connect(r, &JobRow::cancelRequested, this, [this](quint64 id) { controller_.cancel(id); });
    connect(r, &JobRow::openRunRequested, this, &JobPanel::openRunRequested);
    connect(r, &JobRow::showLogRequested, this, &JobPanel::showLogRequested);
    place(r, false);
    empty_->hide();
  }
  const bool was_finished = r->finished();
  r->update(entry, settings_.displayFormat());
  if (!was_finished && r->finished()) place(r, true);
}

void JobPanel::place(JobRow* row, bool finished) {
  active_->removeWidget(row);
  if (finished)
    finished_->insertWidget(0, row);
  else
    active_->addWidget(row);
}

}  // namespace routescope::gui
