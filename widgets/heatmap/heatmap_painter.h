#pragma once
// Paints a whole heatmap figure (title, cells, marks, labels, grouping bands, colour bar) into any
// QPainter. The view's paintEvent and its figure export both come through here.

#include <QPoint>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

#include "widgets/heatmap/cell_renderer.h"
#include "widgets/heatmap/heatmap_layout.h"
#include "widgets/heatmap/heatmap_types.h"
#include "widgets/heatmap/label_layout.h"

class QPainter;

namespace routescope::widgets {

struct HeatmapScene {
  CellRenderer* cells = nullptr;
  QRectF region;  // visible cells: x = column, y = row
  QString title;
  const std::vector<AxisGroup>* row_groups = nullptr;
  const std::vector<AxisGroup>* column_groups = nullptr;
  const std::vector<CellMark>* marks = nullptr;  // sorted by (row, col)
  std::optional<QPoint> selected_cell;           // x = column, y = row
  HeatmapStyle style;
};

// The layout paintHeatmap() uses: the column label margin shrinks to one line when the column
// labels are horizontal (the plot's width, and so that choice, does not depend on it).
HeatmapLayout heatmapLayoutFor(const HeatmapScene& scene, const QRectF& target);
void paintHeatmap(QPainter& painter, const QRectF& target, const HeatmapScene& scene);

// The label layouts the painter draws for `scene` in `layout` (exposed for tests and hit tests).
AxisLabelLayout rowLabelLayout(const HeatmapScene& scene, const HeatmapLayout& layout);
AxisLabelLayout columnLabelLayout(const HeatmapScene& scene, const HeatmapLayout& layout);

}  // namespace routescope::widgets
