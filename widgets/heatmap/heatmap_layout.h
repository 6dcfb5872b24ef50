#pragma once
// Where each part of a heatmap figure goes inside a target rectangle. The painter draws with it
// and the view hit-tests clicks with the same rectangles, so they cannot disagree.

#include <QRectF>

#include "widgets/heatmap/heatmap_types.h"

namespace routescope::widgets {

struct HeatmapLayout {
  QRectF title;
  QRectF plot;           // the cells
  QRectF row_labels;     // left of the plot, same height
  QRectF row_bands;      // left of the row labels (empty without row groups)
  QRectF column_labels;  // below the plot, same width
  QRectF column_bands;   // below the column labels (empty without column groups)
  QRectF colorbar;
  QRectF colorbar_labels;
  QRectF nan_swatch;
};

struct HeatmapLayoutOptions {
  bool has_title = false;
  bool has_row_groups = false;
  bool has_column_groups = false;
  double column_label_height = -1;  // < 0: the style's; smaller when labels are horizontal
};

HeatmapLayout computeHeatmapLayout(const QRectF& target, const HeatmapStyle& style,
                                   const HeatmapLayoutOptions& options);

}  // namespace routescope::widgets
