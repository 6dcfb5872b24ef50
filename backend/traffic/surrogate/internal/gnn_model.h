#pragma once
// The surrogate's network (LibTorch; internal): GIN-style message passing on the directed road
// graph with edge states. Every round, each link forms a message from its tail node, head node
// and its own state (closed links send nothing) and adds it to its state; each node sums the
// messages of the links entering and leaving it and updates as GIN does,
// h ← LayerNorm(h + MLP([(1 + ε) h, Σ_in m, Σ_out m])). The output head maps a link's final
// state to its flow (softplus, zero on closed links), in units of FeatureScales::flow.

#include <torch/torch.h>

namespace routescope::traffic::detail {

struct GnnConfig {
  int node_features = 0;
  int link_features = 0;
  int hidden = 32;
  int layers = 4;
};

class FlowGnnImpl : public torch::nn::Module {
 public:
  // `from`/`to`: int64 [links] tail and head node of each link; `nodes`: the node count.
  FlowGnnImpl(const GnnConfig& config, torch::Tensor from, torch::Tensor to, int64_t nodes);
  // node [B, nodes, node_features], link [B, links, link_features], open [B, links] → flows [B, links].
  torch::Tensor forward(const torch::Tensor& node, const torch::Tensor& link, const torch::Tensor& open);

 private:
  static torch::nn::Sequential mlp(int64_t in, int64_t hidden);
  GnnConfig config_;
  int64_t nodes_;
  torch::Tensor from_, to_, eps_;
  torch::nn::Sequential node_encoder_{nullptr}, link_encoder_{nullptr}, head_{nullptr};
  torch::nn::ModuleList link_updates_, node_updates_, norms_;
};
TORCH_MODULE(FlowGnn);

// Σ_links flow · BPR time, per sample: [B, links] flows and capacities → [B].
torch::Tensor totalTravelTime(const torch::Tensor& flows, const torch::Tensor& capacity,
                              const torch::Tensor& free_flow_time, const torch::Tensor& b,
                              const torch::Tensor& power);

}  // namespace routescope::traffic::detail
