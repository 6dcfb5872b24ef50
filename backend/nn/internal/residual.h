#pragma once
// Residual connections around a sub-layer f: pre-LN, x + f(LN(x)), or ReZero (Bachlechner et al.
// 2020), x + a·f(x) with a scalar a initialised to 0 so every block starts as the identity.
#include <torch/torch.h>

#include <string>

namespace routescope::nn {

enum class ResidualKind { PreLayerNorm, ReZero };

// "pre-ln" or "rezero"; throws std::invalid_argument otherwise.
ResidualKind parseResidualKind(const std::string& text);

class ResidualImpl : public torch::nn::Module {
 public:
  ResidualImpl(int64_t d_model, ResidualKind kind);

  // What the sub-layer sees: LN(x) for pre-LN, x itself for ReZero.
  torch::Tensor input(const torch::Tensor& x);
  // x plus the sub-layer's output.
  torch::Tensor add(const torch::Tensor& x, const torch::Tensor& sublayer_output);

 private:
  ResidualKind kind_;
  torch::nn::LayerNorm norm_{nullptr};
  torch::Tensor alpha_;
};
TORCH_MODULE(Residual);

}  // namespace routescope::nn
