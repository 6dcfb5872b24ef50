#include "backend/moe/analysis/gate_statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "backend/core/error.h"
#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {
namespace {

double median(std::vector<double>& values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return 0.5 * (lower + upper);
}

// p1 / p2; infinite when p2 is 0 (the median stays meaningful as long as most tokens have p2 > 0).
double ratio(double p1, double p2) {
  return p2 > 0 ? p1 / p2 : std::numeric_limits<double>::infinity();
}

}  // namespace

GateStatistics analyseGates(const RoutingTrace& trace, int entropy_bins) {
  if (entropy_bins < 1)
    throw core::Error("gate entropy: bins must be at least 1, not " + std::to_string(entropy_bins));
  GateStatistics out;
  const int64_t tokens = trace.tokenCount();
  const size_t layers = static_cast<size_t>(trace.layers);
  const size_t experts = static_cast<size_t>(trace.experts);
  std::vector<std::vector<double>> ratios(layers);

  if (!trace.full_probs.empty()) {
    out.entropy_bins = entropy_bins;
    out.entropy_max_bits = experts > 1 ? std::log2(static_cast<double>(experts)) : 1.0;
    out.entropy_histogram.assign(layers, std::vector<int64_t>(static_cast<size_t>(entropy_bins), 0));
    out.mean_entropy.assign(layers, 0.0);
    out.ratio_source = "full_probs";
    for (auto& r : ratios) r.reserve(static_cast<size_t>(tokens));
    for (int64_t t = 0; t < tokens; ++t) {
      for (size_t l = 0; l < layers; ++l) {
        const float* p = trace.full_probs.data() + (static_cast<size_t>(t) * layers + l) * experts;
        double h = 0, p1 = 0, p2 = 0;
        for (size_t e = 0; e < experts; ++e) {
          const double v = p[e];
          if (v > 0) h -= v * std::log2(v);
          if (v > p1) {
            p2 = p1;
            p1 = v;
          } else if (v > p2) {
            p2 = v;
          }
        }
        const auto bin =
            std::clamp(static_cast<int>(h / out.entropy_max_bits * entropy_bins), 0, entropy_bins - 1);
        ++out.entropy_histogram[l][static_cast<size_t>(bin)];
        out.mean_entropy[l] += h;
        ratios[l].push_back(ratio(p1, p2));
      }
    }
    if (tokens > 0)
      for (double& m : out.mean_entropy) m /= static_cast<double>(tokens);
  } else if (trace.top_k >= 2 && !trace.probs.empty()) {
    out.ratio_source = "probs";
    for (int64_t t = 0; t < tokens; ++t) {
      for (size_t l = 0; l < layers; ++l) {
        const size_t first = trace.choiceIndex(t, static_cast<int>(l), 0);
        double p1 = 0, p2 = 0;
        for (int c = 0; c < trace.top_k; ++c) {
          if (trace.expert_ids[first + static_cast<size_t>(c)] < 0) continue;
          const double v = trace.probs[first + static_cast<size_t>(c)];
          if (v > p1) {
            p2 = p1;
            p1 = v;
          } else if (v > p2) {
            p2 = v;
          }
        }
        if (p1 > 0) ratios[l].push_back(ratio(p1, p2));
      }
    }
  }
  if (!out.ratio_source.empty())
    for (auto& r : ratios) out.median_top1_top2_ratio.push_back(median(r));

  const auto top = topOneExperts(trace);
  out.expert_frequency.assign(layers, std::vector<double>(experts, 0.0));
  std::vector<int64_t> counted(layers, 0);
  for (size_t i = 0; i < top.size(); ++i) {
    if (top[i] < 0) continue;
    out.expert_frequency[i % layers][static_cast<size_t>(top[i])] += 1;
    ++counted[i % layers];
  }
  for (size_t l = 0; l < layers; ++l)
    if (counted[l] > 0)
      for (double& f : out.expert_frequency[l]) f /= static_cast<double>(counted[l]);
  return out;
}

}  // namespace routescope::moe::analysis
