#pragma once
// The MoE study's view of a run: the per-token routing heatmap with its checkpoint slider, the
// training curves, the analysis figures (computed off the GUI thread, then cached) and, as the
// guided demo's end, the findings walked through step by step, each step showing its figure.

#include <QHash>
#include <QWidget>
#include <memory>
#include <nlohmann/json.hpp>

#include "plugins/moe/demo_story.h"
#include "plugins/moe/trace_series.h"
#include "plugins/sdk/run_data.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace routescope::widgets {
class Figure;
}

namespace routescope::plugins::moe {

class RoutingHeatmapView;

// The findings of the guided demo, one step at a time, with Back/Next and "Show the figure".
class DemoStoryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DemoStoryPanel(QWidget* parent = nullptr);
  void setStory(QList<DemoStep> steps);
  void setMessage(const QString& message);
  void showStep(int index);
  int currentStep() const { return index_; }
  int stepCount() const { return int(steps_.size()); }
  QString currentText() const;

 Q_SIGNALS:
  void showFigure(const QString& name);

 private:
  QList<DemoStep> steps_;
  int index_ = -1;
  QLabel* heading_;
  QLabel* text_;
  QLabel* position_;
  QPushButton* back_;
  QPushButton* next_;
  QPushButton* show_;
};

class MoeRunView : public QWidget {
  Q_OBJECT

 public:
  // `extra` are figures of the run that need no analysis (training curves), in display order.
  MoeRunView(const RunData& run, std::vector<std::unique_ptr<widgets::Figure>> extra,
             QWidget* parent = nullptr);

  // Set when the traces are loaded and analysed (or failed: the tabs then say why).
  bool isReady() const { return ready_; }
  const nlohmann::json& analysis() const { return analysis_; }
  RoutingHeatmapView* heatmap() const { return heatmap_; }
  DemoStoryPanel* story() const { return story_; }
  QTabWidget* tabs() const { return tabs_; }
  // The figure in tab `name`, or nullptr.
  widgets::Figure* figure(const QString& name) const;
  // Makes the figure's tab current; false when there is none.
  bool showFigure(const QString& name);
  // Exports the current tab's figure by suffix (.png/.svg/.pdf/.csv); empty string on success.
  QString exportCurrent(const QString& path, QSize size = {});

 Q_SIGNALS:
  void ready();

 private:
  void onAnalysed(std::shared_ptr<const TraceSeries> series, std::shared_ptr<const nlohmann::json> analysis,
                  const QString& error);
  void addFigureTab(std::unique_ptr<widgets::Figure> figure, const QString& name);
  void exportWithDialog();

  RunData run_;
  nlohmann::json analysis_;
  bool ready_ = false;
  QTabWidget* tabs_;
  RoutingHeatmapView* heatmap_;
  DemoStoryPanel* story_;
  QLabel* explanation_;
  QLabel* status_;
  QHash<QString, QWidget*> figure_tabs_;
};

// True for runs started from the guided demo (the `demo` preset): their view opens on the story.
bool isDemoRun(const RunData& run);

}  // namespace routescope::plugins::moe
