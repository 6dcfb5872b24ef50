#pragma once
// Which expert processes which token: top-k token choice with OpenMoE's capacity and dropping
// rules, the capacity-aware alternatives (priority dropping, expert choice) and dropless routing.
// Pure tensor functions so tests can check the exact dropped set on hand-built batches.
#include <torch/torch.h>

#include <cstdint>
#include <optional>

namespace routescope::moe {

struct Dispatch {
  // Per token, the k experts of highest router probability (what traces record).
  torch::Tensor topk_ids;    // [T, k] int64
  torch::Tensor topk_probs;  // [T, k] float32
  torch::Tensor kept;        // [T, k] bool: the expert processed that choice
  // What the experts compute: one entry per processed (token, expert) pair.
  torch::Tensor token_index;     // [N] int64
  torch::Tensor expert_index;    // [N] int64
  torch::Tensor combine_weight;  // [N] float32, multiplies the expert's output
};

// OpenMoE's expert capacity: max(round(cf · group_size / experts), 4), rounding half to even (as
// Python's round does), e.g. cf 1.25, group 4, 2 experts: round(2.5) = 2 -> 4; group 28: 17.5 -> 18.
int64_t expertCapacity(double capacity_factor, int64_t group_size, int64_t experts);

enum class DropOrder {
  Position,  // OpenMoE: slots filled left to right, all top-1 choices of a group before any top-2
  Priority,  // V-MoE's batch prioritised routing: within each choice rank, tokens ordered by their
             // top-1 probability (highest first)
};

// Token choice over groups of `group_size` consecutive tokens (T must be a multiple). A choice
// past its expert's capacity is dropped: it contributes nothing and the token keeps only its
// residual path. `capacity` nullopt = dropless. Combine weights are the raw router probabilities
// (OpenMoE) or, with `renormalise`, the probabilities renormalised over the token's top-k.
Dispatch dispatchTokenChoice(const torch::Tensor& probs, int64_t k, int64_t group_size,
                             std::optional<int64_t> capacity, bool renormalise, DropOrder order);

// Expert choice (Zhou et al. 2022): in each group every expert takes the `capacity` tokens it
// scores highest (capacity clamped to the group size), so every expert is filled exactly; a token
// may get any number of experts. `kept` marks which of a token's top-k were taken.
Dispatch dispatchExpertChoice(const torch::Tensor& probs, int64_t k, int64_t group_size, int64_t capacity);

// Load-balance loss c·E·Σ_e f_e·P_e: f_e the share of all top-k requests (before dropping) sent
// to e, P_e the mean router probability of e. Differentiable through P only.
torch::Tensor balanceLoss(const torch::Tensor& probs, const torch::Tensor& topk_ids, double coefficient);
// Router z-loss c·mean(logsumexp(logits)^2).
torch::Tensor zLoss(const torch::Tensor& logits, double coefficient);

}  // namespace routescope::moe
