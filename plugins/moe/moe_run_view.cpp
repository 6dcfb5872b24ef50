#include "plugins/moe/moe_run_view.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "plugins/moe/analysis_figures.h"
#include "plugins/moe/csv_figure.h"
#include "plugins/moe/routing_heatmap_view.h"
#include "plugins/moe/run_analysis_cache.h"

namespace routescope::plugins::moe {

DemoStoryPanel::DemoStoryPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("demoStory"));
  heading_ = new QLabel(this);
  QFont font = heading_->font();
  font.setPointSizeF(font.pointSizeF() * 1.4);
  font.setBold(true);
  heading_->setFont(font);
  text_ = new QLabel(this);
  text_->setWordWrap(true);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  text_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  position_ = new QLabel(this);
  back_ = new QPushButton(tr("Back"), this);
  next_ = new QPushButton(tr("Next"), this);
  show_ = new QPushButton(tr("Show the figure"), this);
  show_->setObjectName(QStringLiteral("showFigureButton"));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(position_);
  buttons->addStretch(1);
  buttons->addWidget(show_);
  buttons->addWidget(back_);
  buttons->addWidget(next_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(heading_);
  layout->addWidget(text_, 1);
  layout->addLayout(buttons);
  connect(back_, &QPushButton::clicked, this, [this] { showStep(index_ - 1); });
  connect(next_, &QPushButton::clicked, this, [this] {
    showStep(index_ + 1);
    // Walking through the story highlights each finding's figure in turn.
    if (index_ >= 0) Q_EMIT showFigure(steps_[index_].figure);
  });
  connect(show_, &QPushButton::clicked, this, [this] {
    if (index_ >= 0) Q_EMIT showFigure(steps_[index_].figure);
  });
  setMessage(tr("The findings appear here once the routing traces are analysed."));
}

void DemoStoryPanel::setStory(QList<DemoStep> steps) {
  steps_ = std::move(steps);
  showStep(0);
}

void DemoStoryPanel::setMessage(const QString& message) {
  steps_.clear();
  index_ = -1;
  heading_->setText(tr("Findings"));
  text_->setText(message);
  position_->clear();
  back_->setEnabled(false);
  next_->setEnabled(false);
  show_->setEnabled(false);
}

void DemoStoryPanel::showStep(int index) {
  if (steps_.isEmpty()) return;
  index_ = std::clamp(index, 0, int(steps_.size()) - 1);
  const DemoStep& step = steps_[index_];
  heading_->setText(step.appeared ? step.title : tr("%1 (did not appear)").arg(step.title));
  text_->setText(step.text);
  position_->setText(tr("Step %1 of %2").arg(index_ + 1).arg(steps_.size()));
  back_->setEnabled(index_ > 0);
  next_->setEnabled(index_ + 1 < steps_.size());
  show_->setEnabled(!step.figure.isEmpty());
}

QString DemoStoryPanel::currentText() const {
  return index_ >= 0 ? steps_[index_].text : text_->text();
}

MoeRunView::MoeRunView(const RunData& run, std::vector<std::unique_ptr<widgets::Figure>> extra,
                       QWidget* parent)
    : QWidget(parent), run_(run) {
  setObjectName(QStringLiteral("moeRunView"));
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("moeRunTabs"));
  story_ = new DemoStoryPanel(this);
  heatmap_ = new RoutingHeatmapView(this);
  explanation_ = new QLabel(this);
  explanation_->setWordWrap(true);
  // Room for the longest explanation, so that switching tabs never clips or jumps the layout.
  explanation_->setMinimumHeight(explanation_->fontMetrics().lineSpacing() * 3);
  status_ = new QLabel(this);
  auto* export_button = new QPushButton(tr("Export figure…"), this);
  export_button->setToolTip(tr("Save the current figure as PNG, SVG or PDF, or its data as CSV"));

  tabs_->addTab(story_, tr("Findings"));
  figure_tabs_.insert(QStringLiteral("routing-heatmap"), heatmap_);
  tabs_->addTab(heatmap_, figureTitle(QStringLiteral("routing-heatmap")));
  for (auto& figure : extra) {
    const QString name = figure->figureName();
    addFigureTab(std::move(figure), name);
  }

  auto* bottom = new QHBoxLayout;
  bottom->addWidget(explanation_, 1);
  bottom->addWidget(status_);
  bottom->addWidget(export_button);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs_, 1);
  layout->addLayout(bottom);

  connect(story_, &DemoStoryPanel::showFigure, this, &MoeRunView::showFigure);
  connect(export_button, &QPushButton::clicked, this, &MoeRunView::exportWithDialog);
  connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
    const QString name = figure_tabs_.key(tabs_->widget(index));
    explanation_->setText(figureExplanation(name));
  });
  // Demo runs open on their story; others on the heatmap.
  tabs_->setCurrentIndex(isDemoRun(run_) ? 0 : 1);

  // Comparisons and checkpoint inspections have figures but no traces: no heatmap, no story.
  if (run_.record.kind == "compare" || run_.record.kind == "inspect-checkpoint") {
    for (QWidget* widget : {static_cast<QWidget*>(story_), static_cast<QWidget*>(heatmap_)}) {
      tabs_->removeTab(tabs_->indexOf(widget));
      widget->hide();
    }
    figure_tabs_.remove(QStringLiteral("routing-heatmap"));
    if (tabs_->count() == 0) status_->setText(tr("This run stored no figures."));
    tabs_->setCurrentIndex(0);
    explanation_->setText(figureExplanation(figure_tabs_.key(tabs_->currentWidget())));
    ready_ = true;
    return;
  }
  if (!hasTraces(run_)) {
    heatmap_->setMessage(tr("This run has no routing traces: the analyses need `trace.tokens` > 0."));
    story_->setMessage(tr("This run has no routing traces, so there are no findings to show."));
    ready_ = true;
    return;
  }
  status_->setText(tr("Analysing the routing…"));
  AnalysisTask* task = AnalysisTask::start(run_);
  connect(task, &AnalysisTask::finished, this, &MoeRunView::onAnalysed);
}

void MoeRunView::onAnalysed(std::shared_ptr<const TraceSeries> series,
                            std::shared_ptr<const nlohmann::json> analysis, const QString& error) {
  status_->clear();
  if (series) {
    heatmap_->setTraces(series);
  } else {
    heatmap_->setMessage(tr("The routing traces could not be read: %1").arg(error));
  }
  if (analysis) {
    analysis_ = *analysis;
    for (const QString& name : analysisFigureNames(analysis_))
      if (auto figure = createAnalysisFigure(analysis_, name)) addFigureTab(std::move(figure), name);
    story_->setStory(demoStory(analysis_));
  } else {
    story_->setMessage(tr("The routing could not be analysed: %1").arg(error));
  }
  ready_ = true;
  Q_EMIT ready();
}

void MoeRunView::addFigureTab(std::unique_ptr<widgets::Figure> figure, const QString& name) {
  auto* widget = dynamic_cast<QWidget*>(figure.get());
  if (!widget) return;
  figure.release();  // the tab widget owns it now
  widget->setParent(this);
  figure_tabs_.insert(name, widget);
  tabs_->addTab(widget, figureTitle(name));
}

widgets::Figure* MoeRunView::figure(const QString& name) const {
  return dynamic_cast<widgets::Figure*>(figure_tabs_.value(name));
}

bool MoeRunView::showFigure(const QString& name) {
  QWidget* widget = figure_tabs_.value(name);
  if (!widget) return false;
  tabs_->setCurrentWidget(widget);
  return true;
}

QString MoeRunView::exportCurrent(const QString& path, QSize size) {
  auto* figure = dynamic_cast<widgets::Figure*>(tabs_->currentWidget());
  if (!figure) return tr("The current tab is not a figure.");
  return exportFigureFile(*figure, path, size);
}

void MoeRunView::exportWithDialog() {
  auto* figure = dynamic_cast<widgets::Figure*>(tabs_->currentWidget());
  if (!figure) return;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export figure"), figure->figureName() + QStringLiteral(".png"),
      tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf);;Data as CSV (*.csv)"));
  if (path.isEmpty()) return;
  const QString error = exportCurrent(path);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export figure"), error);
}

bool isDemoRun(const RunData& run) {
  const auto& config = run.record.config;
  return config.is_object() && config.contains("preset") && config["preset"].is_string() &&
         config["preset"].get<std::string>().starts_with("demo");
}

}  // namespace routescope::plugins::moe
