#include "backend/nn/internal/feed_forward.h"

namespace routescope::nn {

FeedForwardImpl::FeedForwardImpl(int64_t d_model, int64_t ffn, bool bias) {
  up = register_module("up", LoraLinear(d_model, ffn, bias));
  down = register_module("down", LoraLinear(ffn, d_model, bias));
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x) {
  return down->forward(torch::gelu(up->forward(x)));
}

}  // namespace routescope::nn
