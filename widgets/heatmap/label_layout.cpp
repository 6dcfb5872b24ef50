#include "widgets/heatmap/label_layout.h"

#include <algorithm>
#include <cmath>

namespace routescope::widgets {
namespace {

constexpr double kGap = 4;  // pixels between neighbouring labels

// Indices at multiples of `step` whose cell centre lies on the axis.
std::vector<int> visibleIndices(const AxisSpan& axis, int step) {
  std::vector<int> indices;
  if (axis.pixels_per_cell <= 0 || axis.cell_count <= 0) return indices;
  const double last_cell = axis.first_cell + axis.length / axis.pixels_per_cell;
  int first = int(std::floor(axis.first_cell));
  first = std::max(0, (first + step - 1) / step * step);
  for (int i = first; i < axis.cell_count && i <= last_cell; i += step) {
    const double center = (i + 0.5 - axis.first_cell) * axis.pixels_per_cell;
    if (center >= 0 && center <= axis.length) indices.push_back(i);
  }
  return indices;
}

double centerOf(const AxisSpan& axis, int index) {
  return (index + 0.5 - axis.first_cell) * axis.pixels_per_cell;
}

AxisLabelLayout elidedLayout(const QFontMetricsF& metrics, const AxisSpan& axis, int step, double room,
                             const LabelProvider& label, bool rotated) {
  AxisLabelLayout layout;
  layout.step = step;
  layout.rotated = rotated;
  for (int i : visibleIndices(axis, step))
    layout.labels.push_back({i, centerOf(axis, i), metrics.elidedText(label(i), Qt::ElideRight, room)});
  return layout;
}

}  // namespace

int niceLabelStep(double min_step) {
  if (!(min_step > 1)) return 1;
  for (double decade = 1;; decade *= 10) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (m * decade >= min_step) return int(m * decade);
    }
    if (decade > 1e9) return int(std::min(min_step, 2e9));
  }
}

AxisLabelLayout layoutRowLabels(const QFontMetricsF& metrics, const AxisSpan& axis, double room,
                                const LabelProvider& label) {
  const int step = niceLabelStep(metrics.height() / std::max(axis.pixels_per_cell, 1e-12));
  return elidedLayout(metrics, axis, step, std::max(room, 0.0), label, false);
}

AxisLabelLayout layoutColumnLabels(const QFontMetricsF& metrics, const AxisSpan& axis, double room,
                                   const LabelProvider& label) {
  const double ppc = std::max(axis.pixels_per_cell, 1e-12);
  // Horizontal, every cell labelled, when the widest visible label fits its cell. Only checked
  // when cells are at least a line tall, which bounds the number of labels measured.
  if (ppc >= metrics.height()) {
    AxisLabelLayout layout;
    double widest = 0;
    for (int i : visibleIndices(axis, 1)) {
      AxisLabel entry{i, centerOf(axis, i), label(i)};
      widest = std::max(widest, metrics.horizontalAdvance(entry.text));
      layout.labels.push_back(std::move(entry));
    }
    if (widest + kGap <= ppc) return layout;
    // A cell wider than the margin is tall gives more room to a horizontal, elided label.
    if (ppc - kGap > room) return elidedLayout(metrics, axis, 1, ppc - kGap, label, false);
  }
  const int step = niceLabelStep((metrics.height() + 1) / ppc);
  return elidedLayout(metrics, axis, step, std::max(room, 0.0), label, true);
}

}  // namespace routescope::widgets
