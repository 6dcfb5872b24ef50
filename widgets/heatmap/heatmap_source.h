#pragma once
// The data behind a HeatmapView. The view never asks for the whole matrix at once: it reads blocks
// of at most one tile (tileSize² cells) through fillBlock(), so a source may compute values on the
// fly, page them from disk or wrap a tensor without the view holding a copy.

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace routescope::widgets {

struct ValueRange {
  float min = 0.0f;
  float max = 1.0f;
};

class HeatmapSource {
 public:
  virtual ~HeatmapSource() = default;
  virtual int rows() const = 0;
  virtual int cols() const = 0;
  // NaN marks a missing value; it is drawn in the view's NaN colour.
  virtual float value(int row, int col) const = 0;
  // Writes the block [row0, row0 + nrows) × [col0, col0 + ncols) row-major into `out`
  // (nrows * ncols floats). The default calls value() per cell; override it for speed.
  virtual void fillBlock(int row0, int col0, int nrows, int ncols, float* out) const;
  // Labels are asked for one at a time and only for what is on screen, so a million of them never
  // need to exist at once. The defaults are the 0-based index.
  virtual QString rowLabel(int row) const;
  virtual QString colLabel(int col) const;
  // The range of the finite values, when the source knows it cheaply. Without it the view derives
  // the automatic colour range from its aggregate pyramid (one pass over the data, then cached).
  virtual std::optional<ValueRange> valueRange() const { return std::nullopt; }
};

// A matrix held in memory, row-major.
class DenseHeatmapSource : public HeatmapSource {
 public:
  DenseHeatmapSource(int rows, int cols, std::vector<float> values);
  void setRowLabels(QStringList labels) { row_labels_ = std::move(labels); }
  void setColLabels(QStringList labels) { col_labels_ = std::move(labels); }

  int rows() const override { return rows_; }
  int cols() const override { return cols_; }
  float value(int row, int col) const override;
  void fillBlock(int row0, int col0, int nrows, int ncols, float* out) const override;
  QString rowLabel(int row) const override;
  QString colLabel(int col) const override;
  std::optional<ValueRange> valueRange() const override { return range_; }
  const std::vector<float>& values() const { return values_; }

 private:
  int rows_;
  int cols_;
  std::vector<float> values_;
  QStringList row_labels_;
  QStringList col_labels_;
  std::optional<ValueRange> range_;  // nullopt when every value is NaN
};

}  // namespace routescope::widgets
