#pragma once
// Per-layer statistics of the router's gate (RMoE, Qiu et al., ICLR 2025, compare these between
// linear and recurrent routers): the entropy of each token's probability vector, the ratio of the
// top-1 to the top-2 probability, and how often each expert is the top-1 choice.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

struct GateStatistics {
  // Gate entropy in bits, from full_probs; empty when the trace has none. Equal-width bins over
  // [0, log2 E]: bin b holds [b, b+1) * max_bits / bins (the last one includes log2 E).
  int entropy_bins = 0;
  double entropy_max_bits = 0;
  std::vector<std::vector<int64_t>> entropy_histogram;  // [layer][bin] token counts
  std::vector<double> mean_entropy;                     // [layer]
  // Median over tokens of p(top-1) / p(top-2); from full_probs when recorded, else from the
  // recorded top-k probabilities when top_k >= 2; empty otherwise. ratio_source says which.
  std::vector<double> median_top1_top2_ratio;  // [layer]
  std::string ratio_source;                    // "full_probs", "probs" or ""
  // [layer][expert]: share of tokens whose top-1 expert is e (tokens without one left out).
  std::vector<std::vector<double>> expert_frequency;
};

GateStatistics analyseGates(const RoutingTrace& trace, int entropy_bins = 20);

}  // namespace routescope::moe::analysis
