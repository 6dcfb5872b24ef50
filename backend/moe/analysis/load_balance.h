#pragma once
// Load and balance: each expert's share of a layer's routing requests, dead experts, and how the
// spread of the shares evolves over training.

#include <cstdint>
#include <span>
#include <vector>

#include "backend/moe/analysis/checkpoint_summary.h"

namespace routescope::moe::analysis {

struct LoadOptions {
  // An expert is dead in a layer when its share of the layer's requests is below this fraction
  // of the uniform share 1/E (default: below 1 % of 1/E, i.e. it gets almost nothing).
  double dead_fraction_of_uniform = 0.01;
};

struct LayerLoad {
  std::vector<double> share;        // [expert], sums to 1 (all 0 without requests)
  std::vector<int> dead;            // experts below the dead threshold, ascending
  double p5 = 0, p50 = 0, p95 = 0;  // percentiles of the E shares (linear interpolation)
  double max_over_uniform = 0;      // largest share * E: 1 is perfect balance
};

struct LoadBalance {
  double dead_threshold_share = 0;  // dead_fraction_of_uniform / E
  std::vector<LayerLoad> layers;
};

// From requests [layer][expert] (checkpoint_summary.h: every recorded choice, dropped or not).
LoadBalance analyseLoad(std::span<const int64_t> requests, int layers, int experts,
                        const LoadOptions& options = {});

struct LoadOverTraining {
  std::vector<int64_t> steps;                         // ascending
  std::vector<std::vector<double>> p5, p50, p95;      // [checkpoint][layer]
  std::vector<std::vector<double>> max_over_uniform;  // [checkpoint][layer]
  std::vector<int> dead_experts;                      // [checkpoint]: summed over layers
};

LoadOverTraining analyseLoadOverTraining(std::span<const CheckpointSummary> checkpoints,
                                         const LoadOptions& options = {});

// The q-quantile (0..1) of values by linear interpolation between order statistics (numpy's
// default). 0 for no values.
double percentile(std::vector<double> values, double q);

}  // namespace routescope::moe::analysis
