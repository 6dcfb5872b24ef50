#include "plugins/moe/routing_heatmap_source.h"

#include <QObject>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

namespace routescope::plugins::moe {

RoutingHeatmapSource::RoutingHeatmapSource(std::shared_ptr<const TraceSeries> series, const QString& domain)
    : series_(std::move(series)) {
  const auto& trace = series_->last();
  layers_ = trace.layers;
  experts_ = trace.experts;
  const std::string wanted = domain.toStdString();
  const int64_t n = trace.tokenCount();
  tokens_.reserve(static_cast<size_t>(n));
  for (int64_t t = 0; t < n; ++t)
    if (wanted.empty() || trace.domainOf(t) == wanted) tokens_.push_back(t);
  // Labels per vocabulary entry that occurs, so scrolling never re-encodes strings.
  int32_t max_id = -1;
  for (const auto& s : trace.sequences)
    for (const int32_t id : s.token_ids) max_id = std::max(max_id, id);
  labels_.resize(static_cast<size_t>(max_id + 1));
  for (const auto& s : trace.sequences)
    for (const int32_t id : s.token_ids)
      if (id >= 0 && labels_[static_cast<size_t>(id)].isNull())
        labels_[static_cast<size_t>(id)] = displayPiece(trace.pieceOf(id));
  values_.assign(static_cast<size_t>(rows()) * tokens_.size(), std::numeric_limits<float>::quiet_NaN());
  setStepIndex(series_->traces.size() - 1);
}

void RoutingHeatmapSource::setStepIndex(size_t index) {
  step_index_ = std::min(index, series_->traces.size() - 1);
  const auto& trace = series_->traces[step_index_];
  const size_t cols = tokens_.size();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // A checkpoint that traced other text or another model shape cannot share the columns.
  if (trace.layers != layers_ || trace.experts != experts_ ||
      trace.tokenCount() != series_->last().tokenCount()) {
    std::fill(values_.begin(), values_.end(), nan);
    return;
  }
  const size_t E = static_cast<size_t>(experts_);
  const size_t L = static_cast<size_t>(layers_);
  if (!trace.full_probs.empty()) {
    for (size_t c = 0; c < cols; ++c) {
      const float* p = trace.full_probs.data() + static_cast<size_t>(tokens_[c]) * L * E;
      for (size_t r = 0; r < L * E; ++r) values_[r * cols + c] = p[r];
    }
    return;
  }
  std::fill(values_.begin(), values_.end(), nan);
  const int K = trace.top_k;
  const bool has_probs = !trace.probs.empty();
  for (size_t c = 0; c < cols; ++c) {
    for (int l = 0; l < layers_; ++l) {
      for (int k = 0; k < K; ++k) {
        const size_t i = trace.choiceIndex(tokens_[c], l, k);
        const int e = trace.expert_ids[i];
        if (e < 0) continue;
        // Without probabilities a choice still shows, as certainty of the recorded pick.
        values_[(static_cast<size_t>(l) * E + static_cast<size_t>(e)) * cols + c] =
            has_probs ? trace.probs[i] : 1.0f;
      }
    }
  }
}

std::vector<widgets::CellMark> RoutingHeatmapSource::dropMarks() const {
  std::vector<widgets::CellMark> marks;
  const auto& trace = series_->traces[step_index_];
  if (trace.dropped.empty() || trace.layers != layers_ || trace.tokenCount() != series_->last().tokenCount())
    return marks;
  for (size_t c = 0; c < tokens_.size(); ++c)
    for (int l = 0; l < layers_; ++l)
      for (int k = 0; k < trace.top_k; ++k) {
        const size_t i = trace.choiceIndex(tokens_[c], l, k);
        if (!trace.dropped[i] || trace.expert_ids[i] < 0) continue;
        widgets::CellMark mark;
        mark.row = l * experts_ + trace.expert_ids[i];
        mark.col = static_cast<int>(c);
        mark.shape = widgets::MarkShape::Cross;
        marks.push_back(mark);
      }
  std::sort(marks.begin(), marks.end(),
            [](const auto& a, const auto& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  return marks;
}

std::vector<widgets::AxisGroup> RoutingHeatmapSource::layerGroups() const {
  std::vector<widgets::AxisGroup> groups;
  for (int l = 0; l < layers_; ++l)
    groups.push_back({l * experts_, (l + 1) * experts_ - 1, QObject::tr("layer %1").arg(l)});
  return groups;
}

float RoutingHeatmapSource::value(int row, int col) const {
  return values_[static_cast<size_t>(row) * tokens_.size() + static_cast<size_t>(col)];
}

void RoutingHeatmapSource::fillBlock(int row0, int col0, int nrows, int ncols, float* out) const {
  const size_t cols = tokens_.size();
  for (int r = 0; r < nrows; ++r)
    std::memcpy(out + static_cast<size_t>(r) * static_cast<size_t>(ncols),
                values_.data() + static_cast<size_t>(row0 + r) * cols + static_cast<size_t>(col0),
                static_cast<size_t>(ncols) * sizeof(float));
}

QString RoutingHeatmapSource::rowLabel(int row) const {
  return QObject::tr("L%1 e%2").arg(row / experts_).arg(row % experts_);
}

QString RoutingHeatmapSource::colLabel(int col) const {
  const int32_t id = series_->last().tokenIdOf(tokens_.at(static_cast<size_t>(col)));
  return id >= 0 && static_cast<size_t>(id) < labels_.size() ? labels_[static_cast<size_t>(id)]
                                                             : QStringLiteral("#%1").arg(id);
}

QStringList traceDomains(const TraceSeries& series) {
  std::set<std::string> domains;
  for (const auto& s : series.last().sequences) domains.insert(s.domain);
  QStringList out;
  for (const auto& d : domains)
    if (!d.empty()) out << QString::fromStdString(d);
  return out;
}

}  // namespace routescope::plugins::moe
