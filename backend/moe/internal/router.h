#pragma once
// Routers: the gate that scores experts for each token at each MoE layer.
//  - linear (OpenMoE): logits_i = W_i·x, computed in fp32.
//  - gru (RMoE, Qiu et al. 2025): x' = W1_i·x (no bias, size p), one GRUCell shared by all MoE
//    layers, h_i = GRU(x', h_{i-1}) with h_0 = 0, logits_i = W2_i·h_i. The experts still see x.
//    All GRU-router parameters start from N(0, 0.02); `detach` cuts the gradient between layers
//    (the paper's ablation).
// The capacity-aware variants (expert-choice, priority, dropless) score with the linear gate;
// they differ only in dispatch (dispatch.h).
#include <torch/torch.h>

#include "backend/moe/model_config.h"

namespace routescope::moe {

struct RouterOutput {
  torch::Tensor logits;       // [T, E] float32
  torch::Tensor state;        // [T, p] the GRU router's h_i (undefined for linear routers)
  torch::Tensor update_gate;  // [T] mean over p of the GRU's update gate z (only when asked for)
};

class RouterImpl : public torch::nn::Module {
 public:
  explicit RouterImpl(const MoeModelConfig& config);

  // `moe_layer` counts MoE layers only (0-based); `previous` is the state the previous MoE layer
  // returned (undefined at the first). `want_gate` computes the update gate for traces.
  RouterOutput forward(int64_t moe_layer, const torch::Tensor& x, const torch::Tensor& previous,
                       bool want_gate);

  bool recurrent() const { return !gru_.is_empty(); }
  torch::nn::GRUCell gru() const { return gru_; }
  // Weight whose rows score the experts at `moe_layer` ([E, d] for linear, [E, p] for gru).
  torch::Tensor scoringWeight(int64_t moe_layer) const;

 private:
  bool detach_ = false;
  torch::nn::ModuleList gates_{nullptr};        // linear: W_i [E, d]; gru: W2_i [E, p]
  torch::nn::ModuleList projections_{nullptr};  // gru: W1_i [p, d]
  torch::nn::GRUCell gru_{nullptr};
};
TORCH_MODULE(Router);

// The GRU's update gate z = σ(W_iz x + b_iz + W_hz h + b_hz) (PyTorch's gate order r, z, n).
torch::Tensor gruUpdateGate(const torch::nn::GRUCell& cell, const torch::Tensor& input,
                            const torch::Tensor& hidden);

}  // namespace routescope::moe
