// HeatmapView frame times. Each group has its baseline in the same run (see bench/README.md):
// - BM_PanCached vs BM_PanNoCache: a 1200×800 figure frame after each pan step over a
//   20,000 × 1,536 matrix, with the tile caches vs. with every cache dropped before each frame.
// - BM_MillionRowsZoomedOutWarm vs ...Cold: the whole 1,000,000 × 64 matrix in one frame, from
//   cached tiles vs. rebuilding the aggregate pyramid (one pass over the 64M cells).
// Counters: cache_MB is the view's own cache memory after the run.

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <cmath>
#include <memory>

#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/heatmap_view.h"

namespace {

using routescope::widgets::DenseHeatmapSource;
using routescope::widgets::HeatmapSource;
using routescope::widgets::HeatmapView;

constexpr QSize kFrame(1200, 800);

std::shared_ptr<DenseHeatmapSource> routerMatrix() {
  static const std::shared_ptr<DenseHeatmapSource> source = [] {
    const int rows = 20000, cols = 1536;
    std::vector<float> values(size_t(rows) * cols);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c)
        values[size_t(r) * cols + c] =
            std::sin(r * 0.002f) * std::cos(c * 0.01f) + 0.3f * std::sin(r * 0.05f + c * 0.03f);
    return std::make_shared<DenseHeatmapSource>(rows, cols, std::move(values));
  }();
  return source;
}

// Values computed on the fly, so the benchmark holds no 64M-float copy.
class MillionRows : public HeatmapSource {
 public:
  int rows() const override { return 1000000; }
  int cols() const override { return 64; }
  float value(int row, int col) const override {
    return float((unsigned(row) * 31u + unsigned(col) * 17u) % 1000u) / 999.0f;
  }
  void fillBlock(int row0, int col0, int nrows, int ncols, float* out) const override {
    for (int r = 0; r < nrows; ++r)
      for (int c = 0; c < ncols; ++c) *out++ = value(row0 + r, col0 + c);
  }
};

void renderFrame(HeatmapView& view, QImage& image) {
  image.fill(Qt::white);
  QPainter painter(&image);
  view.paintFigure(painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
}

// Arg 0: visible rows, arg 1: visible columns. Each step pans 4% of the view down and 2% right,
// wrapping at the matrix edge.
void panFrames(benchmark::State& state, bool cached) {
  HeatmapView view;
  view.setSource(routerMatrix());
  const double rows = double(state.range(0)), cols = double(state.range(1));
  view.setVisibleRegion(QRectF(0, 0, cols, rows));
  QImage image(kFrame, QImage::Format_ARGB32_Premultiplied);
  renderFrame(view, image);  // first frame outside the timing
  double top = 0, left = 0;
  for (auto _ : state) {
    top += rows * 0.04;
    left += cols * 0.02;
    if (top + rows > 20000) top = 0;
    if (left + cols > 1536) left = 0;
    view.setVisibleRegion(QRectF(left, top, cols, rows));
    if (!cached) view.sourceDataChanged();
    renderFrame(view, image);
    benchmark::DoNotOptimize(image.constBits());
  }
  state.counters["cache_MB"] = double(view.cacheBytes()) / (1 << 20);
}

void BM_PanCached(benchmark::State& state) {
  panFrames(state, true);
}
void BM_PanNoCache(benchmark::State& state) {
  panFrames(state, false);
}
BENCHMARK(BM_PanCached)
    ->Args({20000, 1536})
    ->Args({2000, 1536})
    ->Args({300, 400})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PanNoCache)
    ->Args({20000, 1536})
    ->Args({2000, 1536})
    ->Args({300, 400})
    ->Unit(benchmark::kMillisecond);

void millionRows(benchmark::State& state, bool warm) {
  HeatmapView view;
  view.setSource(std::make_shared<MillionRows>());
  view.setFixedRange(0, 1);
  QImage image(kFrame, QImage::Format_ARGB32_Premultiplied);
  renderFrame(view, image);
  for (auto _ : state) {
    if (!warm) view.sourceDataChanged();
    renderFrame(view, image);
    benchmark::DoNotOptimize(image.constBits());
  }
  state.counters["cache_MB"] = double(view.cacheBytes()) / (1 << 20);
  state.counters["matrix_MB_if_dense"] = 1e6 * 64 * sizeof(float) / double(1 << 20);
}

void BM_MillionRowsZoomedOutWarm(benchmark::State& state) {
  millionRows(state, true);
}
void BM_MillionRowsZoomedOutCold(benchmark::State& state) {
  millionRows(state, false);
}
BENCHMARK(BM_MillionRowsZoomedOutWarm)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MillionRowsZoomedOutCold)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);  // text rendering needs a GUI application
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
