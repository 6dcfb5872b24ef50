#pragma once
// Level-of-detail pyramid: block aggregates (sum, min, max, count of finite cells) of the matrix at
// power-of-two block sizes, built lazily one tile at a time and kept in a byte-bounded LRU cache.
// A coarse tile is merged from the two tiles of the next finer level (halving rows or columns), so
// each source cell is read once per pass and a zoomed-out frame never re-reads the whole matrix
// while its tiles stay cached. Reads from the source are at most one tile (tileSize²) per call.
// Only the requested level and a few levels below it are cached: those serve the next zoom steps,
// while the deep intermediates of a far zoom-out would only push the useful tiles out.

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/tile_cache.h"

namespace routescope::widgets {

// What a level cell that covers many matrix cells shows.
enum class AggregationMode { Mean, Max, Min };

// Aggregates of the level cells of one tile, row-major (rows × cols, smaller at the matrix edge).
struct AggregateTile {
  int rows = 0;
  int cols = 0;
  std::vector<float> sum;
  std::vector<float> min;
  std::vector<float> max;
  std::vector<std::uint32_t> count;  // finite cells; 0 means every cell of the block is NaN

  AggregateTile(int nrows, int ncols);
  // NaN when the block has no finite value.
  float value(int index, AggregationMode mode) const;
  size_t bytes() const;
};

// Counters over the reads sent to the source, for tests and benchmarks.
struct FetchStats {
  std::int64_t calls = 0;
  std::int64_t cells = 0;
  std::int64_t max_cells_per_call = 0;
};

class LodPyramid {
 public:
  LodPyramid(int tile_size, size_t budget_bytes);

  void setSource(std::shared_ptr<const HeatmapSource> source);
  const HeatmapSource* source() const { return source_.get(); }
  void setTileSize(int tile_size);
  int tileSize() const { return tile_size_; }
  void setBudget(size_t bytes) { cache_.setBudget(bytes); }
  void clear();  // forget all aggregates (the data changed)

  // Number of level cells along each axis at a level: ceil(n / 2^level).
  int levelRows(int level_y) const;
  int levelCols(int level_x) const;
  // The coarsest useful level: one level cell spans the whole axis.
  int maxLevelX() const;
  int maxLevelY() const;

  // Level (0, 0) tile: the raw values, read straight from the source (never cached here; the
  // coloured image of it is). `rows`/`cols` receive the tile's extent.
  void readRawTile(const TileKey& key, std::vector<float>& out, int* rows, int* cols);
  // Aggregates of a tile at any level other than (0, 0).
  std::shared_ptr<const AggregateTile> aggregateTile(const TileKey& key);

  // Min/max of the finite values, from the single tile of the coarsest level (built once).
  std::optional<ValueRange> dataRange();

  size_t bytes() const { return cache_.bytes(); }
  const FetchStats& stats() const { return stats_; }
  void resetStats() { stats_ = {}; }

 private:
  void tileExtent(const TileKey& key, int* rows, int* cols) const;
  // Returns the cached tile or builds it; `keep_levels` says how many levels further down the
  // intermediate tiles of this build are still worth caching.
  std::shared_ptr<const AggregateTile> fetch(const TileKey& key, int keep_levels);
  std::shared_ptr<const AggregateTile> build(const TileKey& key, int keep_levels);

  std::shared_ptr<const HeatmapSource> source_;
  int tile_size_;
  TileCache<std::shared_ptr<const AggregateTile>> cache_;
  std::optional<std::optional<ValueRange>> range_;  // outer: computed yet; inner: any finite value
  FetchStats stats_;
  std::vector<float> raw_;  // scratch for level-0 reads
};

}  // namespace routescope::widgets
