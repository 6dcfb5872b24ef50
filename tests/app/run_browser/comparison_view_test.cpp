#include "app/gui/run_browser/comparison_view.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QStackedWidget>
#include <QTableWidget>

#include "app/gui/run_browser/run_comparison.h"
#include "plugins/sdk/run_data.h"
#include "sample_runs.h"
#include "widgets/charts/chart_view.h"

using namespace routescope;
using routescope::widgets::ChartView;

namespace {

QString configCell(QTableWidget* table, const QString& key, int column) {
  for (int r = 0; r < table->rowCount(); ++r) {
    if (table->verticalHeaderItem(r)->text() == key) return table->item(r, column)->text();
  }
  return QStringLiteral("<no row %1>").arg(key);
}

bool highlighted(QTableWidget* table, const QString& key) {
  for (int r = 0; r < table->rowCount(); ++r) {
    if (table->verticalHeaderItem(r)->text() == key)
      return table->item(r, 0)->background().style() != Qt::NoBrush;
  }
  return false;
}

// A sweep of three seeds: one group, same config, a metric all share and one only the first has.
std::vector<plugins::RunData> seedSweep() {
  std::vector<plugins::RunData> runs(3);
  for (size_t i = 0; i < runs.size(); ++i) {
    auto& r = runs[i].record;
    r.id = "sweep000000" + std::to_string(i);
    r.study = "moe";
    r.kind = "train";
    r.group_id = "sweep-1";
    r.seed = i + 1;
    r.config = {{"experts", 4}, {"optimizer", {{"lr", 0.001}}}};
    for (int step = 0; step < 5; ++step) {
      runs[i].metrics["train_loss"].push_back(
          {"train_loss", step, 4.0 - step * 0.5 + static_cast<double>(i) * 0.2});
      runs[i].metrics["valid_loss"].push_back(
          {"valid_loss", step, 4.5 - step * 0.4 + static_cast<double>(i) * 0.1});
    }
  }
  runs[0].record.config["warmup"] = 100;  // only the first run sets it: the others used the default
  runs[0].metrics["grad_norm"].push_back({"grad_norm", 0, 1.0});
  return runs;
}

TEST(ComparisonView, ConfigsSideBySideAndOneChartPerSharedMetric) {
  app::test::SampleRuns sample;
  const std::vector<plugins::RunData> runs{plugins::loadRunData(*sample.store, sample.baseline),
                                           plugins::loadRunData(*sample.store, sample.tuned)};
  std::unique_ptr<QWidget> view(app::createComparisonView(runs, nullptr));
  auto* table = view->findChild<QTableWidget*>("configTable");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->columnCount(), 2);
  EXPECT_EQ(table->horizontalHeaderItem(0)->text(), "baseline\n" + QString::fromStdString(sample.baseline));
  EXPECT_EQ(table->rowCount(), 4);  // seed, blas.name, size, threads
  EXPECT_EQ(configCell(table, "size", 0), "512");
  EXPECT_EQ(configCell(table, "size", 1), "1024");
  EXPECT_EQ(configCell(table, "blas.name", 0), "reference");
  EXPECT_EQ(configCell(table, "blas.name", 1), "openblas");
  EXPECT_EQ(configCell(table, "threads", 1), "1");
  EXPECT_EQ(configCell(table, "seed", 0), "1");
  EXPECT_TRUE(highlighted(table, "size"));
  EXPECT_TRUE(highlighted(table, "blas.name"));
  EXPECT_FALSE(highlighted(table, "threads"));
  EXPECT_FALSE(highlighted(table, "seed"));

  const auto charts = view->findChildren<ChartView*>();
  ASSERT_EQ(charts.size(), 1);  // peak_gflops is their only metric
  EXPECT_EQ(charts[0]->objectName(), "metricChart:peak_gflops");
  ASSERT_EQ(charts[0]->seriesCount(), 2);
  EXPECT_EQ(charts[0]->pointCount(0), 3);
  EXPECT_EQ(charts[0]->pointCount(1), 3);
  // Two runs of no sweep: no seed band option.
  EXPECT_FALSE(view->findChild<QCheckBox*>("seedBands")->isVisibleTo(view.get()));

  view->findChild<QCheckBox*>("onlyDifferences")->setChecked(true);
  int shown = 0;
  for (int r = 0; r < table->rowCount(); ++r) shown += !table->isRowHidden(r);
  EXPECT_EQ(shown, 2);  // size and blas.name
}

TEST(ComparisonView, SeedsOfOneSweepOfferMeanWithMinMaxBand) {
  const auto runs = seedSweep();
  EXPECT_EQ(app::sharedMetrics(runs), QStringList({"train_loss", "valid_loss"}));
  app::ComparisonView view(runs);
  ASSERT_TRUE(view.hasSeedBands());
  auto* table = view.findChild<QTableWidget*>("configTable");
  EXPECT_EQ(configCell(table, "warmup", 0), "100");
  EXPECT_EQ(configCell(table, "warmup", 1), "(default)");
  EXPECT_TRUE(highlighted(table, "warmup"));
  EXPECT_TRUE(highlighted(table, "seed"));
  EXPECT_FALSE(highlighted(table, "optimizer.lr"));

  for (const QString metric : {"train_loss", "valid_loss"}) {
    auto* lines = view.findChild<ChartView*>("metricChart:" + metric);
    auto* band = view.findChild<ChartView*>("metricBand:" + metric);
    ASSERT_TRUE(lines && band) << metric.toStdString();
    EXPECT_EQ(lines->seriesCount(), 3);
    EXPECT_EQ(band->seriesCount(), 1);
    EXPECT_EQ(band->pointCount(0), 5);
  }
  const app::SeedBand band = app::seedBand(runs, "train_loss");
  ASSERT_EQ(band.mean.size(), 5);
  EXPECT_DOUBLE_EQ(band.lower[0].y(), 4.0);
  EXPECT_DOUBLE_EQ(band.upper[0].y(), 4.4);
  EXPECT_NEAR(band.mean[0].y(), 4.2, 1e-12);

  auto* pages =
      qobject_cast<QStackedWidget*>(view.findChild<ChartView*>("metricChart:train_loss")->parentWidget());
  ASSERT_NE(pages, nullptr);
  EXPECT_EQ(pages->currentIndex(), 0);  // one line per run unless asked
  view.findChild<QCheckBox*>("seedBands")->setChecked(true);
  EXPECT_EQ(pages->currentIndex(), 1);
}

TEST(ComparisonView, Screenshots) {
  app::test::SampleRuns sample;
  const std::vector<plugins::RunData> runs{plugins::loadRunData(*sample.store, sample.baseline),
                                           plugins::loadRunData(*sample.store, sample.tuned)};
  std::unique_ptr<QWidget> view(app::createComparisonView(runs, nullptr));
  view->resize(1000, 700);
  view->show();
  app::test::saveScreenshot(*view, "comparison_view.png");

  app::ComparisonView sweep(seedSweep());
  sweep.resize(1000, 700);
  sweep.show();
  sweep.findChild<QCheckBox*>("seedBands")->setChecked(true);
  app::test::saveScreenshot(sweep, "comparison_sweep.png");
}

}  // namespace
