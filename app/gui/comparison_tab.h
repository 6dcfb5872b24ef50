#pragma once
// The default comparison of runs: the comparison report (configs side by side, shared metrics'
// final values, each run's own report) next to charts that overlay every metric the runs share,
// one series per run.

#include <QSplitter>
#include <vector>

#include "plugins/sdk/plugin_loader.h"

namespace routescope::gui {

class ComparisonTab : public QSplitter {
  Q_OBJECT

 public:
  ComparisonTab(const std::vector<plugins::RunData>& runs, const plugins::LoadedPlugins& plugins,
                QWidget* parent = nullptr);
  int chartCount() const { return chart_count_; }

 private:
  int chart_count_ = 0;
};

// Metric names every run has, sorted.
QStringList sharedMetricNames(const std::vector<plugins::RunData>& runs);

}  // namespace routescope::gui
