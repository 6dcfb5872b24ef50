#pragma once
// An interactive heatmap for matrices of any size (tokens × experts, 10^6 rows × 64 columns):
// wheel/keyboard zoom, drag to pan, hover tooltips, selection signals, marks and grouping bands.
// Only the visible tiles are ever coloured, at a level of detail that matches the zoom, and the
// same painter draws the widget and its exports (Figure).

#include <QPoint>
#include <QRectF>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "widgets/figure/figure.h"
#include "widgets/heatmap/cell_renderer.h"
#include "widgets/heatmap/heatmap_layout.h"
#include "widgets/heatmap/heatmap_painter.h"
#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/heatmap_types.h"

namespace routescope::widgets {

class HeatmapView : public QWidget, public Figure {
  Q_OBJECT

 public:
  enum class HitArea { None, Cell, RowLabel, ColumnLabel };

  explicit HeatmapView(QWidget* parent = nullptr);
  ~HeatmapView() override;

  // Shows `source` whole (resets zoom and selection).
  void setSource(std::shared_ptr<const HeatmapSource> source);
  const HeatmapSource* source() const { return cells_.source(); }
  // The source's values changed in place: drop cached tiles and the automatic range, repaint.
  void sourceDataChanged();

  void setColormap(ColormapKind kind);
  ColormapKind colormap() const { return cells_.colormap().kind(); }
  void setAggregation(AggregationMode mode);
  AggregationMode aggregation() const { return cells_.aggregation(); }
  void setFixedRange(float min, float max);
  void setAutoRange();
  bool isAutoRange() const { return cells_.isAutoRange(); }
  ValueRange colorRange() { return cells_.range(); }
  void setNanColor(const QColor& color);
  QColor nanColor() const { return cells_.nanColor(); }

  void setTitle(const QString& title);
  QString title() const { return title_; }
  void setFigureName(const QString& name) { figure_name_ = name; }
  void setHeatmapStyle(const HeatmapStyle& style);
  const HeatmapStyle& heatmapStyle() const { return style_; }
  void setRowGroups(std::vector<AxisGroup> groups);
  void setColumnGroups(std::vector<AxisGroup> groups);
  void setMarks(std::vector<CellMark> marks);
  const std::vector<CellMark>& marks() const { return marks_; }  // sorted by (row, col)

  // Tiles are tile_size × tile_size cells; the caches are bounded in bytes (aggregates, images).
  void setTileSize(int cells);
  void setCacheBudget(size_t pyramid_bytes, size_t image_bytes);
  size_t cacheBytes() const { return cells_.cacheBytes(); }
  const FetchStats& fetchStats() const { return cells_.fetchStats(); }
  void resetFetchStats() { cells_.resetFetchStats(); }

  // The visible part of the matrix in cell coordinates (x = column, y = row), kept inside the
  // matrix and at least one cell wide and tall.
  QRectF visibleRegion() const { return region_; }
  void setVisibleRegion(const QRectF& region);
  void resetView();
  // factor > 1 zooms in, keeping the matrix point `anchor` (cell coordinates) where it is.
  void zoomBy(double factor, const QPointF& anchor, Qt::Orientations axes = Qt::Horizontal | Qt::Vertical);
  void zoomBy(double factor);  // around the centre
  void panBy(double columns, double rows);

  std::optional<QPoint> selectedCell() const { return selected_; }  // x = column, y = row

  // Where paintFigure() puts each part inside `target`; currentLayout() is that for the widget.
  HeatmapLayout figureLayout(const QRectF& target) const;
  HeatmapLayout currentLayout() const { return figureLayout(QRectF(rect())); }
  HitArea hitTest(const QPointF& pos, int* row, int* col) const;
  // Row/column label and value under `pos`; when zoomed out, also the shown block aggregate.
  QString toolTipAt(const QPointF& pos);

  // Figure
  QString figureName() const override { return figure_name_; }
  QSize preferredFigureSize() const override { return {1200, 800}; }
  void paintFigure(QPainter& painter, const QRectF& target) override;

  QSize sizeHint() const override { return {900, 600}; }
  QSize minimumSizeHint() const override { return {320, 240}; }

 Q_SIGNALS:
  void cellSelected(int row, int col);
  void rowSelected(int row);
  void columnSelected(int col);
  void visibleRegionChanged(const QRectF& region);

 protected:
  bool event(QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  HeatmapScene scene() const;
  QRectF clampedRegion(QRectF region) const;
  QPointF cellAt(const QPointF& pos, const QRectF& plot) const;
  void click(const QPointF& pos);

  mutable CellRenderer cells_;  // caches fill while painting, which const callers also do
  QRectF region_;
  QString title_;
  QString figure_name_ = QStringLiteral("heatmap");
  HeatmapStyle style_;
  std::vector<AxisGroup> row_groups_;
  std::vector<AxisGroup> column_groups_;
  std::vector<CellMark> marks_;
  std::optional<QPoint> selected_;

  std::optional<QPointF> press_pos_;  // left button down, not yet known to be click or drag
  QPointF last_drag_pos_;
  bool dragging_ = false;
};

}  // namespace routescope::widgets
