#include "widgets/heatmap/heatmap_painter.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "widgets/heatmap/colorbar.h"

namespace routescope::widgets {
namespace {

constexpr double kLabelGap = 4;  // between a label and the cells
constexpr int kMaxMarksPerFrame = 50000;

QFont labelFont(const HeatmapStyle& style) {
  QFont font;
  font.setPixelSize(style.font_pixel_size);
  return font;
}

// Cell coordinate -> painter coordinate, per axis.
struct AxisMap {
  double origin;  // painter coordinate of cell coordinate `first`
  double first;
  double scale;  // pixels per cell
  double at(double cell) const { return origin + (cell - first) * scale; }
};

AxisMap columnMap(const HeatmapScene& scene, const QRectF& plot) {
  return {plot.left(), scene.region.left(), plot.width() / scene.region.width()};
}
AxisMap rowMap(const HeatmapScene& scene, const QRectF& plot) {
  return {plot.top(), scene.region.top(), plot.height() / scene.region.height()};
}

// Device pixels per painter unit, so a 2x PNG export picks a finer level of detail. Vector
// devices get 1: their images are resampled by the viewer anyway.
double detailScale(const QPainter& painter) {
  const QPaintEngine* engine = painter.paintEngine();
  if (!engine || engine->type() != QPaintEngine::Raster) return 1.0;
  const QTransform t = painter.deviceTransform();
  const double sx = std::hypot(t.m11(), t.m12());
  const double sy = std::hypot(t.m21(), t.m22());
  return std::clamp(std::max(sx, sy), 0.25, 4.0);
}

void paintMark(QPainter& painter, const CellMark& mark, const QPointF& center, double size) {
  const double h = size / 2;
  const QPen pen(mark.color, std::max(1.3, size / 7), Qt::SolidLine, Qt::RoundCap);
  painter.setPen(pen);
  painter.setBrush(Qt::NoBrush);
  switch (mark.shape) {
    case MarkShape::Cross:
      painter.drawLine(center + QPointF(-h, -h), center + QPointF(h, h));
      painter.drawLine(center + QPointF(-h, h), center + QPointF(h, -h));
      break;
    case MarkShape::Circle:
      painter.drawEllipse(center, h, h);
      break;
    case MarkShape::Dot:
      painter.setPen(Qt::NoPen);
      painter.setBrush(mark.color);
      painter.drawEllipse(center, h * 0.6, h * 0.6);
      break;
    case MarkShape::Square:
      painter.drawRect(QRectF(center - QPointF(h, h), QSizeF(size, size)));
      break;
    case MarkShape::Triangle: {
      QPainterPath path;
      path.moveTo(center + QPointF(0, -h));
      path.lineTo(center + QPointF(h, h * 0.8));
      path.lineTo(center + QPointF(-h, h * 0.8));
      path.closeSubpath();
      painter.drawPath(path);
      break;
    }
  }
}

void paintMarks(QPainter& painter, const HeatmapScene& scene, const QRectF& plot) {
  if (!scene.marks || scene.marks->empty()) return;
  const AxisMap cols = columnMap(scene, plot);
  const AxisMap rows = rowMap(scene, plot);
  // Marks stay visible when cells shrink below a pixel: a dropped token must not vanish.
  const double size = std::clamp(std::min(cols.scale, rows.scale) * 0.7, 6.0, 28.0);
  const int first_row = int(std::floor(scene.region.top()));
  const int last_row = int(std::ceil(scene.region.bottom()));
  auto it = std::lower_bound(scene.marks->begin(), scene.marks->end(), first_row,
                             [](const CellMark& m, int row) { return m.row < row; });
  painter.save();
  painter.setClipRect(plot, Qt::IntersectClip);
  painter.setRenderHint(QPainter::Antialiasing, true);
  // Zoomed out, thousands of marks land within a mark's size of each other and would be stroked on
  // top of one another (a demo trace's 25k dropped choices took ~200 ms per frame). Only the first
  // mark of each shape and colour per size × size pixel bin is drawn: the picture is the same band
  // of marks, and every bin that holds a mark still shows one.
  const bool crowded = std::min(cols.scale, rows.scale) < size;
  std::unordered_set<uint64_t> bins;
  int drawn = 0;
  for (; it != scene.marks->end() && it->row < last_row && drawn < kMaxMarksPerFrame; ++it) {
    if (it->col + 1 <= scene.region.left() || it->col >= scene.region.right()) continue;
    const QPointF center(cols.at(it->col + 0.5), rows.at(it->row + 0.5));
    if (crowded) {
      const auto bx = uint64_t(int64_t(std::floor((center.x() - plot.left()) / size)) & 0xffff);
      const auto by = uint64_t(int64_t(std::floor((center.y() - plot.top()) / size)) & 0xffff);
      const uint64_t key =
          (bx << 48) | (by << 32) | (uint64_t(it->shape) << 28) | (it->color.rgba() & 0x0fffffffu);
      if (!bins.insert(key).second) continue;
    }
    paintMark(painter, *it, center, size);
    ++drawn;
  }
  painter.restore();
}

void paintSelection(QPainter& painter, const HeatmapScene& scene, const QRectF& plot) {
  if (!scene.selected_cell) return;
  const AxisMap cols = columnMap(scene, plot);
  const AxisMap rows = rowMap(scene, plot);
  QRectF cell(QPointF(cols.at(scene.selected_cell->x()), rows.at(scene.selected_cell->y())),
              QPointF(cols.at(scene.selected_cell->x() + 1), rows.at(scene.selected_cell->y() + 1)));
  if (cell.width() < 5) cell.adjust(-(5 - cell.width()) / 2, 0, (5 - cell.width()) / 2, 0);
  if (cell.height() < 5) cell.adjust(0, -(5 - cell.height()) / 2, 0, (5 - cell.height()) / 2);
  painter.save();
  painter.setClipRect(plot.adjusted(-2, -2, 2, 2), Qt::IntersectClip);
  painter.setPen(QPen(scene.style.selection, 2));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(cell);
  painter.restore();
}

void paintRowLabels(QPainter& painter, const HeatmapScene& scene, const HeatmapLayout& layout) {
  const AxisLabelLayout labels = rowLabelLayout(scene, layout);
  const QFontMetricsF metrics(painter.font());
  for (const AxisLabel& label : labels.labels) {
    const QRectF box(layout.row_labels.left(), layout.plot.top() + label.center - metrics.height() / 2,
                     layout.row_labels.width() - kLabelGap, metrics.height());
    painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, label.text);
  }
}

void paintColumnLabels(QPainter& painter, const HeatmapScene& scene, const HeatmapLayout& layout) {
  const AxisLabelLayout labels = columnLabelLayout(scene, layout);
  const QFontMetricsF metrics(painter.font());
  const double line = metrics.height();
  for (const AxisLabel& label : labels.labels) {
    const double x = layout.plot.left() + label.center;
    if (labels.rotated) {
      // Reads upwards and ends at the cells, so every label starts the same distance from its cell.
      painter.save();
      painter.translate(x, layout.column_labels.top() + kLabelGap);
      painter.rotate(-90);
      painter.drawText(QRectF(-layout.column_labels.height(), -line / 2, layout.column_labels.height(), line),
                       Qt::AlignRight | Qt::AlignVCenter, label.text);
      painter.restore();
    } else {
      const double width = std::max(metrics.horizontalAdvance(label.text) + 2, 1.0);
      painter.drawText(QRectF(x - width / 2, layout.column_labels.top() + kLabelGap, width, line),
                       Qt::AlignHCenter | Qt::AlignTop, label.text);
    }
  }
}

// Groups as alternating shaded bands along one axis; labels elided to the band, or left out when
// the band is too short for even an ellipsis.
void paintBands(QPainter& painter, const std::vector<AxisGroup>& groups, const AxisMap& map,
                double visible_first, double visible_last, const QRectF& band, bool vertical,
                const HeatmapStyle& style) {
  const QFontMetricsF metrics(painter.font());
  for (size_t g = 0; g < groups.size(); ++g) {
    const AxisGroup& group = groups[g];
    if (group.last + 1 <= visible_first || group.first >= visible_last) continue;
    const double from = map.at(std::max<double>(group.first, visible_first));
    const double to = map.at(std::min<double>(group.last + 1, visible_last));
    const QRectF rect = vertical ? QRectF(band.left(), from, band.width(), to - from)
                                 : QRectF(from, band.top(), to - from, band.height());
    painter.fillRect(rect, g % 2 ? style.band_fill_b : style.band_fill_a);
    const double length = (vertical ? rect.height() : rect.width()) - 4;
    if (length < metrics.horizontalAdvance(QStringLiteral("…")) + 2) continue;
    const QString text = metrics.elidedText(group.label, Qt::ElideRight, length);
    if (vertical) {
      painter.save();
      painter.translate(rect.center());
      painter.rotate(-90);
      painter.drawText(QRectF(-length / 2, -rect.width() / 2, length, rect.width()), Qt::AlignCenter, text);
      painter.restore();
    } else {
      painter.drawText(rect, Qt::AlignCenter, text);
    }
  }
}

}  // namespace

HeatmapLayout heatmapLayoutFor(const HeatmapScene& scene, const QRectF& target) {
  HeatmapLayoutOptions options{!scene.title.isEmpty(), scene.row_groups && !scene.row_groups->empty(),
                               scene.column_groups && !scene.column_groups->empty()};
  const HeatmapLayout full = computeHeatmapLayout(target, scene.style, options);
  const AxisLabelLayout columns = columnLabelLayout(scene, full);
  if (columns.rotated || columns.labels.empty()) return full;
  options.column_label_height = QFontMetricsF(labelFont(scene.style)).height() + 2 * kLabelGap;
  return computeHeatmapLayout(target, scene.style, options);
}

AxisLabelLayout rowLabelLayout(const HeatmapScene& scene, const HeatmapLayout& layout) {
  const HeatmapSource* source = scene.cells ? scene.cells->source() : nullptr;
  if (!source || scene.region.isEmpty()) return {};
  const AxisSpan axis{scene.region.top(), layout.plot.height() / scene.region.height(), layout.plot.height(),
                      source->rows()};
  return layoutRowLabels(QFontMetricsF(labelFont(scene.style)), axis, layout.row_labels.width() - kLabelGap,
                         [source](int i) { return source->rowLabel(i); });
}

AxisLabelLayout columnLabelLayout(const HeatmapScene& scene, const HeatmapLayout& layout) {
  const HeatmapSource* source = scene.cells ? scene.cells->source() : nullptr;
  if (!source || scene.region.isEmpty()) return {};
  const AxisSpan axis{scene.region.left(), layout.plot.width() / scene.region.width(), layout.plot.width(),
                      source->cols()};
  return layoutColumnLabels(QFontMetricsF(labelFont(scene.style)), axis,
                            layout.column_labels.height() - 2 * kLabelGap,
                            [source](int i) { return source->colLabel(i); });
}

void paintHeatmap(QPainter& painter, const QRectF& target, const HeatmapScene& scene) {
  const HeatmapStyle& style = scene.style;
  const HeatmapLayout layout = heatmapLayoutFor(scene, target);
  painter.save();
  painter.fillRect(target, style.background);
  painter.setPen(style.text);

  if (!scene.title.isEmpty()) {
    QFont title_font;
    title_font.setPixelSize(style.title_pixel_size);
    title_font.setBold(true);
    painter.setFont(title_font);
    painter.drawText(layout.title, Qt::AlignHCenter | Qt::AlignTop,
                     QFontMetricsF(title_font).elidedText(scene.title, Qt::ElideRight, layout.title.width()));
  }

  const HeatmapSource* source = scene.cells ? scene.cells->source() : nullptr;
  const QFont font = labelFont(style);
  painter.setFont(font);
  if (source && source->rows() > 0 && source->cols() > 0 && !scene.region.isEmpty()) {
    scene.cells->paint(painter, layout.plot, scene.region, detailScale(painter));
    paintMarks(painter, scene, layout.plot);
    paintSelection(painter, scene, layout.plot);
    painter.setPen(style.text);
    paintRowLabels(painter, scene, layout);
    paintColumnLabels(painter, scene, layout);
    if (scene.row_groups)
      paintBands(painter, *scene.row_groups, rowMap(scene, layout.plot), scene.region.top(),
                 scene.region.bottom(), layout.row_bands, true, style);
    if (scene.column_groups)
      paintBands(painter, *scene.column_groups, columnMap(scene, layout.plot), scene.region.left(),
                 scene.region.right(), layout.column_bands, false, style);
    ColorbarGeometry bar{layout.colorbar, layout.colorbar_labels, layout.nan_swatch};
    paintColorbar(painter, bar, scene.cells->colormap(), scene.cells->range(), scene.cells->nanColor(), font,
                  style.text);
  } else {
    painter.drawText(layout.plot, Qt::AlignCenter, QStringLiteral("No data"));
  }
  painter.setPen(QPen(style.text, 0.8));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(layout.plot);
  painter.restore();
}

}  // namespace routescope::widgets
