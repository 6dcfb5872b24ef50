#include "backend/nn/internal/lora_linear.h"

#include <cmath>

namespace routescope::nn {

LoraLinearImpl::LoraLinearImpl(int64_t in_features, int64_t out_features, bool bias)
    : base(register_module(
          "base", torch::nn::Linear(torch::nn::LinearOptions(in_features, out_features).bias(bias)))) {}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor& x) {
  auto y = base->forward(x);
  if (loraEnabled()) y = y + scale_ * torch::matmul(torch::matmul(x, lora_a_.t()), lora_b_.t());
  return y;
}

void LoraLinearImpl::enableLora(int64_t rank, double alpha) {
  TORCH_CHECK(rank > 0, "LoRA rank must be positive");
  const int64_t in = base->weight.size(1);
  const int64_t out = base->weight.size(0);
  auto options = base->weight.options();
  // Kaiming-uniform A as in the LoRA paper's reference setting; B = 0 keeps the layer unchanged.
  const double bound = 1.0 / std::sqrt(static_cast<double>(in));
  auto a = torch::empty({rank, in}, options).uniform_(-bound, bound);
  auto b = torch::zeros({out, rank}, options);
  if (loraEnabled()) {
    lora_a_.set_data(a);
    lora_b_.set_data(b);
  } else {
    lora_a_ = register_parameter("lora_a", a);
    lora_b_ = register_parameter("lora_b", b);
  }
  scale_ = alpha / static_cast<double>(rank);
}

}  // namespace routescope::nn
