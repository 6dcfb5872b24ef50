#include "widgets/heatmap/lod_pyramid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace routescope::widgets {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr int kCachedLevelsBelowRequest = 3;

int ceilShift(int n, int level) {
  if (level >= 31) return n > 0 ? 1 : 0;
  return int((std::int64_t(n) + (std::int64_t(1) << level) - 1) >> level);
}

int levelsToOne(int n) {
  int level = 0;
  while (ceilShift(n, level) > 1) ++level;
  return level;
}

}  // namespace

AggregateTile::AggregateTile(int nrows, int ncols)
    : rows(nrows),
      cols(ncols),
      sum(size_t(nrows) * size_t(ncols), 0.0f),
      min(size_t(nrows) * size_t(ncols), kInf),
      max(size_t(nrows) * size_t(ncols), -kInf),
      count(size_t(nrows) * size_t(ncols), 0) {}

float AggregateTile::value(int index, AggregationMode mode) const {
  const size_t i = size_t(index);
  if (count[i] == 0) return kNaN;
  switch (mode) {
    case AggregationMode::Mean:
      return sum[i] / float(count[i]);
    case AggregationMode::Max:
      return max[i];
    case AggregationMode::Min:
      return min[i];
  }
  return kNaN;
}

size_t AggregateTile::bytes() const {
  return sizeof(AggregateTile) + sum.size() * (3 * sizeof(float) + sizeof(std::uint32_t));
}

LodPyramid::LodPyramid(int tile_size, size_t budget_bytes)
    : tile_size_(std::max(1, tile_size)), cache_(budget_bytes) {}

void LodPyramid::setSource(std::shared_ptr<const HeatmapSource> source) {
  source_ = std::move(source);
  clear();
}

void LodPyramid::setTileSize(int tile_size) {
  tile_size_ = std::max(1, tile_size);
  cache_.clear();  // tile keys mean something else now; the data range is still valid
}

void LodPyramid::clear() {
  cache_.clear();
  range_.reset();
}

int LodPyramid::levelRows(int level_y) const {
  return source_ ? ceilShift(source_->rows(), level_y) : 0;
}
int LodPyramid::levelCols(int level_x) const {
  return source_ ? ceilShift(source_->cols(), level_x) : 0;
}
int LodPyramid::maxLevelX() const {
  return source_ ? levelsToOne(source_->cols()) : 0;
}
int LodPyramid::maxLevelY() const {
  return source_ ? levelsToOne(source_->rows()) : 0;
}

void LodPyramid::tileExtent(const TileKey& key, int* rows, int* cols) const {
  *rows = std::clamp(levelRows(key.level_y) - key.tile_row * tile_size_, 0, tile_size_);
  *cols = std::clamp(levelCols(key.level_x) - key.tile_col * tile_size_, 0, tile_size_);
}

void LodPyramid::readRawTile(const TileKey& key, std::vector<float>& out, int* rows, int* cols) {
  tileExtent(key, rows, cols);
  out.resize(size_t(*rows) * size_t(*cols));
  if (out.empty()) return;
  source_->fillBlock(key.tile_row * tile_size_, key.tile_col * tile_size_, *rows, *cols, out.data());
  const std::int64_t cells = std::int64_t(*rows) * *cols;
  ++stats_.calls;
  stats_.cells += cells;
  stats_.max_cells_per_call = std::max(stats_.max_cells_per_call, cells);
}

std::shared_ptr<const AggregateTile> LodPyramid::aggregateTile(const TileKey& key) {
  return fetch(key, kCachedLevelsBelowRequest);
}

std::shared_ptr<const AggregateTile> LodPyramid::fetch(const TileKey& key, int keep_levels) {
  if (const auto* hit = cache_.find(key)) return *hit;
  auto tile = build(key, keep_levels - 1);
  if (keep_levels >= 0) cache_.insert(key, tile, tile->bytes());
  return tile;
}

std::shared_ptr<const AggregateTile> LodPyramid::build(const TileKey& key, int keep_levels) {
  int rows = 0, cols = 0;
  tileExtent(key, &rows, &cols);
  auto tile = std::make_shared<AggregateTile>(rows, cols);
  const int t = tile_size_;

  // Halve the axis with the larger block size first, so tiles of similar aspect share children.
  const bool split_rows = key.level_y >= key.level_x && key.level_y > 0;
  const TileKey child_level{split_rows ? key.level_x : key.level_x - 1,
                            split_rows ? key.level_y - 1 : key.level_y, 0, 0};
  const int shift_y = split_rows ? 1 : 0;
  const int shift_x = split_rows ? 0 : 1;
  const bool child_is_raw = child_level.level_x == 0 && child_level.level_y == 0;

  for (int half = 0; half < 2; ++half) {
    TileKey child = child_level;
    child.tile_row = split_rows ? 2 * key.tile_row + half : key.tile_row;
    child.tile_col = split_rows ? key.tile_col : 2 * key.tile_col + half;
    int crows = 0, ccols = 0;
    tileExtent(child, &crows, &ccols);
    if (crows == 0 || ccols == 0) continue;  // past the matrix edge

    // Parent-local index of child cell (i, j): child global level cell >> shift, minus tile origin.
    const int row_base = child.tile_row * t;
    const int col_base = child.tile_col * t;
    auto parentIndex = [&](int i, int j) {
      const int pr = ((row_base + i) >> shift_y) - key.tile_row * t;
      const int pc = ((col_base + j) >> shift_x) - key.tile_col * t;
      return size_t(pr) * size_t(cols) + size_t(pc);
    };

    if (child_is_raw) {
      readRawTile(child, raw_, &crows, &ccols);
      for (int i = 0; i < crows; ++i) {
        const float* row = raw_.data() + size_t(i) * size_t(ccols);
        for (int j = 0; j < ccols; ++j) {
          const float v = row[j];
          if (std::isnan(v)) continue;
          const size_t p = parentIndex(i, j);
          tile->sum[p] += v;
          tile->min[p] = std::min(tile->min[p], v);
          tile->max[p] = std::max(tile->max[p], v);
          tile->count[p] += 1;
        }
      }
    } else {
      const std::shared_ptr<const AggregateTile> c = fetch(child, keep_levels);
      for (int i = 0; i < c->rows; ++i) {
        for (int j = 0; j < c->cols; ++j) {
          const size_t s = size_t(i) * size_t(c->cols) + size_t(j);
          if (c->count[s] == 0) continue;
          const size_t p = parentIndex(i, j);
          tile->sum[p] += c->sum[s];
          tile->min[p] = std::min(tile->min[p], c->min[s]);
          tile->max[p] = std::max(tile->max[p], c->max[s]);
          tile->count[p] += c->count[s];
        }
      }
    }
  }
  return tile;
}

std::optional<ValueRange> LodPyramid::dataRange() {
  if (range_) return *range_;
  if (!source_ || source_->rows() == 0 || source_->cols() == 0) return std::nullopt;
  if (auto known = source_->valueRange()) {
    range_ = known;
    return *range_;
  }
  // The coarsest levels whose tile grid is a single tile.
  int level_x = 0, level_y = 0;
  while (levelCols(level_x) > tile_size_) ++level_x;
  while (levelRows(level_y) > tile_size_) ++level_y;
  std::optional<ValueRange> range;
  std::vector<float> raw;
  auto include = [&range](float lo, float hi) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return;
    if (!range) range = ValueRange{lo, hi};
    range->min = std::min(range->min, lo);
    range->max = std::max(range->max, hi);
  };
  if (level_x == 0 && level_y == 0) {
    int rows = 0, cols = 0;
    readRawTile({0, 0, 0, 0}, raw, &rows, &cols);
    for (float v : raw) include(v, v);
  } else {
    const auto root = aggregateTile({level_x, level_y, 0, 0});
    for (size_t i = 0; i < root->count.size(); ++i)
      if (root->count[i] > 0) include(root->min[i], root->max[i]);
  }
  range_ = range;
  return range;
}

}  // namespace routescope::widgets
