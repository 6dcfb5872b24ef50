#pragma once
// LibTorch side of the PPO policies: the network interface PPO trains, the MLP actor-critic, and
// the two action distributions (masked categorical, diagonal Gaussian with state-independent
// log-std). Only backend .cpp files include this.
#include <torch/torch.h>

#include "backend/rl/environment.h"

namespace routescope::rl {

// What PPO needs of a network. Studies with their own architecture (graph attention over
// vertiports, say) derive from it.
class PolicyNetwork : public torch::nn::Module {
 public:
  // [B, actions] logits (Discrete) or [B, dims] means (Box).
  virtual torch::Tensor actionParameters(const torch::Tensor& observations) = 0;
  // [B, streams]: one value head per reward stream.
  virtual torch::Tensor values(const torch::Tensor& observations) = 0;
  // Box policies: the state-independent log std [dims]; undefined for Discrete.
  virtual torch::Tensor logStd() { return {}; }
};

// Linear layer with orthogonal weights of the given gain and zero bias (detail 2 of the 37).
torch::nn::Linear orthogonalLinear(int64_t in, int64_t out, double gain);

// Separate actor and critic MLPs of `layers` × `hidden` tanh units: gains √2 for hidden layers,
// 0.01 for the policy head, 1 for the value heads.
class MlpActorCritic : public PolicyNetwork {
 public:
  MlpActorCritic(int64_t observation_size, const ActionSpace& space, int64_t hidden, int64_t layers,
                 int64_t value_heads, double initial_log_std);
  torch::Tensor actionParameters(const torch::Tensor& observations) override;
  torch::Tensor values(const torch::Tensor& observations) override;
  torch::Tensor logStd() override { return log_std_; }

 private:
  torch::nn::Sequential actor_{nullptr}, critic_{nullptr};
  torch::Tensor log_std_;
};

// Masked categorical: invalid actions' logits become the lowest float before the softmax, so
// their probability is exactly 0 and no gradient reaches them. mask: bool [B, A] (true = valid).
torch::Tensor maskLogits(const torch::Tensor& logits, const torch::Tensor& mask);
// log π(a) [B] and entropy [B] from masked logits; actions: long [B].
torch::Tensor categoricalLogProb(const torch::Tensor& masked_logits, const torch::Tensor& actions);
torch::Tensor categoricalEntropy(const torch::Tensor& masked_logits);
// Diagonal Gaussian: log π(a) summed over dimensions [B]; entropy [B].
torch::Tensor gaussianLogProb(const torch::Tensor& mean, const torch::Tensor& log_std,
                              const torch::Tensor& actions);
torch::Tensor gaussianEntropy(const torch::Tensor& mean, const torch::Tensor& log_std);

}  // namespace routescope::rl
