#pragma once
// The per-token expert heatmap's data: one column per traced token (optionally only one domain's),
// one row per (MoE layer, expert), grouped by layer; the value is the router probability of that
// expert for that token at one checkpoint. With full_probs every cell has a value; without, only
// the top-k choices do and the other cells are NaN ("not recorded"), not 0, so the picture never
// claims a probability the trace does not hold.

#include <QString>
#include <memory>
#include <vector>

#include "plugins/moe/trace_series.h"
#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/heatmap_types.h"

namespace routescope::plugins::moe {

class RoutingHeatmapSource : public widgets::HeatmapSource {
 public:
  // `domain` empty: all tokens. Shows the series' last checkpoint until setStepIndex().
  RoutingHeatmapSource(std::shared_ptr<const TraceSeries> series, const QString& domain = {});

  // Re-colours for checkpoint `index` of the series, rewriting the values in place.
  void setStepIndex(size_t index);
  size_t stepIndex() const { return step_index_; }
  const routescope::moe::RoutingTrace& trace() const { return series_->traces.at(step_index_); }
  const TraceSeries& series() const { return *series_; }

  int layers() const { return layers_; }
  int experts() const { return experts_; }
  // The trace token (index into the concatenated sequences) shown in column `col`.
  int64_t tokenAt(int col) const { return tokens_.at(static_cast<size_t>(col)); }
  // Crosses on the dropped choices of the current checkpoint, sorted by (row, col).
  std::vector<widgets::CellMark> dropMarks() const;
  // One band per layer for the row axis.
  std::vector<widgets::AxisGroup> layerGroups() const;

  int rows() const override { return layers_ * experts_; }
  int cols() const override { return static_cast<int>(tokens_.size()); }
  float value(int row, int col) const override;
  void fillBlock(int row0, int col0, int nrows, int ncols, float* out) const override;
  QString rowLabel(int row) const override;
  QString colLabel(int col) const override;
  std::optional<widgets::ValueRange> valueRange() const override { return widgets::ValueRange{0.0f, 1.0f}; }

 private:
  std::shared_ptr<const TraceSeries> series_;
  std::vector<int64_t> tokens_;  // shown tokens, in trace order
  std::vector<QString> labels_;  // display piece per token id, built once
  std::vector<float> values_;    // rows × cols, row-major
  size_t step_index_ = 0;
  int layers_ = 0;
  int experts_ = 0;
};

// The domains of the series' tokens, sorted.
QStringList traceDomains(const TraceSeries& series);

}  // namespace routescope::plugins::moe
