#pragma once
// The decoder-only MoE language model: token embedding (+ positional encoding), `layers` blocks of
// causal self-attention and a feed-forward sub-layer that is a routed set of experts in every
// `moe_every`-th block and dense otherwise, a final LayerNorm and an untied output head.
#include <torch/torch.h>

#include <vector>

#include "backend/moe/internal/dispatch.h"
#include "backend/moe/internal/experts.h"
#include "backend/moe/model_config.h"
#include "backend/moe/internal/router.h"
#include "backend/nn/internal/attention.h"
#include "backend/nn/internal/feed_forward.h"
#include "backend/nn/internal/positional.h"
#include "backend/nn/internal/residual.h"

namespace routescope::moe {

// What one MoE layer decided for the batch (tokens flattened batch-major: t = b·S + s).
struct LayerRouting {
  torch::Tensor logits;  // [T, E] float32
  torch::Tensor probs;   // [T, E] float32, softmax of the logits
  Dispatch dispatch;
  torch::Tensor state;         // [T, p] GRU router state (gru only)
  torch::Tensor update_gate;   // [T] mean update gate (gru, when asked for)
  torch::Tensor balance_loss;  // scalar, already scaled by c_bal
  torch::Tensor z_loss;        // scalar, already scaled by c_z
};

struct ForwardOptions {
  bool want_update_gate = false;
};

struct ForwardResult {
  torch::Tensor logits;               // [B, S, V]
  torch::Tensor aux_loss;             // sum of balance and z losses over MoE layers
  std::vector<LayerRouting> routing;  // one per MoE layer
};

class MoeBlockImpl : public torch::nn::Module {
 public:
  MoeBlockImpl(const MoeModelConfig& config, bool moe);

  nn::Residual attention_residual{nullptr};
  nn::MultiHeadAttention attention{nullptr};
  nn::Residual ffn_residual{nullptr};
  nn::FeedForward dense{nullptr};  // dense blocks
  Experts experts{nullptr};        // MoE blocks
};
TORCH_MODULE(MoeBlock);

class MoeTransformerImpl : public torch::nn::Module {
 public:
  explicit MoeTransformerImpl(const MoeModelConfig& config);

  // tokens: [B, S] int64 with S ≤ context. Capacity uses capacity_train in train() mode and
  // capacity_eval in eval() mode.
  ForwardResult forward(const torch::Tensor& tokens, const ForwardOptions& options = {});

  const MoeModelConfig& config() const { return config_; }
  Router router{nullptr};

 private:
  Dispatch route(const torch::Tensor& probs, int64_t group_size) const;

  MoeModelConfig config_;
  torch::nn::Embedding embedding_{nullptr};
  nn::PositionalEncoding positional_{nullptr};
  torch::nn::ModuleList blocks_{nullptr};
  torch::nn::LayerNorm final_norm_{nullptr};
  torch::nn::Linear head_{nullptr};
};
TORCH_MODULE(MoeTransformer);

// Mean next-token cross-entropy (nats) of a window batch [B, S+1]: the model reads tokens
// 0..S-1 and predicts 1..S. Returns the loss and the forward result (for routing statistics).
std::pair<torch::Tensor, ForwardResult> nextTokenLoss(MoeTransformer& model, const torch::Tensor& windows);

}  // namespace routescope::moe
