#pragma once
// Which axis labels to draw and how: every k-th label when they would overlap (k from 1, 2, 5,
// 10, ... so the labels shown stay put while panning), column labels rotated when they don't fit
// their cell horizontally, and text elided with "…" to the room it has. Only the labels on screen
// are asked for, so a million-row axis costs as much as a ten-row one.

#include <QFontMetricsF>
#include <QString>
#include <functional>
#include <vector>

namespace routescope::widgets {

struct AxisLabel {
  int index = 0;
  double center = 0;  // along the axis, pixels from the axis start
  QString text;       // possibly elided
};

struct AxisLabelLayout {
  std::vector<AxisLabel> labels;
  int step = 1;          // every step-th index is labelled
  bool rotated = false;  // column labels only: drawn reading upwards
};

struct AxisSpan {
  double first_cell = 0;       // cell coordinate at the axis start (fractional when panned)
  double pixels_per_cell = 1;  // on screen
  double length = 0;           // axis length in pixels
  int cell_count = 0;          // cells in the matrix along this axis
};

using LabelProvider = std::function<QString(int)>;

// 1, 2, 5, 10, 20, 50, ... : the smallest such step >= min_step.
int niceLabelStep(double min_step);

// Row labels: horizontal, `room` pixels wide (the margin minus padding).
AxisLabelLayout layoutRowLabels(const QFontMetricsF& metrics, const AxisSpan& axis, double room,
                                const LabelProvider& label);
// Column labels: horizontal when each fits its cell (or when the cell is wider than the margin is
// tall), otherwise rotated and elided to `room` (the margin height minus padding).
AxisLabelLayout layoutColumnLabels(const QFontMetricsF& metrics, const AxisSpan& axis, double room,
                                   const LabelProvider& label);

}  // namespace routescope::widgets
