#pragma once
// Draws the matrix cells of a region into a rectangle. It picks the level of detail at which a
// level cell is at least one device pixel, colours each visible tile once (cached), and copies the
// visible part of the cached tiles into one small frame image that is scaled onto the target in a
// single drawImage(). One image per frame means no seams between tiles on any paint device, and a
// pan re-blits cached tiles instead of recolouring them.

#include <QColor>
#include <QImage>
#include <QRectF>
#include <memory>

#include "widgets/heatmap/colormap.h"
#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/lod_pyramid.h"
#include "widgets/heatmap/tile_cache.h"

class QPainter;

namespace routescope::widgets {

struct LevelOfDetail {
  int level_x = 0;  // a level cell spans 2^level_x columns
  int level_y = 0;  // ... and 2^level_y rows
  bool operator==(const LevelOfDetail&) const = default;
};

class CellRenderer {
 public:
  static constexpr int kDefaultTileSize = 256;
  static constexpr size_t kDefaultPyramidBudget = size_t(32) << 20;
  static constexpr size_t kDefaultImageBudget = size_t(16) << 20;

  CellRenderer();

  void setSource(std::shared_ptr<const HeatmapSource> source);
  const HeatmapSource* source() const { return pyramid_.source(); }
  std::shared_ptr<const HeatmapSource> sharedSource() const { return source_; }
  // The data behind the current source changed: drop every cached tile and the automatic range.
  void invalidate();

  void setColormap(ColormapKind kind);
  const Colormap& colormap() const { return colormap_; }
  void setNanColor(const QColor& color);
  QColor nanColor() const { return QColor::fromRgba(nan_rgb_); }
  void setAggregation(AggregationMode mode);
  AggregationMode aggregation() const { return mode_; }
  void setFixedRange(ValueRange range);
  void setAutoRange();
  bool isAutoRange() const { return !fixed_range_.has_value(); }
  // The range colours are mapped over: the fixed one, or the data's finite min/max ({0, 1} when
  // there is no finite value).
  ValueRange range();

  void setTileSize(int cells);
  int tileSize() const { return pyramid_.tileSize(); }
  void setCacheBudget(size_t pyramid_bytes, size_t image_bytes);
  // Everything the renderer holds for the matrix: aggregates, coloured tiles and the frame buffer.
  size_t cacheBytes() const;
  void clearCaches();

  // The level used when `region` (x = column, y = row, in cells) fills `device_size` pixels.
  LevelOfDetail levelFor(const QSizeF& device_size, const QRectF& region) const;
  // Paints the cells of `region` into `target` (painter coordinates). `detail` is device pixels per
  // painter unit along each axis; it sets the level of detail so exports at high DPI get more cells.
  void paint(QPainter& painter, const QRectF& target, const QRectF& region, double detail = 1.0);
  // The value shown for matrix cell (row, col) at a level: the aggregate of its block.
  float displayedValue(LevelOfDetail lod, int row, int col);

  const FetchStats& fetchStats() const { return pyramid_.stats(); }
  void resetFetchStats() { pyramid_.resetStats(); }

 private:
  QImage tileImage(const TileKey& key);
  void clearImages();

  std::shared_ptr<const HeatmapSource> source_;
  LodPyramid pyramid_;
  TileCache<QImage> images_;
  Colormap colormap_;
  QRgb nan_rgb_;
  AggregationMode mode_ = AggregationMode::Mean;
  std::optional<ValueRange> fixed_range_;
  QImage frame_;  // reused between frames of the same size
  std::vector<float> raw_;
};

}  // namespace routescope::widgets
