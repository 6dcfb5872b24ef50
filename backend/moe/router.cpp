#include "backend/moe/internal/router.h"

namespace routescope::moe {
namespace {

torch::nn::Linear linear(int64_t in, int64_t out) {
  return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(false));
}

}  // namespace

RouterImpl::RouterImpl(const MoeModelConfig& config) : detach_(config.gru_detach) {
  const int64_t layers = config.moeLayerCount();
  gates_ = register_module("gates", torch::nn::ModuleList());
  if (config.usesGru()) {
    projections_ = register_module("projections", torch::nn::ModuleList());
    gru_ =
        register_module("gru", torch::nn::GRUCell(torch::nn::GRUCellOptions(config.gru_dim, config.gru_dim)));
    for (int64_t i = 0; i < layers; ++i) {
      projections_->push_back(linear(config.d_model, config.gru_dim));
      gates_->push_back(linear(config.gru_dim, config.experts));
    }
    torch::NoGradGuard no_grad;
    for (auto& p : this->parameters()) p.normal_(0.0, 0.02);
  } else {
    for (int64_t i = 0; i < layers; ++i) {
      auto gate = linear(config.d_model, config.experts);
      torch::NoGradGuard no_grad;
      gate->weight.normal_(0.0, 0.02);
      gates_->push_back(gate);
    }
  }
}

RouterOutput RouterImpl::forward(int64_t moe_layer, const torch::Tensor& x, const torch::Tensor& previous,
                                 bool want_gate) {
  auto gate = gates_[moe_layer]->as<torch::nn::Linear>();
  RouterOutput out;
  if (gru_.is_empty()) {
    out.logits = gate->forward(x.to(torch::kFloat32));
    return out;
  }
  auto projected = projections_[moe_layer]->as<torch::nn::Linear>()->forward(x);
  auto hidden = previous.defined() ? (detach_ ? previous.detach() : previous) : torch::zeros_like(projected);
  if (want_gate) out.update_gate = gruUpdateGate(gru_, projected, hidden).mean(-1);
  out.state = gru_->forward(projected, hidden);
  out.logits = gate->forward(out.state).to(torch::kFloat32);
  return out;
}

torch::Tensor RouterImpl::scoringWeight(int64_t moe_layer) const {
  return gates_->ptr(static_cast<size_t>(moe_layer))->as<torch::nn::Linear>()->weight;
}

torch::Tensor gruUpdateGate(const torch::nn::GRUCell& cell, const torch::Tensor& input,
                            const torch::Tensor& hidden) {
  const int64_t p = cell->options.hidden_size();
  auto w_iz = cell->weight_ih.slice(0, p, 2 * p), w_hz = cell->weight_hh.slice(0, p, 2 * p);
  auto z = torch::matmul(input, w_iz.t()) + torch::matmul(hidden, w_hz.t());
  if (cell->options.bias()) z = z + cell->bias_ih.slice(0, p, 2 * p) + cell->bias_hh.slice(0, p, 2 * p);
  return torch::sigmoid(z);
}

}  // namespace routescope::moe
