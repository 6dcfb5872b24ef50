#include "app/gui/run_browser/comparison_view.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/run_browser/run_comparison.h"
#include "widgets/charts/chart_view.h"

namespace routescope::app {
namespace {

// Soft amber: visible on both the light and the dark palette's base colour without hiding text.
const QColor kDifferenceColour(255, 214, 120, 150);
constexpr int kChartColumns = 2;
constexpr int kConfigRowsShown = 6;
const QSize kChartMinimum(340, 260);

}  // namespace

ComparisonView::ComparisonView(const std::vector<plugins::RunData>& runs, QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("comparisonView"));
  has_seed_bands_ = areSeedsOfOneSweep(runs);

  auto* only_differences = new QCheckBox(tr("Only keys that differ"), this);
  only_differences->setObjectName(QStringLiteral("onlyDifferences"));
  connect(only_differences, &QCheckBox::toggled, this, &ComparisonView::setOnlyDifferences);
  auto* seed_bands = new QCheckBox(tr("Mean and min/max across seeds"), this);
  seed_bands->setObjectName(QStringLiteral("seedBands"));
  seed_bands->setVisible(has_seed_bands_);
  seed_bands->setToolTip(tr("The runs are one sweep with different seeds: show their spread as a band"));
  connect(seed_bands, &QCheckBox::toggled, this, &ComparisonView::setShowSeedBands);

  auto* options = new QHBoxLayout;
  options->addWidget(new QLabel(tr("Comparing %1 runs").arg(runs.size()), this));
  options->addStretch();
  options->addWidget(only_differences);
  options->addWidget(seed_bands);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(buildConfigTable(runs));
  splitter->addWidget(buildCharts(runs));
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(options);
  layout->addWidget(splitter);
}

QTableWidget* ComparisonView::buildConfigTable(const std::vector<plugins::RunData>& runs) {
  const std::vector<ConfigRow> rows = compareConfigs(runs);
  config_table_ = new QTableWidget(static_cast<int>(rows.size()), static_cast<int>(runs.size()), this);
  config_table_->setObjectName(QStringLiteral("configTable"));
  config_table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  QStringList headers;
  for (const auto& run : runs) headers.append(runLabel(run.record));
  config_table_->setHorizontalHeaderLabels(headers);
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const ConfigRow& row = rows[static_cast<size_t>(r)];
    auto* key = new QTableWidgetItem(row.key);
    if (row.differs) key->setToolTip(tr("Differs between runs"));
    config_table_->setVerticalHeaderItem(r, key);
    for (int c = 0; c < row.values.size(); ++c) {
      const bool missing = row.values[c].isNull();
      auto* item = new QTableWidgetItem(missing ? tr("(default)") : row.values[c]);
      if (missing) item->setForeground(config_table_->palette().placeholderText());
      if (row.differs) item->setBackground(kDifferenceColour);
      config_table_->setItem(r, c, item);
    }
    row_differs_.push_back(row.differs);
  }
  config_table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  config_table_->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  // Open with the first rows in view (the splitter gives the rest to the charts); dragging the
  // splitter shows more.
  const int rows_shown = std::min(config_table_->rowCount(), kConfigRowsShown);
  config_table_->setMinimumHeight(config_table_->horizontalHeader()->sizeHint().height() +
                                  rows_shown * config_table_->verticalHeader()->defaultSectionSize() +
                                  2 * config_table_->frameWidth() + 2);
  return config_table_;
}

QWidget* ComparisonView::buildCharts(const std::vector<plugins::RunData>& runs) {
  const QStringList metrics = sharedMetrics(runs);
  if (metrics.isEmpty()) {
    auto* none = new QLabel(tr("These runs share no metrics."), this);
    none->setAlignment(Qt::AlignCenter);
    return none;
  }
  auto* grid_host = new QWidget;
  auto* grid = new QGridLayout(grid_host);
  for (int i = 0; i < metrics.size(); ++i) {
    grid->addWidget(buildMetricChart(runs, metrics[i]), i / kChartColumns, i % kChartColumns);
  }
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(grid_host);
  return scroll;
}

QWidget* ComparisonView::buildMetricChart(const std::vector<plugins::RunData>& runs, const QString& metric) {
  const std::string name = metric.toStdString();
  auto* pages = new QStackedWidget;

  auto* per_run = new widgets::ChartView;
  per_run->setMinimumSize(kChartMinimum);
  per_run->setObjectName(QStringLiteral("metricChart:") + metric);
  per_run->setFigureName(metric);
  per_run->setTitle(metric);
  per_run->setAxisTitles(tr("step"), metric);
  for (const auto& run : runs) {
    QList<QPointF> points;
    for (const auto& point : run.series(name)) points.append({static_cast<double>(point.step), point.value});
    per_run->setPoints(per_run->addSeries(runLegendLabel(run.record)), points);
  }
  pages->addWidget(per_run);

  if (has_seed_bands_) {
    const SeedBand band = seedBand(runs, name);
    auto* spread = new widgets::ChartView;
    spread->setMinimumSize(kChartMinimum);
    spread->setObjectName(QStringLiteral("metricBand:") + metric);
    spread->setFigureName(metric + QStringLiteral("_seeds"));
    spread->setTitle(tr("%1 across %2 seeds").arg(metric).arg(runs.size()));
    spread->setAxisTitles(tr("step"), metric);
    const int mean = spread->addSeries(tr("mean"));
    spread->setPoints(mean, band.mean);
    spread->setBand(mean, band.lower, band.upper);
    pages->addWidget(spread);
  }
  metric_pages_.push_back(pages);
  return pages;
}

void ComparisonView::setOnlyDifferences(bool only) {
  for (int r = 0; r < config_table_->rowCount(); ++r) {
    config_table_->setRowHidden(r, only && !row_differs_[static_cast<size_t>(r)]);
  }
}

void ComparisonView::setShowSeedBands(bool show) {
  if (!has_seed_bands_) return;
  for (auto* pages : metric_pages_) pages->setCurrentIndex(show ? 1 : 0);
}

QWidget* createComparisonView(const std::vector<plugins::RunData>& runs, QWidget* parent) {
  return new ComparisonView(runs, parent);
}

}  // namespace routescope::app
