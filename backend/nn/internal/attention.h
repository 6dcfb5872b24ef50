#pragma once
// Multi-head self-attention with a switchable causal mask and 1/sqrt(d_head) scaling. Used by the
// MoE language model (causal) and by the encoders of later studies (not causal).
#include <torch/torch.h>

#include "backend/nn/internal/lora_linear.h"

namespace routescope::nn {

struct AttentionOptions {
  int64_t d_model = 128;
  int64_t heads = 4;
  bool causal = true;
  bool bias = true;
};

class MultiHeadAttentionImpl : public torch::nn::Module {
 public:
  explicit MultiHeadAttentionImpl(const AttentionOptions& options);

  // x: [batch, seq, d_model]. key_padding: optional [batch, seq] bool, true where a key is padding.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& key_padding = {});

  LoraLinear qkv{nullptr};  // one projection for queries, keys and values: d -> 3d
  LoraLinear out{nullptr};

 private:
  torch::Tensor causalMask(int64_t seq, const torch::Device& device);

  AttentionOptions options_;
  torch::Tensor cached_mask_;  // [seq, seq] bool, true above the diagonal
};
TORCH_MODULE(MultiHeadAttention);

}  // namespace routescope::nn
