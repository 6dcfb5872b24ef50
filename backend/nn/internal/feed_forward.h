#pragma once
// The dense transformer feed-forward sub-layer: d -> ffn -> d with GELU, LoRA-capable linears.
#include <torch/torch.h>

#include "backend/nn/internal/lora_linear.h"

namespace routescope::nn {

class FeedForwardImpl : public torch::nn::Module {
 public:
  FeedForwardImpl(int64_t d_model, int64_t ffn, bool bias = true);
  torch::Tensor forward(const torch::Tensor& x);

  LoraLinear up{nullptr};
  LoraLinear down{nullptr};
};
TORCH_MODULE(FeedForward);

}  // namespace routescope::nn
