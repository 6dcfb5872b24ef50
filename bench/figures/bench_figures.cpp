// Figure export times. Baseline: painting the figure into an in-memory image (BM_PaintOnly);
// the export benchmarks add re-rendering at the target size, encoding and writing the file:
// - a 1,000-point line chart to PNG (1200×800 at 96 and 192 dpi), SVG and PDF;
// - a 20,000 × 1,536 heatmap to PNG and PDF.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <cmath>

#include "widgets/charts/chart_view.h"
#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/heatmap_view.h"

namespace {

using namespace routescope::widgets;

QString scratch(const char* name) {
  return QDir::temp().filePath(QStringLiteral("routescope-bench-figures-%1-%2").arg(getpid()).arg(name));
}

ChartView& lineChart() {
  static ChartView* chart = [] {
    auto* c = new ChartView;
    c->setTitle("loss");
    const int s = c->addSeries("train");
    QList<QPointF> points;
    for (int i = 0; i < 1000; ++i) points.append(QPointF(i, std::exp(-i / 300.0) + 0.05 * std::sin(i * 0.3)));
    c->setPoints(s, points);
    return c;
  }();
  return *chart;
}

HeatmapView& heatmap() {
  static HeatmapView* view = [] {
    const int rows = 20000, cols = 1536;
    std::vector<float> values(size_t(rows) * cols);
    for (size_t i = 0; i < values.size(); ++i) values[i] = std::sin(float(i % 9973) * 0.01f);
    auto* v = new HeatmapView;
    v->setSource(std::make_shared<DenseHeatmapSource>(rows, cols, std::move(values)));
    return v;
  }();
  return *view;
}

FigureRequest request(FigureFormat format, int dpi) {
  FigureRequest r;
  r.format = format;
  r.size = QSize(1200, 800);
  r.dpi = dpi;
  r.provenance = {"bench", "0", "routescope-bench-figures"};
  return r;
}

void exportLoop(benchmark::State& state, Figure& figure, FigureFormat format, int dpi, const char* file) {
  const QString path = scratch(file);
  for (auto _ : state) {
    const QString error = figure.exportFigure(path, request(format, dpi));
    if (!error.isEmpty()) state.SkipWithError(error.toStdString().c_str());
  }
  QFile::remove(path);
}

void BM_PaintOnly_Chart(benchmark::State& state) {
  QImage image(1200, 800, QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    image.fill(Qt::white);
    QPainter painter(&image);
    lineChart().paintFigure(painter, QRectF(0, 0, 1200, 800));
  }
}
BENCHMARK(BM_PaintOnly_Chart)->Unit(benchmark::kMillisecond);

void BM_Export_Chart_Png96(benchmark::State& s) {
  exportLoop(s, lineChart(), FigureFormat::Png, 96, "c96.png");
}
void BM_Export_Chart_Png192(benchmark::State& s) {
  exportLoop(s, lineChart(), FigureFormat::Png, 192, "c192.png");
}
void BM_Export_Chart_Svg(benchmark::State& s) {
  exportLoop(s, lineChart(), FigureFormat::Svg, 96, "c.svg");
}
void BM_Export_Chart_Pdf(benchmark::State& s) {
  exportLoop(s, lineChart(), FigureFormat::Pdf, 96, "c.pdf");
}
void BM_Export_Heatmap_Png96(benchmark::State& s) {
  exportLoop(s, heatmap(), FigureFormat::Png, 96, "h.png");
}
void BM_Export_Heatmap_Pdf(benchmark::State& s) {
  exportLoop(s, heatmap(), FigureFormat::Pdf, 96, "h.pdf");
}
BENCHMARK(BM_Export_Chart_Png96)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export_Chart_Png192)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export_Chart_Svg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export_Chart_Pdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export_Heatmap_Png96)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export_Heatmap_Pdf)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
