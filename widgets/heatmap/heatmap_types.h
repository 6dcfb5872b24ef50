#pragma once
// Plain value types a HeatmapView is configured with.

#include <QColor>
#include <QString>

namespace routescope::widgets {

enum class MarkShape { Cross, Circle, Dot, Square, Triangle };

// A symbol drawn over one cell, e.g. a cross on a token that its expert dropped.
struct CellMark {
  int row = 0;
  int col = 0;
  MarkShape shape = MarkShape::Cross;
  QColor color = QColor(0xe0, 0x10, 0x10);
};

// A run of rows or columns that belong together (a layer, a head), drawn as a labelled band
// beside the axis. `first` and `last` are inclusive.
struct AxisGroup {
  int first = 0;
  int last = 0;
  QString label;
};

// Sizes are in logical pixels (1/96 in); fonts are given in pixels so that an export painter scaled
// for DPI scales text with everything else.
struct HeatmapStyle {
  int font_pixel_size = 11;
  int title_pixel_size = 15;
  double padding = 8;
  double row_label_width = 96;      // room for row labels left of the cells
  double column_label_height = 72;  // room for (possibly rotated) column labels below the cells
  double band_thickness = 18;       // grouping bands beside the labels
  double colorbar_width = 14;
  double colorbar_label_width = 58;
  QColor background = Qt::white;
  QColor text = QColor(0x22, 0x22, 0x22);
  QColor band_fill_a = QColor(0xe4, 0xe8, 0xee);
  QColor band_fill_b = QColor(0xcc, 0xd3, 0xdd);
  QColor selection = QColor(0xff, 0x8c, 0x00);
};

}  // namespace routescope::widgets
