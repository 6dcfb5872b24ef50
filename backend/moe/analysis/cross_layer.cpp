#include "backend/moe/analysis/cross_layer.h"

#include <algorithm>
#include <cmath>

#include "backend/core/error.h"
#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {
namespace {

// np.digitize(v, edges) for increasing edges: the i with edges[i-1] <= v < edges[i], i.e. the
// number of edges <= v (0 below the first edge, edges.size() from the last on, and for NaN, which
// numpy sorts last). A guess from v·(n-1), corrected against the edges themselves, so it is exact.
int digitize(double v, const std::vector<double>& edges) {
  const int n = static_cast<int>(edges.size());
  if (!(v >= edges.front())) return v < edges.front() ? 0 : n;
  if (v >= edges.back()) return n;
  int c = std::min(static_cast<int>(v * static_cast<double>(n - 1)) + 1, n - 1);
  while (c > 0 && edges[static_cast<size_t>(c - 1)] > v) --c;
  while (c < n && edges[static_cast<size_t>(c)] <= v) ++c;
  return c;
}

}  // namespace

std::vector<double> binnedProbabilityMi(const RoutingTrace& trace, int bins) {
  if (trace.full_probs.empty())
    throw core::Error(
        describeTrace(trace) +
        ": no full_probs (router probability vectors) recorded, needed for the binned cross-layer MI");
  if (bins < 2 || bins > 65534)
    throw core::Error("binned cross-layer MI: bins must be 2..65534, not " + std::to_string(bins));
  const int64_t tokens = trace.tokenCount();
  const size_t layers = static_cast<size_t>(trace.layers);
  const size_t experts = static_cast<size_t>(trace.experts);
  // np.linspace(0, 1, bins) as numpy computes it (i * step in double, the last edge exactly 1).
  std::vector<double> edges(static_cast<size_t>(bins));
  const double step = 1.0 / static_cast<double>(bins - 1);
  for (int i = 0; i < bins; ++i) edges[static_cast<size_t>(i)] = static_cast<double>(i) * step;
  edges.back() = 1.0;
  // n ln n for the counts one token can produce (at most E): scikit-learn's natural logarithm.
  std::vector<double> nlogn(experts + 1, 0.0);
  for (size_t n = 1; n <= experts; ++n) nlogn[n] = static_cast<double>(n) * std::log(static_cast<double>(n));
  const double log_e = std::log(static_cast<double>(experts));

  std::vector<double> sum(layers * layers, 0.0);
  std::vector<uint16_t> code(layers * experts);  // this token's bin of each (layer, expert)
  std::vector<double> layer_sum(layers);         // sum n ln n of each layer's bin counts
  std::vector<uint32_t> keys(experts);
  std::vector<int> bin_count(static_cast<size_t>(bins) + 1, 0);
  for (int64_t t = 0; t < tokens; ++t) {
    const float* p = trace.full_probs.data() + static_cast<size_t>(t) * layers * experts;
    for (size_t i = 0; i < layers * experts; ++i) {
      code[i] = static_cast<uint16_t>(digitize(static_cast<double>(p[i]), edges));
    }
    for (size_t l = 0; l < layers; ++l) {
      const uint16_t* c = code.data() + l * experts;
      double s = 0;
      for (size_t e = 0; e < experts; ++e) ++bin_count[c[e]];
      for (size_t e = 0; e < experts; ++e) {
        if (bin_count[c[e]] == 0) continue;
        s += nlogn[static_cast<size_t>(bin_count[c[e]])];
        bin_count[c[e]] = 0;
      }
      layer_sum[l] = s;
    }
    for (size_t i = 0; i < layers; ++i) {
      for (size_t j = i; j < layers; ++j) {
        const uint16_t* a = code.data() + i * experts;
        const uint16_t* b = code.data() + j * experts;
        for (size_t e = 0; e < experts; ++e) keys[e] = static_cast<uint32_t>(a[e]) * 65536u + b[e];
        std::sort(keys.begin(), keys.end());
        double joint = 0;
        for (size_t e = 0; e < experts;) {
          size_t f = e;
          while (f < experts && keys[f] == keys[e]) ++f;
          joint += nlogn[f - e];
          e = f;
        }
        // I = H_i + H_j - H_ij with H = ln E - S / E (nats, clipped at 0 as scikit-learn does).
        const double mi =
            std::max(0.0, log_e - (layer_sum[i] + layer_sum[j] - joint) / static_cast<double>(experts));
        sum[i * layers + j] += mi;
      }
    }
  }
  std::vector<double> out(layers * layers, 0.0);
  for (size_t i = 0; i < layers; ++i)
    for (size_t j = i; j < layers; ++j)
      out[i * layers + j] = out[j * layers + i] =
          tokens > 0 ? sum[i * layers + j] / static_cast<double>(tokens) : 0.0;
  return out;
}

std::vector<MiEstimate> topOneCrossLayerMi(const RoutingTrace& trace, int permutations, uint64_t seed) {
  const auto top = topOneExperts(trace);
  const size_t layers = static_cast<size_t>(trace.layers);
  const size_t tokens = layers > 0 ? top.size() / layers : 0;
  std::vector<MiEstimate> out(layers * layers);
  std::vector<int32_t> x, y;
  for (size_t i = 0; i < layers; ++i) {
    for (size_t j = i; j < layers; ++j) {
      x.clear();
      y.clear();
      for (size_t t = 0; t < tokens; ++t) {
        const int16_t a = top[t * layers + i], b = top[t * layers + j];
        if (a < 0 || b < 0) continue;
        x.push_back(a);
        y.push_back(b);
      }
      out[i * layers + j] = out[j * layers + i] = correctedMutualInformation(
          x, trace.experts, y, trace.experts, permutations, seed * 7919u + i * layers + j);
    }
  }
  return out;
}

}  // namespace routescope::moe::analysis
