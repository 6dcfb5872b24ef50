// Level of detail and memory: aggregates match brute force, the caches stay bounded, and a
// 1,000,000 × 64 matrix renders zoomed out through bounded reads without a full-size image.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "tests/widgets/heatmap/heatmap_test_support.h"
#include "widgets/heatmap/cell_renderer.h"
#include "widgets/heatmap/lod_pyramid.h"
#include "widgets/heatmap/tile_cache.h"

namespace routescope::widgets {
namespace {

using testing::ProceduralSource;
using testing::renderFigure;
using testing::testApp;

TEST(HeatmapTileCache, EvictsLeastRecentlyUsedWithinBudget) {
  TileCache<int> cache(300);
  cache.insert({0, 0, 0, 0}, 1, 100);
  cache.insert({0, 0, 0, 1}, 2, 100);
  cache.insert({0, 0, 0, 2}, 3, 100);
  ASSERT_NE(cache.find({0, 0, 0, 0}), nullptr);  // now most recent
  cache.insert({0, 0, 0, 3}, 4, 100);            // evicts (0,0,0,1)
  EXPECT_EQ(cache.find({0, 0, 0, 1}), nullptr);
  EXPECT_EQ(*cache.find({0, 0, 0, 0}), 1);
  EXPECT_EQ(cache.bytes(), 300u);
  cache.insert({1, 0, 0, 0}, 5, 1000);  // oversized: kept alone
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(*cache.find({1, 0, 0, 0}), 5);
}

// Every aggregate of every level equals the brute-force mean / max / min of its block, including
// the short blocks at the matrix edge and blocks that hold NaN.
TEST(HeatmapLodPyramid, AggregatesMatchBruteForce) {
  const int rows = 70, cols = 45;
  auto source = std::make_shared<ProceduralSource>(rows, cols);
  LodPyramid pyramid(8, size_t(1) << 20);
  pyramid.setSource(source);
  for (int ly = 0; ly <= pyramid.maxLevelY(); ++ly) {
    for (int lx = 0; lx <= pyramid.maxLevelX(); ++lx) {
      if (lx == 0 && ly == 0) continue;
      for (int lr = 0; lr < pyramid.levelRows(ly); ++lr) {
        for (int lc = 0; lc < pyramid.levelCols(lx); ++lc) {
          double sum = 0;
          int count = 0;
          float hi = -std::numeric_limits<float>::infinity(), lo = -hi;
          for (int r = lr << ly; r < std::min(rows, (lr + 1) << ly); ++r) {
            for (int c = lc << lx; c < std::min(cols, (lc + 1) << lx); ++c) {
              const float v = source->value(r, c);
              if (std::isnan(v)) continue;
              sum += v;
              ++count;
              hi = std::max(hi, v);
              lo = std::min(lo, v);
            }
          }
          const auto tile = pyramid.aggregateTile({lx, ly, lr / 8, lc / 8});
          const int index = (lr % 8) * tile->cols + lc % 8;
          ASSERT_EQ(int(tile->count[size_t(index)]), count) << lx << "," << ly << " " << lr << "," << lc;
          if (count == 0) {
            EXPECT_TRUE(std::isnan(tile->value(index, AggregationMode::Mean)));
            continue;
          }
          EXPECT_NEAR(tile->value(index, AggregationMode::Mean), sum / count, 1e-4);
          EXPECT_EQ(tile->value(index, AggregationMode::Max), hi);
          EXPECT_EQ(tile->value(index, AggregationMode::Min), lo);
        }
      }
    }
  }
  EXPECT_LE(source->maxCellsPerCall(), 64);
}

// Max mode keeps a single hot cell visible however far out the view is zoomed.
TEST(HeatmapLodPyramid, MaxModeKeepsAnOutlierVisible) {
  testApp();
  const int rows = 4096, cols = 512;
  std::vector<float> values(size_t(rows) * cols, 0.0f);
  values[size_t(3001) * cols + 301] = 1.0f;
  HeatmapView view;
  view.setSource(std::make_shared<DenseHeatmapSource>(rows, cols, values));
  view.setAggregation(AggregationMode::Max);
  const QImage image = renderFigure(view, {600, 400});
  const QRectF plot = view.figureLayout(QRectF(0, 0, 600, 400)).plot;
  const QRgb hot = Colormap(ColormapKind::Viridis).entry(255);
  int hot_pixels = 0;
  for (int y = int(plot.top()); y < int(plot.bottom()); ++y)
    for (int x = int(plot.left()); x < int(plot.right()); ++x)
      if (image.pixel(x, y) == hot) ++hot_pixels;
  EXPECT_GE(hot_pixels, 1);
  view.setAggregation(AggregationMode::Mean);
  const QImage mean = renderFigure(view, {600, 400});
  for (int y = int(plot.top()) + 1; y < int(plot.bottom()) - 1; ++y)
    for (int x = int(plot.left()) + 1; x < int(plot.right()) - 1; ++x)
      ASSERT_NE(mean.pixel(x, y), hot) << "a mean of 64+ cells with one 1.0 is not the max colour";
}

TEST(HeatmapMemory, MillionRowsRenderWithBoundedCacheAndReads) {
  testApp();
  const int rows = 1000000, cols = 64;
  auto source = std::make_shared<ProceduralSource>(rows, cols);
  HeatmapView view;
  view.setSource(source);  // automatic range: derived once from the pyramid
  const QSize size(1200, 800);
  const QImage first = renderFigure(view, size);
  const long long all_cells = static_cast<long long>(rows) * cols;
  EXPECT_LE(source->maxCellsPerCall(), 256 * 256) << "reads are at most one tile";
  EXPECT_LE(source->cells(), all_cells) << "each cell read at most once to build the zoomed-out frame";
  EXPECT_LT(view.cacheBytes(), size_t(64) << 20);
  EXPECT_GT(view.colorRange().max, 0.9f);
  EXPECT_LT(view.colorRange().min, 0.1f);

  // The same frame again comes from the caches.
  source->resetCounters();
  renderFigure(view, size);
  EXPECT_EQ(source->cells(), 0);

  // Zoomed in on rows, a frame reads no more than the tiles its region touches.
  view.zoomBy(50, QPointF(32, 500000), Qt::Vertical);
  source->resetCounters();
  renderFigure(view, size);
  const QRectF region = view.visibleRegion();
  const double tile_rows = std::ceil(region.height() / 256.0 + 1) * 256.0;
  EXPECT_LE(double(source->cells()), 2.0 * tile_rows * cols);
  EXPECT_LE(source->maxCellsPerCall(), 256 * 256);
  EXPECT_LT(view.cacheBytes(), size_t(64) << 20);

  // Panning across the whole matrix at that zoom keeps memory bounded.
  for (int step = 0; step < 40; ++step) {
    view.panBy(0, region.height() * 1.3);
    renderFigure(view, size);
    ASSERT_LT(view.cacheBytes(), size_t(64) << 20) << "step " << step;
  }
}

TEST(HeatmapLevelOfDetail, LevelCellsAreAtLeastOnePixel) {
  CellRenderer renderer;
  renderer.setSource(std::make_shared<ProceduralSource>(20000, 1536));
  EXPECT_EQ(renderer.levelFor({1000, 800}, QRectF(0, 0, 100, 100)), (LevelOfDetail{0, 0}));
  EXPECT_EQ(renderer.levelFor({1000, 800}, QRectF(0, 0, 1000, 800)), (LevelOfDetail{0, 0}));
  EXPECT_EQ(renderer.levelFor({1000, 800}, QRectF(0, 0, 1536, 800)), (LevelOfDetail{1, 0}));
  EXPECT_EQ(renderer.levelFor({1000, 800}, QRectF(0, 0, 1536, 20000)), (LevelOfDetail{1, 5}));
}

}  // namespace
}  // namespace routescope::widgets
