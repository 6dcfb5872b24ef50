#pragma once
// The default comparison of runs: their configs side by side (differing values highlighted) and,
// for every metric all runs share, a chart with one line per run. Runs of one sweep that differ
// in seed can instead show the mean with a min/max band.

#include <QWidget>
#include <vector>

#include "plugins/sdk/run_data.h"

class QCheckBox;
class QStackedWidget;
class QTableWidget;

namespace routescope::app {

class ComparisonView : public QWidget {
  Q_OBJECT

 public:
  explicit ComparisonView(const std::vector<plugins::RunData>& runs, QWidget* parent = nullptr);

  // Shows only config rows whose values differ between runs.
  void setOnlyDifferences(bool only);
  // Shows mean and min/max band across seeds instead of one line per run (sweeps only).
  void setShowSeedBands(bool show);
  bool hasSeedBands() const { return has_seed_bands_; }

 private:
  QTableWidget* buildConfigTable(const std::vector<plugins::RunData>& runs);
  QWidget* buildCharts(const std::vector<plugins::RunData>& runs);
  QWidget* buildMetricChart(const std::vector<plugins::RunData>& runs, const QString& metric);

  QTableWidget* config_table_ = nullptr;
  std::vector<bool> row_differs_;
  std::vector<QStackedWidget*> metric_pages_;  // page 0: one line per run, page 1: seed band
  bool has_seed_bands_ = false;
};

// The view the run browser's "compare" leads to; owned by `parent`.
QWidget* createComparisonView(const std::vector<plugins::RunData>& runs, QWidget* parent);

}  // namespace routescope::app
