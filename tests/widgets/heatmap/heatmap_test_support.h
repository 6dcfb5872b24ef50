#pragma once
// Shared helpers for the heatmap tests: one QApplication per process (on the offscreen platform
// unless the environment chose one), rendering a figure into an image, and small sources.

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::widgets::testing {

inline QApplication& testApp() {
  static QApplication* app = [] {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "heatmap_test";
    static char* argv[] = {name, nullptr};
    return new QApplication(argc, argv);  // lives until exit; Qt dislikes static destruction
  }();
  return *app;
}

inline QImage renderFigure(HeatmapView& view, QSize size) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  view.paintFigure(painter, QRectF(QPointF(0, 0), QSizeF(size)));
  return image;
}

inline int channelDistance(QRgb a, QRgb b) {
  return std::max(
      {std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

// Values computed on the fly (no storage), counting what the view asks for.
class ProceduralSource : public HeatmapSource {
 public:
  ProceduralSource(int rows, int cols) : rows_(rows), cols_(cols) {}
  int rows() const override { return rows_; }
  int cols() const override { return cols_; }
  float value(int row, int col) const override {
    if ((row % 997) == 3 && col == 5) return std::nanf("");
    return float((unsigned(row) * 31u + unsigned(col) * 17u) % 1000u) / 999.0f;
  }
  void fillBlock(int row0, int col0, int nrows, int ncols, float* out) const override {
    const long long cells = static_cast<long long>(nrows) * ncols;
    calls_ += 1;
    cells_ += cells;
    long long seen = max_cells_per_call_.load();
    while (cells > seen && !max_cells_per_call_.compare_exchange_weak(seen, cells)) {
    }
    for (int r = 0; r < nrows; ++r)
      for (int c = 0; c < ncols; ++c) *out++ = value(row0 + r, col0 + c);
  }
  QString rowLabel(int row) const override { return QStringLiteral("token %1").arg(row); }

  long long calls() const { return calls_; }
  long long cells() const { return cells_; }
  long long maxCellsPerCall() const { return max_cells_per_call_; }
  void resetCounters() const {
    calls_ = 0;
    cells_ = 0;
    max_cells_per_call_ = 0;
  }

 private:
  int rows_;
  int cols_;
  mutable std::atomic<long long> calls_{0};
  mutable std::atomic<long long> cells_{0};
  mutable std::atomic<long long> max_cells_per_call_{0};
};

}  // namespace routescope::widgets::testing
