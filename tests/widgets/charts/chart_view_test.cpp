#include "widgets/charts/chart_view.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include "widgets/charts/radar_chart.h"

using namespace routescope::widgets;

namespace {

QImage render(Figure& figure, QSize size = QSize(500, 350)) {
  QImage image(size, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  figure.paintFigure(painter, QRectF(QPointF(0, 0), QSizeF(size)));
  return image;
}

int countColour(const QImage& image, const QColor& colour, int tolerance = 40) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      count += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                   std::abs(c.blue() - colour.blue()) <
               tolerance;
    }
  }
  return count;
}

}  // namespace

TEST(ChartView, TenThousandLiveAppendsArriveInBatches) {
  ChartView chart;
  chart.resize(600, 400);
  chart.show();
  const int s = chart.addSeries("loss");
  QElapsedTimer timer;
  timer.start();
  for (int i = 0; i < 10000; ++i) chart.append(s, i, std::sin(i * 0.01));
  EXPECT_EQ(chart.pointCount(s), 10000);
  chart.flush();
  EXPECT_EQ(chart.pointCount(s), 10000);
  const QImage image = render(chart);
  if (const char* out = std::getenv("ROUTESCOPE_TEST_IMAGES")) image.save(QString(out) + "/live.png");
  EXPECT_GT(countColour(image, QColor(32, 159, 223)), 100);  // the default first series colour
}

TEST(ChartView, LogAxesBandsScatterAndBars) {
  ChartView chart;
  chart.setAxisScales(AxisScale::Log, AxisScale::Log);
  chart.setAxisTitles("size", "GFLOP/s");
  const int line = chart.addSeries("mean");
  const int dots = chart.addSeries("runs", SeriesKind::Scatter);
  QList<QPointF> mean, low, high;
  for (int i = 1; i <= 5; ++i) {
    mean.append(QPointF(std::pow(10, i), i * 10.0));
    low.append(QPointF(std::pow(10, i), i * 8.0));
    high.append(QPointF(std::pow(10, i), i * 12.0));
  }
  chart.setPoints(line, mean);
  chart.setPoints(dots, mean);
  chart.setBand(line, low, high);
  EXPECT_EQ(chart.seriesCount(), 2);
  const QImage image = render(chart);
  EXPECT_GT(countColour(image, QColor(Qt::white), 1), 0);
  EXPECT_LT(countColour(image, QColor(Qt::white), 1), image.width() * image.height() * 0.97);

  ChartView bars;
  bars.setBars({"1 thread", "2 threads"}, {{"sgemm", {40.0, 75.0}}});
  EXPECT_LT(countColour(render(bars), QColor(Qt::white), 1), 500 * 350 * 0.97);
}

TEST(RadarChart, OneSpokePerCategoryAndClosedPolygons) {
  RadarChart radar;
  radar.setSpokes({"E0", "E1", "E2", "E3", "E4", "E5", "E6", "E7"});
  radar.addSeries("code", {0.3, 0.1, 0.05, 0.1, 0.2, 0.1, 0.1, 0.05});
  radar.addSeries("prose", {0.1, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1});
  EXPECT_EQ(radar.seriesCount(), 2);
  EXPECT_THROW(radar.addSeries("bad", {1.0, 2.0}), std::invalid_argument);
  const QImage image = render(radar, QSize(500, 500));
  if (const char* out = std::getenv("ROUTESCOPE_TEST_IMAGES")) image.save(QString(out) + "/radar.png");
  // Both polygons are drawn, in the theme's first two series colours.
  EXPECT_GT(countColour(image, QColor(32, 159, 223)), 300);
  EXPECT_GT(countColour(image, QColor(153, 202, 83)), 300);
}
