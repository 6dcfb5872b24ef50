#include "widgets/heatmap/heatmap_layout.h"

#include <algorithm>

namespace routescope::widgets {

HeatmapLayout computeHeatmapLayout(const QRectF& target, const HeatmapStyle& style,
                                   const HeatmapLayoutOptions& options) {
  constexpr double kColorbarGap = 14;
  constexpr double kTickGap = 6;
  HeatmapLayout layout;
  const double pad = style.padding;
  const double row_band = options.has_row_groups ? style.band_thickness : 0;
  const double column_band = options.has_column_groups ? style.band_thickness : 0;
  const double title_height = options.has_title ? style.title_pixel_size * 1.8 : 0;
  const double label_height =
      options.column_label_height >= 0 ? options.column_label_height : style.column_label_height;

  const double left = target.left() + pad;
  const double plot_left = left + row_band + style.row_label_width;
  const double right_parts = kColorbarGap + style.colorbar_width + kTickGap + style.colorbar_label_width;
  const double plot_right = std::max(plot_left + 1, target.right() - pad - right_parts);
  const double top = target.top() + pad;
  const double plot_top = top + title_height;
  const double plot_bottom = std::max(plot_top + 1, target.bottom() - pad - column_band - label_height);

  layout.title = QRectF(QPointF(left, top), QPointF(target.right() - pad, plot_top));
  layout.plot = QRectF(QPointF(plot_left, plot_top), QPointF(plot_right, plot_bottom));
  layout.row_labels = QRectF(left + row_band, plot_top, style.row_label_width, layout.plot.height());
  layout.row_bands = QRectF(left, plot_top, row_band, layout.plot.height());
  layout.column_labels = QRectF(plot_left, plot_bottom, layout.plot.width(), label_height);
  layout.column_bands = QRectF(plot_left, plot_bottom + label_height, layout.plot.width(), column_band);
  layout.colorbar = QRectF(plot_right + kColorbarGap, plot_top, style.colorbar_width, layout.plot.height());
  layout.colorbar_labels =
      QRectF(layout.colorbar.right() + kTickGap, plot_top, style.colorbar_label_width, layout.plot.height());
  layout.nan_swatch = QRectF(layout.colorbar.left(), plot_bottom + 10, style.colorbar_width, 10);
  return layout;
}

}  // namespace routescope::widgets
