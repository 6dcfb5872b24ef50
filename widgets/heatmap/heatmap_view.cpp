#include "widgets/heatmap/heatmap_view.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace routescope::widgets {
namespace {

constexpr double kKeyZoom = 1.25;
constexpr double kWheelZoomPerNotch = 1.2;
constexpr double kKeyPanFraction = 0.1;
constexpr double kDragThreshold = 4;  // pixels before a press becomes a pan

QString describe(const QString& label, int index) {
  return label == QString::number(index) ? label : QStringLiteral("%1 (%2)").arg(label).arg(index);
}

}  // namespace

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);  // tooltips follow the pointer
  setAttribute(Qt::WA_OpaquePaintEvent);
}

HeatmapView::~HeatmapView() = default;

void HeatmapView::setSource(std::shared_ptr<const HeatmapSource> source) {
  cells_.setSource(std::move(source));
  selected_.reset();
  resetView();
}

void HeatmapView::sourceDataChanged() {
  cells_.invalidate();
  region_ = clampedRegion(region_);
  update();
}

void HeatmapView::setColormap(ColormapKind kind) {
  cells_.setColormap(kind);
  update();
}

void HeatmapView::setAggregation(AggregationMode mode) {
  cells_.setAggregation(mode);
  update();
}

void HeatmapView::setFixedRange(float min, float max) {
  cells_.setFixedRange({min, max});
  update();
}

void HeatmapView::setAutoRange() {
  cells_.setAutoRange();
  update();
}

void HeatmapView::setNanColor(const QColor& color) {
  cells_.setNanColor(color);
  update();
}

void HeatmapView::setTitle(const QString& title) {
  title_ = title;
  update();
}

void HeatmapView::setHeatmapStyle(const HeatmapStyle& style) {
  style_ = style;
  update();
}

void HeatmapView::setRowGroups(std::vector<AxisGroup> groups) {
  row_groups_ = std::move(groups);
  update();
}

void HeatmapView::setColumnGroups(std::vector<AxisGroup> groups) {
  column_groups_ = std::move(groups);
  update();
}

void HeatmapView::setMarks(std::vector<CellMark> marks) {
  // Sorted so that a frame finds its visible rows by binary search instead of scanning all marks.
  std::sort(marks.begin(), marks.end(), [](const CellMark& a, const CellMark& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  marks_ = std::move(marks);
  update();
}

void HeatmapView::setTileSize(int cells) {
  cells_.setTileSize(cells);
  update();
}

void HeatmapView::setCacheBudget(size_t pyramid_bytes, size_t image_bytes) {
  cells_.setCacheBudget(pyramid_bytes, image_bytes);
}

QRectF HeatmapView::clampedRegion(QRectF region) const {
  const HeatmapSource* src = source();
  if (!src || src->rows() == 0 || src->cols() == 0) return {};
  const double cols = src->cols(), rows = src->rows();
  const double width = std::clamp(region.width(), std::min(1.0, cols), cols);
  const double height = std::clamp(region.height(), std::min(1.0, rows), rows);
  const double left = std::clamp(region.left(), 0.0, cols - width);
  const double top = std::clamp(region.top(), 0.0, rows - height);
  return {left, top, width, height};
}

void HeatmapView::setVisibleRegion(const QRectF& region) {
  const QRectF clamped = clampedRegion(region);
  if (clamped == region_) return;
  region_ = clamped;
  update();
  Q_EMIT visibleRegionChanged(region_);
}

void HeatmapView::resetView() {
  const HeatmapSource* src = source();
  setVisibleRegion(src ? QRectF(0, 0, src->cols(), src->rows()) : QRectF());
  update();
}

void HeatmapView::zoomBy(double factor, const QPointF& anchor, Qt::Orientations axes) {
  if (!(factor > 0) || region_.isEmpty()) return;
  QRectF next = region_;
  if (axes & Qt::Horizontal) {
    next.setLeft(anchor.x() - (anchor.x() - region_.left()) / factor);
    next.setWidth(region_.width() / factor);
  }
  if (axes & Qt::Vertical) {
    next.setTop(anchor.y() - (anchor.y() - region_.top()) / factor);
    next.setHeight(region_.height() / factor);
  }
  setVisibleRegion(next);
}

void HeatmapView::zoomBy(double factor) {
  zoomBy(factor, region_.center());
}

void HeatmapView::panBy(double columns, double rows) {
  setVisibleRegion(region_.translated(columns, rows));
}

HeatmapScene HeatmapView::scene() const {
  HeatmapScene scene;
  scene.cells = &cells_;
  scene.region = region_;
  scene.title = title_;
  scene.row_groups = &row_groups_;
  scene.column_groups = &column_groups_;
  scene.marks = &marks_;
  scene.selected_cell = selected_;
  scene.style = style_;
  return scene;
}

HeatmapLayout HeatmapView::figureLayout(const QRectF& target) const {
  return heatmapLayoutFor(scene(), target);
}

QPointF HeatmapView::cellAt(const QPointF& pos, const QRectF& plot) const {
  return {region_.left() + (pos.x() - plot.left()) / plot.width() * region_.width(),
          region_.top() + (pos.y() - plot.top()) / plot.height() * region_.height()};
}

HeatmapView::HitArea HeatmapView::hitTest(const QPointF& pos, int* row, int* col) const {
  const HeatmapSource* src = source();
  if (!src || region_.isEmpty()) return HitArea::None;
  const HeatmapLayout layout = currentLayout();
  const QPointF cell = cellAt(pos, layout.plot);
  const int r = std::clamp(int(std::floor(cell.y())), 0, src->rows() - 1);
  const int c = std::clamp(int(std::floor(cell.x())), 0, src->cols() - 1);
  const bool in_rows = pos.y() >= layout.plot.top() && pos.y() < layout.plot.bottom();
  const bool in_cols = pos.x() >= layout.plot.left() && pos.x() < layout.plot.right();
  HitArea area = HitArea::None;
  if (in_rows && in_cols)
    area = HitArea::Cell;
  else if (in_rows && pos.x() >= layout.row_bands.left() && pos.x() < layout.plot.left())
    area = HitArea::RowLabel;
  else if (in_cols && pos.y() >= layout.plot.bottom() && pos.y() < layout.column_labels.bottom())
    area = HitArea::ColumnLabel;
  if (row) *row = r;
  if (col) *col = c;
  return area;
}

QString HeatmapView::toolTipAt(const QPointF& pos) {
  int row = 0, col = 0;
  if (hitTest(pos, &row, &col) != HitArea::Cell) return {};
  const HeatmapSource* src = source();
  QString text = QStringLiteral("row: %1\ncolumn: %2\nvalue: %3")
                     .arg(describe(src->rowLabel(row), row), describe(src->colLabel(col), col))
                     .arg(double(src->value(row, col)), 0, 'g', 6);
  const QSizeF device = currentLayout().plot.size() * devicePixelRatioF();
  const LevelOfDetail lod = cells_.levelFor(device, region_);
  if (lod.level_x > 0 || lod.level_y > 0) {
    static const char* const kModeNames[] = {"mean", "max", "min"};
    const int block_rows = 1 << lod.level_y, block_cols = 1 << lod.level_x;
    const int r0 = row / block_rows * block_rows, c0 = col / block_cols * block_cols;
    text += QStringLiteral("\nshown: %1 of rows %2–%3, columns %4–%5 = %6")
                .arg(QLatin1String(kModeNames[int(cells_.aggregation())]))
                .arg(r0)
                .arg(std::min(r0 + block_rows, src->rows()) - 1)
                .arg(c0)
                .arg(std::min(c0 + block_cols, src->cols()) - 1)
                .arg(double(cells_.displayedValue(lod, row, col)), 0, 'g', 6);
  }
  return text;
}

void HeatmapView::paintFigure(QPainter& painter, const QRectF& target) {
  paintHeatmap(painter, target, scene());
}

bool HeatmapView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(event);
}

void HeatmapView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::TextAntialiasing);
  paintHeatmap(painter, QRectF(rect()), scene());
}

void HeatmapView::wheelEvent(QWheelEvent* event) {
  const QPoint delta = event->angleDelta();
  const int notches = delta.y() != 0 ? delta.y() : delta.x();  // Shift turns the wheel sideways on some
  if (notches == 0 || region_.isEmpty()) return;
  // Ctrl zooms rows only, Shift columns only: a 10^6 × 64 matrix needs rows zoomed on their own.
  Qt::Orientations axes = Qt::Horizontal | Qt::Vertical;
  if (event->modifiers() & Qt::ControlModifier)
    axes = Qt::Vertical;
  else if (event->modifiers() & Qt::ShiftModifier)
    axes = Qt::Horizontal;
  const HeatmapLayout layout = currentLayout();
  const QPointF anchor =
      layout.plot.contains(event->position()) ? cellAt(event->position(), layout.plot) : region_.center();
  zoomBy(std::pow(kWheelZoomPerNotch, notches / 120.0), anchor, axes);
  event->accept();
}

void HeatmapView::keyPressEvent(QKeyEvent* event) {
  const double dx = region_.width() * kKeyPanFraction;
  const double dy = region_.height() * kKeyPanFraction;
  switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
      zoomBy(kKeyZoom);
      break;
    case Qt::Key_Minus:
      zoomBy(1 / kKeyZoom);
      break;
    case Qt::Key_Left:
      panBy(-dx, 0);
      break;
    case Qt::Key_Right:
      panBy(dx, 0);
      break;
    case Qt::Key_Up:
      panBy(0, -dy);
      break;
    case Qt::Key_Down:
      panBy(0, dy);
      break;
    case Qt::Key_PageUp:
      panBy(0, -region_.height());
      break;
    case Qt::Key_PageDown:
      panBy(0, region_.height());
      break;
    case Qt::Key_Home:
      resetView();
      break;
    default:
      QWidget::keyPressEvent(event);
      return;
  }
  event->accept();
}

void HeatmapView::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
  press_pos_ = event->position();
  last_drag_pos_ = event->position();
  dragging_ = false;
  event->accept();
}

void HeatmapView::mouseMoveEvent(QMouseEvent* event) {
  if (!press_pos_ || !(event->buttons() & Qt::LeftButton)) return QWidget::mouseMoveEvent(event);
  if (!dragging_ && (event->position() - *press_pos_).manhattanLength() < kDragThreshold) return;
  if (!dragging_) setCursor(Qt::ClosedHandCursor);
  dragging_ = true;
  const QRectF plot = currentLayout().plot;
  const QPointF moved = event->position() - last_drag_pos_;
  last_drag_pos_ = event->position();
  // The matrix follows the pointer.
  panBy(-moved.x() / plot.width() * region_.width(), -moved.y() / plot.height() * region_.height());
  event->accept();
}

void HeatmapView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !press_pos_) return QWidget::mouseReleaseEvent(event);
  if (dragging_)
    unsetCursor();
  else
    click(event->position());
  press_pos_.reset();
  dragging_ = false;
  event->accept();
}

void HeatmapView::click(const QPointF& pos) {
  int row = 0, col = 0;
  switch (hitTest(pos, &row, &col)) {
    case HitArea::Cell:
      selected_ = QPoint(col, row);
      update();
      Q_EMIT cellSelected(row, col);
      break;
    case HitArea::RowLabel:
      Q_EMIT rowSelected(row);
      break;
    case HitArea::ColumnLabel:
      Q_EMIT columnSelected(col);
      break;
    case HitArea::None:
      break;
  }
}

}  // namespace routescope::widgets
