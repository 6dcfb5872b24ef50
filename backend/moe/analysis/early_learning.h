#pragma once
// Early routing learning (OpenMoE, Xue et al. 2024): routing settles early in training. For each
// checkpoint, the share of (token occurrence, layer) pairs whose top-1 expert equals the final
// checkpoint's, and the previous checkpoint's, on the same traced tokens, and the first checkpoint
// before the final one that reaches the threshold. "No expert" (-1, expert choice leaving a token
// out) counts as a choice of its own.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "backend/moe/analysis/checkpoint_summary.h"

namespace routescope::moe::analysis {

struct EarlyLearning {
  std::vector<int64_t> steps;                                      // ascending
  std::vector<double> agreement_with_final;                        // [checkpoint]; 1 for the final one
  std::vector<std::optional<double>> agreement_with_previous;      // [checkpoint]; none for the first
  std::vector<std::vector<double>> agreement_with_final_by_layer;  // [checkpoint][layer]
  double threshold = 0.9;
  // The first checkpoint *before the final one* with agreement_with_final >= threshold; none when no
  // earlier checkpoint reaches it (the final checkpoint always agrees with itself, so it never counts).
  std::optional<int64_t> first_step_at_threshold;
};

// Checkpoints in any order (sorted by step here). Throws core::Error with one line when there are
// none, or when a checkpoint's layers, experts or token stream differ from the final one's (the
// agreement would compare different tokens).
EarlyLearning analyseEarlyLearning(std::span<const CheckpointSummary> checkpoints, double threshold = 0.9);

}  // namespace routescope::moe::analysis
