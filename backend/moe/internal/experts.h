#pragma once
// E feed-forward experts (d -> ffn -> d, GELU, no biases as in the reference) applied to the
// (token, expert) pairs a Dispatch selects, outputs scaled by the combine weights and summed per
// token. Dropped choices contribute nothing.
#include <torch/torch.h>

#include "backend/moe/internal/dispatch.h"

namespace routescope::moe {

class ExpertsImpl : public torch::nn::Module {
 public:
  ExpertsImpl(int64_t experts, int64_t d_model, int64_t ffn);

  // x: [T, d] -> [T, d]
  torch::Tensor forward(const torch::Tensor& x, const Dispatch& dispatch);

  torch::Tensor w_in;   // [E, d, ffn]
  torch::Tensor w_out;  // [E, ffn, d]
};
TORCH_MODULE(Experts);

}  // namespace routescope::moe
