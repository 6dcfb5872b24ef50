#include "app/gui/job_row.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include "app/gui/sparkline.h"
#include "backend/core/progress.h"

namespace routescope::gui {

JobRow::JobRow(uint64_t id, const QString& title, QWidget* parent)
    : QFrame(parent),
      id_(id),
      title_(new QLabel(title, this)),
      status_(new QLabel(this)),
      bar_(new QProgressBar(this)),
      sparkline_(new Sparkline(this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      open_(new QPushButton(tr("Open"), this)),
      error_(new QLabel(this)) {
  setFrameShape(QFrame::StyledPanel);
  setObjectName(QStringLiteral("jobRow%1").arg(id));
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  bar_->setRange(0, 1000);
  bar_->setTextVisible(false);
  bar_->setMaximumHeight(12);
  error_->setWordWrap(true);
  error_->setTextFormat(Qt::RichText);
  error_->hide();
  open_->hide();
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(6, 4, 6, 4);
  grid->addWidget(title_, 0, 0);
  grid->addWidget(sparkline_, 0, 1);
  grid->addWidget(cancel_, 0, 2);
  grid->addWidget(open_, 0, 2);
  grid->addWidget(bar_, 1, 0, 1, 3);
  grid->addWidget(status_, 2, 0, 1, 3);
  grid->addWidget(error_, 3, 0, 1, 3);
  grid->setColumnStretch(0, 1);
  connect(cancel_, &QPushButton::clicked, this, [this] { Q_EMIT cancelRequested(id_); });
  connect(open_, &QPushButton::clicked, this, [this] { Q_EMIT openRunRequested(run_id_); });
  connect(error_, &QLabel::linkActivated, this, [this] { Q_EMIT showLogRequested(run_id_); });
  status_->setText(tr("Waiting"));
}

QString JobRow::stateText() const {
  return status_->text();
}

void JobRow::update(const core::QueueEntry& entry, const widgets::DisplayFormat& format) {
  last_ = entry;
  if (entry.state == core::QueueState::Waiting) {
    status_->setText(tr("Waiting for the running job"));
    return;
  }
  if (entry.state == core::QueueState::Running) {
    bar_->setValue(static_cast<int>(entry.progress.fraction * 1000));
    const QString eta =
        entry.progress.eta_s ? tr("ETA %1").arg(format.duration(*entry.progress.eta_s)) : tr("ETA unknown");
    status_->setText(QStringLiteral("%1 · %2").arg(QString::fromStdString(entry.progress.message), eta));
    return;
  }
  finished_ = true;
  run_id_ = QString::fromStdString(entry.outcome.run_id);
  cancel_->hide();
  const auto status = entry.outcome.status;
  const QString took = format.duration(entry.outcome.seconds);
  if (status == core::RunStatus::Completed) {
    bar_->setValue(1000);
    status_->setText(tr("Completed in %1").arg(took));
    open_->setVisible(!run_id_.isEmpty());
    return;
  }
  status_->setText(status == core::RunStatus::Cancelled ? tr("Cancelled after %1").arg(took)
                                                        : tr("Failed after %1").arg(took));
  if (!entry.outcome.error.empty() || status == core::RunStatus::Failed) {
    const QString log =
        run_id_.isEmpty() ? QString() : QStringLiteral(" <a href=\"log\">%1</a>").arg(tr("show log"));
    error_->setText(QString::fromStdString(entry.outcome.error).toHtmlEscaped() + log);
    error_->show();
  }
  open_->setVisible(!run_id_.isEmpty());
}

void JobRow::addMetric(const QString& name, double value, const QString& formatted) {
  sparkline_->addValue(value);
  sparkline_->setToolTip(QStringLiteral("%1 = %2").arg(name, formatted));
}

void JobRow::mouseDoubleClickEvent(QMouseEvent* event) {
  if (finished_ && !run_id_.isEmpty()) Q_EMIT openRunRequested(run_id_);
  QFrame::mouseDoubleClickEvent(event);
}

}  // namespace routescope::gui
