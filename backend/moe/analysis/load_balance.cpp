#include "backend/moe/analysis/load_balance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "backend/core/error.h"

namespace routescope::moe::analysis {

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double position = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
  const auto below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, values.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return values[below] + fraction * (values[above] - values[below]);
}

LoadBalance analyseLoad(std::span<const int64_t> requests, int layers, int experts,
                        const LoadOptions& options) {
  if (requests.size() != static_cast<size_t>(layers) * static_cast<size_t>(experts))
    throw core::Error("expert load: " + std::to_string(requests.size()) + " request counts for " +
                      std::to_string(layers) + " layers x " + std::to_string(experts) + " experts");
  LoadBalance out;
  out.dead_threshold_share = experts > 0 ? options.dead_fraction_of_uniform / experts : 0.0;
  for (int l = 0; l < layers; ++l) {
    const auto row =
        requests.subspan(static_cast<size_t>(l) * static_cast<size_t>(experts), static_cast<size_t>(experts));
    const int64_t total = std::accumulate(row.begin(), row.end(), int64_t{0});
    LayerLoad layer;
    layer.share.assign(static_cast<size_t>(experts), 0.0);
    if (total > 0) {
      for (int e = 0; e < experts; ++e)
        layer.share[static_cast<size_t>(e)] =
            static_cast<double>(row[static_cast<size_t>(e)]) / static_cast<double>(total);
      for (int e = 0; e < experts; ++e)
        if (layer.share[static_cast<size_t>(e)] < out.dead_threshold_share) layer.dead.push_back(e);
    }
    layer.p5 = percentile(layer.share, 0.05);
    layer.p50 = percentile(layer.share, 0.50);
    layer.p95 = percentile(layer.share, 0.95);
    layer.max_over_uniform =
        layer.share.empty() ? 0.0 : *std::max_element(layer.share.begin(), layer.share.end()) * experts;
    out.layers.push_back(std::move(layer));
  }
  return out;
}

LoadOverTraining analyseLoadOverTraining(std::span<const CheckpointSummary> checkpoints,
                                         const LoadOptions& options) {
  std::vector<const CheckpointSummary*> order;
  for (const auto& c : checkpoints) order.push_back(&c);
  std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->step < b->step; });
  LoadOverTraining out;
  for (const auto* c : order) {
    const LoadBalance load = analyseLoad(c->requests, c->layers, c->experts, options);
    out.steps.push_back(c->step);
    auto& p5 = out.p5.emplace_back();
    auto& p50 = out.p50.emplace_back();
    auto& p95 = out.p95.emplace_back();
    auto& top = out.max_over_uniform.emplace_back();
    int dead = 0;
    for (const auto& layer : load.layers) {
      p5.push_back(layer.p5);
      p50.push_back(layer.p50);
      p95.push_back(layer.p95);
      top.push_back(layer.max_over_uniform);
      dead += static_cast<int>(layer.dead.size());
    }
    out.dead_experts.push_back(dead);
  }
  return out;
}

}  // namespace routescope::moe::analysis
