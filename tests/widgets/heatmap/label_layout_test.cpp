// Label layout rules: all labels when they fit, every k-th (at multiples of k) when dense, column
// labels rotated when they don't fit their cell, elision with "…".

#include "widgets/heatmap/label_layout.h"

#include <gtest/gtest.h>

#include <QFont>

#include "tests/widgets/heatmap/heatmap_test_support.h"
#include "widgets/heatmap/colorbar.h"

namespace routescope::widgets {
namespace {

using testing::testApp;

QFontMetricsF metrics() {
  QFont font;
  font.setPixelSize(11);
  return QFontMetricsF(font);
}

const QStringList kGreek = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
QString greek(int i) {
  return kGreek[i % kGreek.size()];
}

TEST(HeatmapLabelLayout, NiceSteps) {
  EXPECT_EQ(niceLabelStep(0.3), 1);
  EXPECT_EQ(niceLabelStep(1.0), 1);
  EXPECT_EQ(niceLabelStep(1.5), 2);
  EXPECT_EQ(niceLabelStep(3), 5);
  EXPECT_EQ(niceLabelStep(7), 10);
  EXPECT_EQ(niceLabelStep(17500), 20000);
}

TEST(HeatmapLabelLayout, RowLabelsAllShownWhenRoomy) {
  testApp();
  const AxisSpan axis{0, 40, 320, 8};
  const AxisLabelLayout layout = layoutRowLabels(metrics(), axis, 90, greek);
  ASSERT_EQ(layout.labels.size(), 8u);
  EXPECT_EQ(layout.step, 1);
  EXPECT_EQ(layout.labels[0].text, "alpha");
  EXPECT_EQ(layout.labels[1].text, "beta");
  EXPECT_DOUBLE_EQ(layout.labels[1].center, 60);
}

TEST(HeatmapLabelLayout, RowLabelsElidedToTheMargin) {
  testApp();
  const AxisSpan axis{0, 40, 80, 2};
  const auto longLabel = [](int) { return QStringLiteral("a very long row label for a token"); };
  const AxisLabelLayout layout = layoutRowLabels(metrics(), axis, 60, longLabel);
  ASSERT_EQ(layout.labels.size(), 2u);
  EXPECT_TRUE(layout.labels[0].text.endsWith(QChar(0x2026))) << layout.labels[0].text.toStdString();
  EXPECT_LE(metrics().horizontalAdvance(layout.labels[0].text), 60);
}

TEST(HeatmapLabelLayout, DenseRowsShowEveryKthAtMultiples) {
  testApp();
  // 1,000,000 rows in 800 pixels, panned to start at row 123456.7.
  const AxisSpan axis{123456.7, 800.0 / 20000.0, 800, 1000000};
  const AxisLabelLayout layout =
      layoutRowLabels(metrics(), axis, 90, [](int i) { return QString::number(i); });
  EXPECT_GT(layout.step, 1);
  ASSERT_FALSE(layout.labels.empty());
  EXPECT_LE(layout.labels.size(), size_t(800 / metrics().height()) + 1);
  for (const AxisLabel& label : layout.labels) {
    EXPECT_EQ(label.index % layout.step, 0);
    EXPECT_GE(label.center, 0);
    EXPECT_LE(label.center, 800);
  }
  for (size_t i = 1; i < layout.labels.size(); ++i)
    EXPECT_GE(layout.labels[i].center - layout.labels[i - 1].center, metrics().height() - 1e-9);
}

TEST(HeatmapLabelLayout, ColumnLabelsHorizontalWhenTheyFit) {
  testApp();
  const AxisSpan axis{0, 80, 480, 6};
  const AxisLabelLayout layout = layoutColumnLabels(metrics(), axis, 60, greek);
  EXPECT_FALSE(layout.rotated);
  ASSERT_EQ(layout.labels.size(), 6u);
  EXPECT_EQ(layout.labels[4].text, "epsilon");
}

TEST(HeatmapLabelLayout, ColumnLabelsRotateWhenCellsAreNarrow) {
  testApp();
  const AxisSpan axis{0, 20, 480, 24};
  const AxisLabelLayout layout = layoutColumnLabels(metrics(), axis, 60, greek);
  EXPECT_TRUE(layout.rotated);
  EXPECT_EQ(layout.step, 1);
  EXPECT_EQ(layout.labels.size(), 24u);
  EXPECT_EQ(layout.labels[2].text, "gamma");
}

TEST(HeatmapLabelLayout, RotatedColumnLabelsSkipAndElide) {
  testApp();
  const AxisSpan axis{0, 2, 1536, 768};
  const auto label = [](int i) { return QStringLiteral("layer 3 expert %1 (shared)").arg(i); };
  const AxisLabelLayout layout = layoutColumnLabels(metrics(), axis, 50, label);
  EXPECT_TRUE(layout.rotated);
  EXPECT_GE(layout.step * 2, metrics().height());
  for (const AxisLabel& entry : layout.labels) {
    EXPECT_TRUE(entry.text.endsWith(QChar(0x2026)));
    EXPECT_LE(metrics().horizontalAdvance(entry.text), 50);
  }
}

TEST(HeatmapColorbar, NiceTicks) {
  const std::vector<double> ticks = niceTicks(0, 1, 5);
  ASSERT_EQ(ticks.size(), 6u);
  EXPECT_DOUBLE_EQ(ticks.front(), 0);
  EXPECT_DOUBLE_EQ(ticks.back(), 1);
  const std::vector<double> odd = niceTicks(-0.37, 2.9, 4);
  ASSERT_FALSE(odd.empty());
  for (double t : odd) {
    EXPECT_GE(t, -0.37);
    EXPECT_LE(t, 2.9);
  }
  EXPECT_EQ(niceTicks(3, 3, 5).size(), 1u);
}

}  // namespace
}  // namespace routescope::widgets
