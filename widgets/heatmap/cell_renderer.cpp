#include "widgets/heatmap/cell_renderer.h"

#include <QPaintEngine>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace routescope::widgets {
namespace {

// Smallest level whose cells are at least one device pixel: then every level cell covers a pixel
// centre, so in Max mode no block's maximum is skipped by the scaling.
int levelForPixelsPerCell(double pixels_per_cell, int max_level) {
  if (!(pixels_per_cell > 0)) return max_level;
  if (pixels_per_cell >= 1.0) return 0;
  const int level = int(std::ceil(std::log2(1.0 / pixels_per_cell) - 1e-9));
  return std::clamp(level, 0, max_level);
}

// Vector devices keep the frame image as an image and viewers may smooth it when scaling; a frame
// of few cells is enlarged by an integer factor first so cell edges stay sharp there.
QImage sharpenedForVectorDevice(const QImage& frame, const QSizeF& target) {
  const double want = std::min(target.width() / frame.width(), target.height() / frame.height());
  const int factor = std::clamp(int(want), 1, 64);
  if (factor == 1 || frame.width() * factor > 4096 || frame.height() * factor > 4096) return frame;
  return frame.scaled(frame.width() * factor, frame.height() * factor, Qt::IgnoreAspectRatio,
                      Qt::FastTransformation);
}

}  // namespace

CellRenderer::CellRenderer()
    : pyramid_(kDefaultTileSize, kDefaultPyramidBudget),
      images_(kDefaultImageBudget),
      nan_rgb_(qRgb(0x9a, 0x9a, 0x9a)) {}

void CellRenderer::setSource(std::shared_ptr<const HeatmapSource> source) {
  source_ = std::move(source);
  pyramid_.setSource(source_);
  clearImages();
}

void CellRenderer::invalidate() {
  pyramid_.clear();
  clearImages();
}

void CellRenderer::clearImages() {
  images_.clear();
  frame_ = QImage();
}

void CellRenderer::clearCaches() {
  invalidate();
}

void CellRenderer::setColormap(ColormapKind kind) {
  if (kind == colormap_.kind()) return;
  colormap_ = Colormap(kind);
  clearImages();
}

void CellRenderer::setNanColor(const QColor& color) {
  nan_rgb_ = color.rgba() | 0xff000000u;
  clearImages();
}

void CellRenderer::setAggregation(AggregationMode mode) {
  if (mode == mode_) return;
  mode_ = mode;
  clearImages();
}

void CellRenderer::setFixedRange(ValueRange range) {
  fixed_range_ = range;
  clearImages();
}

void CellRenderer::setAutoRange() {
  if (!fixed_range_) return;
  fixed_range_.reset();
  clearImages();
}

ValueRange CellRenderer::range() {
  if (fixed_range_) return *fixed_range_;
  return pyramid_.dataRange().value_or(ValueRange{0.0f, 1.0f});
}

void CellRenderer::setTileSize(int cells) {
  pyramid_.setTileSize(cells);
  clearImages();
}

void CellRenderer::setCacheBudget(size_t pyramid_bytes, size_t image_bytes) {
  pyramid_.setBudget(pyramid_bytes);
  images_.setBudget(image_bytes);
}

size_t CellRenderer::cacheBytes() const {
  return pyramid_.bytes() + images_.bytes() + size_t(frame_.sizeInBytes());
}

LevelOfDetail CellRenderer::levelFor(const QSizeF& device_size, const QRectF& region) const {
  if (region.width() <= 0 || region.height() <= 0) return {};
  return {levelForPixelsPerCell(device_size.width() / region.width(), pyramid_.maxLevelX()),
          levelForPixelsPerCell(device_size.height() / region.height(), pyramid_.maxLevelY())};
}

QImage CellRenderer::tileImage(const TileKey& key) {
  if (const QImage* hit = images_.find(key)) return *hit;
  const ValueRange r = range();
  int rows = 0, cols = 0;
  std::shared_ptr<const AggregateTile> aggregate;
  if (key.level_x == 0 && key.level_y == 0) {
    pyramid_.readRawTile(key, raw_, &rows, &cols);
  } else {
    aggregate = pyramid_.aggregateTile(key);
    rows = aggregate->rows;
    cols = aggregate->cols;
  }
  QImage image(cols, rows, QImage::Format_ARGB32_Premultiplied);
  for (int i = 0; i < rows; ++i) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(i));
    for (int j = 0; j < cols; ++j) {
      const int index = i * cols + j;
      const float v = aggregate ? aggregate->value(index, mode_) : raw_[size_t(index)];
      line[j] = std::isnan(v) ? nan_rgb_ : colormap_.map(v, r.min, r.max);
    }
  }
  images_.insert(key, image, size_t(image.sizeInBytes()));
  return image;
}

void CellRenderer::paint(QPainter& painter, const QRectF& target, const QRectF& region, double detail) {
  const HeatmapSource* src = source();
  if (!src || src->rows() == 0 || src->cols() == 0 || target.isEmpty() || region.isEmpty()) return;
  const LevelOfDetail lod = levelFor(target.size() * std::max(detail, 1e-3), region);
  const double block_x = std::ldexp(1.0, lod.level_x);  // matrix columns per level cell
  const double block_y = std::ldexp(1.0, lod.level_y);
  const int level_cols = pyramid_.levelCols(lod.level_x);
  const int level_rows = pyramid_.levelRows(lod.level_y);

  // Level cells touched by the region, half-open.
  const int c0 = std::clamp(int(std::floor(region.left() / block_x)), 0, level_cols - 1);
  const int c1 = std::clamp(int(std::ceil(region.right() / block_x)), c0 + 1, level_cols);
  const int r0 = std::clamp(int(std::floor(region.top() / block_y)), 0, level_rows - 1);
  const int r1 = std::clamp(int(std::ceil(region.bottom() / block_y)), r0 + 1, level_rows);

  if (frame_.width() != c1 - c0 || frame_.height() != r1 - r0)
    frame_ = QImage(c1 - c0, r1 - r0, QImage::Format_ARGB32_Premultiplied);
  const int t = tileSize();
  for (int tr = r0 / t; tr <= (r1 - 1) / t; ++tr) {
    for (int tc = c0 / t; tc <= (c1 - 1) / t; ++tc) {
      const QImage tile = tileImage({lod.level_x, lod.level_y, tr, tc});
      // Overlap of this tile with the frame, in level cells.
      const int row_from = std::max(r0, tr * t), row_to = std::min(r1, tr * t + tile.height());
      const int col_from = std::max(c0, tc * t), col_to = std::min(c1, tc * t + tile.width());
      const size_t bytes = size_t(col_to - col_from) * sizeof(QRgb);
      for (int row = row_from; row < row_to; ++row) {
        const auto* src_line = reinterpret_cast<const QRgb*>(tile.constScanLine(row - tr * t));
        auto* dst_line = reinterpret_cast<QRgb*>(frame_.scanLine(row - r0));
        std::memcpy(dst_line + (col_from - c0), src_line + (col_from - tc * t), bytes);
      }
    }
  }

  // Where the frame's whole level cells land; the part outside `target` (cells cut by the region's
  // edge, or the short last block of a level) is clipped away.
  const double sx = target.width() / region.width();
  const double sy = target.height() / region.height();
  const QRectF frame_rect(QPointF(target.left() + (c0 * block_x - region.left()) * sx,
                                  target.top() + (r0 * block_y - region.top()) * sy),
                          QPointF(target.left() + (c1 * block_x - region.left()) * sx,
                                  target.top() + (r1 * block_y - region.top()) * sy));
  painter.save();
  painter.setClipRect(target, Qt::IntersectClip);
  // Cells are flat blocks: no smoothing between them, no antialiased edges inside the frame.
  painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
  painter.setRenderHint(QPainter::Antialiasing, false);
  const bool raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
  painter.drawImage(frame_rect, raster ? frame_ : sharpenedForVectorDevice(frame_, frame_rect.size()));
  painter.restore();
}

float CellRenderer::displayedValue(LevelOfDetail lod, int row, int col) {
  const HeatmapSource* src = source();
  if (!src || row < 0 || col < 0 || row >= src->rows() || col >= src->cols()) return std::nanf("");
  if (lod.level_x == 0 && lod.level_y == 0) return src->value(row, col);
  const int t = tileSize();
  const int level_row = row >> lod.level_y;
  const int level_col = col >> lod.level_x;
  const auto tile = pyramid_.aggregateTile({lod.level_x, lod.level_y, level_row / t, level_col / t});
  return tile->value((level_row % t) * tile->cols + level_col % t, mode_);
}

}  // namespace routescope::widgets
