#include "widgets/heatmap/heatmap_source.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace routescope::widgets {

void HeatmapSource::fillBlock(int row0, int col0, int nrows, int ncols, float* out) const {
  for (int r = 0; r < nrows; ++r)
    for (int c = 0; c < ncols; ++c) *out++ = value(row0 + r, col0 + c);
}

QString HeatmapSource::rowLabel(int row) const {
  return QString::number(row);
}
QString HeatmapSource::colLabel(int col) const {
  return QString::number(col);
}

DenseHeatmapSource::DenseHeatmapSource(int rows, int cols, std::vector<float> values)
    : rows_(rows), cols_(cols), values_(std::move(values)) {
  if (rows < 0 || cols < 0 || values_.size() != size_t(rows) * size_t(cols))
    throw std::invalid_argument("DenseHeatmapSource: values.size() must equal rows * cols");
  // One pass at construction is cheap next to building the values and spares the view a pyramid
  // pass just to find the colour range.
  bool any = false;
  ValueRange range{0, 0};
  for (float v : values_) {
    if (!std::isfinite(v)) continue;
    if (!any) range = {v, v};
    range.min = std::min(range.min, v);
    range.max = std::max(range.max, v);
    any = true;
  }
  if (any) range_ = range;
}

float DenseHeatmapSource::value(int row, int col) const {
  return values_[size_t(row) * size_t(cols_) + size_t(col)];
}

void DenseHeatmapSource::fillBlock(int row0, int col0, int nrows, int ncols, float* out) const {
  for (int r = 0; r < nrows; ++r) {
    const float* src = values_.data() + size_t(row0 + r) * size_t(cols_) + size_t(col0);
    std::memcpy(out + size_t(r) * size_t(ncols), src, size_t(ncols) * sizeof(float));
  }
}

QString DenseHeatmapSource::rowLabel(int row) const {
  return row < row_labels_.size() ? row_labels_[row] : HeatmapSource::rowLabel(row);
}

QString DenseHeatmapSource::colLabel(int col) const {
  return col < col_labels_.size() ? col_labels_[col] : HeatmapSource::colLabel(col);
}

}  // namespace routescope::widgets
