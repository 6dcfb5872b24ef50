#include "backend/traffic/surrogate/internal/gnn_model.h"

namespace routescope::traffic::detail {

torch::nn::Sequential FlowGnnImpl::mlp(int64_t in, int64_t hidden) {
  return torch::nn::Sequential(torch::nn::Linear(in, hidden), torch::nn::ReLU(),
                               torch::nn::Linear(hidden, hidden));
}

FlowGnnImpl::FlowGnnImpl(const GnnConfig& config, torch::Tensor from, torch::Tensor to, int64_t nodes)
    : config_(config), nodes_(nodes) {
  const int64_t h = config.hidden;
  from_ = register_buffer("from", from);
  to_ = register_buffer("to", to);
  node_encoder_ = register_module("node_encoder", mlp(config.node_features, h));
  link_encoder_ = register_module("link_encoder", mlp(config.link_features, h));
  for (int k = 0; k < config.layers; ++k) {
    link_updates_->push_back(mlp(3 * h, h));
    node_updates_->push_back(mlp(3 * h, h));
    norms_->push_back(torch::nn::LayerNorm(torch::nn::LayerNormOptions({h})));
  }
  register_module("link_updates", link_updates_);
  register_module("node_updates", node_updates_);
  register_module("norms", norms_);
  eps_ = register_parameter("eps", torch::zeros({config.layers}));
  head_ = register_module(
      "head", torch::nn::Sequential(torch::nn::Linear(3 * h, h), torch::nn::ReLU(), torch::nn::Linear(h, 1)));
}

torch::Tensor FlowGnnImpl::forward(const torch::Tensor& node, const torch::Tensor& link,
                                   const torch::Tensor& open) {
  const auto mask = open.unsqueeze(-1);
  torch::Tensor h = node_encoder_->forward(node);
  torch::Tensor e = link_encoder_->forward(link) * mask;
  for (int k = 0; k < config_.layers; ++k) {
    const auto tail = h.index_select(1, from_), head = h.index_select(1, to_);
    const auto message =
        link_updates_[k]->as<torch::nn::Sequential>()->forward(torch::cat({tail, head, e}, -1)) * mask;
    e = e + message;
    const auto zeros = torch::zeros({h.size(0), nodes_, h.size(2)}, h.options());
    const auto incoming = zeros.index_add(1, to_, message);
    const auto outgoing = zeros.index_add(1, from_, message);
    const auto update = node_updates_[k]->as<torch::nn::Sequential>()->forward(
        torch::cat({(1 + eps_[k]) * h, incoming, outgoing}, -1));
    h = norms_[k]->as<torch::nn::LayerNorm>()->forward(h + update);
  }
  const auto out = head_->forward(torch::cat({h.index_select(1, from_), h.index_select(1, to_), e}, -1));
  return torch::nn::functional::softplus(out.squeeze(-1)) * open;
}

torch::Tensor totalTravelTime(const torch::Tensor& flows, const torch::Tensor& capacity,
                              const torch::Tensor& free_flow_time, const torch::Tensor& b,
                              const torch::Tensor& power) {
  const auto ratio = flows / capacity.clamp_min(1e-9);
  const auto time = free_flow_time * (1 + b * ratio.clamp_min(0).pow(power));
  return (flows * time).sum(-1);
}

}  // namespace routescope::traffic::detail
