#include "backend/nn/internal/residual.h"

#include <stdexcept>

namespace routescope::nn {

ResidualKind parseResidualKind(const std::string& text) {
  if (text == "pre-ln") return ResidualKind::PreLayerNorm;
  if (text == "rezero") return ResidualKind::ReZero;
  throw std::invalid_argument("unknown residual kind '" + text + "' (pre-ln, rezero)");
}

ResidualImpl::ResidualImpl(int64_t d_model, ResidualKind kind) : kind_(kind) {
  if (kind_ == ResidualKind::PreLayerNorm) {
    norm_ = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d_model})));
  } else {
    alpha_ = register_parameter("alpha", torch::zeros({1}));
  }
}

torch::Tensor ResidualImpl::input(const torch::Tensor& x) {
  return kind_ == ResidualKind::PreLayerNorm ? norm_->forward(x) : x;
}

torch::Tensor ResidualImpl::add(const torch::Tensor& x, const torch::Tensor& sublayer_output) {
  return kind_ == ResidualKind::PreLayerNorm ? x + sublayer_output : x + alpha_ * sublayer_output;
}

}  // namespace routescope::nn
