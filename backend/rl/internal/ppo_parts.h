#pragma once
// For studies that train with PPO but bring their own parts: a network (PolicyNetwork) and
// intrinsic reward streams (RND, RE3). Pass them to PpoTrainer's second constructor.
#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backend/core/safetensors.h"
#include "backend/rl/internal/policy.h"

namespace routescope::rl {

// The reward of one extra stream (PpoConfig::streams[k] for k ≥ 1), computed from the
// observations the policy sees.
class IntrinsicReward {
 public:
  virtual ~IntrinsicReward() = default;
  // Rewards [N] for the transitions that led to `next_observations` [N, D].
  virtual torch::Tensor rewards(const torch::Tensor& next_observations) = 0;
  // Learns once per update from the rollout's observations [B, D]; returns statistics to log.
  virtual std::map<std::string, double> update(const torch::Tensor& observations) { return {}; }
  // Checkpoint state under `prefix` (tensors and metadata), read back by load().
  virtual void save(core::SafetensorsWriter& writer, std::map<std::string, std::string>& metadata,
                    const std::string& prefix) const {}
  virtual void load(const core::SafetensorsFile& file, const std::string& prefix) {}
};

struct PpoParts {
  std::shared_ptr<PolicyNetwork> network;  // null: the MLP actor-critic
  // One per extra stream, in the order of PpoConfig::streams[1..].
  std::vector<std::shared_ptr<IntrinsicReward>> intrinsic;
};

}  // namespace routescope::rl
