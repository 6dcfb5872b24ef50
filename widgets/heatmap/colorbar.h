#pragma once
// The colour bar beside the cells: the colour map from min (bottom) to max (top), ticks at round
// values, and a swatch for the NaN colour.

#include <QColor>
#include <QFont>
#include <QRectF>
#include <vector>

#include "widgets/heatmap/colormap.h"
#include "widgets/heatmap/heatmap_source.h"

class QPainter;

namespace routescope::widgets {

// Round values (1, 2, 2.5, 5 × 10^k steps) inside [lo, hi], at most about `max_ticks` of them.
std::vector<double> niceTicks(double lo, double hi, int max_ticks);

struct ColorbarGeometry {
  QRectF bar;     // the gradient
  QRectF labels;  // tick labels, right of the bar
  QRectF nan_swatch;
};

void paintColorbar(QPainter& painter, const ColorbarGeometry& geometry, const Colormap& colormap,
                   ValueRange range, const QColor& nan_color, const QFont& font, const QColor& text);

}  // namespace routescope::widgets
