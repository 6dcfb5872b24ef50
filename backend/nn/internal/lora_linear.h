#pragma once
// A linear layer with an optional low-rank adapter (LoRA, Hu et al. 2021): y = W x + b + s·B A x,
// with A (rank × in) random, B (out × rank) zero so enabling LoRA leaves the output unchanged,
// and s = alpha / rank. Studies that fine-tune adapters freeze `base` and train A and B only.
#include <torch/torch.h>

namespace routescope::nn {

class LoraLinearImpl : public torch::nn::Module {
 public:
  LoraLinearImpl(int64_t in_features, int64_t out_features, bool bias);

  torch::Tensor forward(const torch::Tensor& x);

  // Adds (or replaces) the adapter matrices as trainable parameters "lora_a" and "lora_b".
  void enableLora(int64_t rank, double alpha);
  bool loraEnabled() const { return lora_a_.defined(); }

  torch::nn::Linear base{nullptr};

 private:
  torch::Tensor lora_a_;
  torch::Tensor lora_b_;
  double scale_ = 0.0;
};
TORCH_MODULE(LoraLinear);

}  // namespace routescope::nn
