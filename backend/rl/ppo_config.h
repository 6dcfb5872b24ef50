#pragma once
// PPO's settings with the defaults of "The 37 Implementation Details of PPO" (Huang et al. 2022)
// and CleanRL's ppo.py, and the config-schema fields every study that trains with PPO shares.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "backend/core/config.h"

namespace routescope::rl {

// One reward stream with its own discount, value head and return normaliser. Stream 0 is the
// environment's (extrinsic) reward; further streams are intrinsic rewards (e.g. RND), combined
// into the advantage by their coefficients: A = Σ coefficient_k · A_k.
struct RewardStream {
  std::string name = "extrinsic";
  double gamma = 0.99;
  bool episodic = true;
  double coefficient = 1.0;
  bool normalize_returns = false;
};

struct PpoConfig {
  int64_t total_steps = 100'000;  // environment steps over all copies
  int envs = 4;                   // synchronous copies
  int rollout = 128;              // steps per copy per update
  int minibatches = 4;
  int epochs = 4;
  double learning_rate = 2.5e-4;
  bool anneal_lr = true;  // linear decay to 0 over the updates
  double gae_lambda = 0.95;
  double clip = 0.2;
  bool clip_value = true;
  double entropy_coef = 0.01;
  double value_coef = 0.5;
  double max_grad_norm = 0.5;
  double target_kl = 0.0;  // 0: off; else stop the update's epochs once approx-KL exceeds it
  bool normalize_advantages = true;
  bool normalize_observations = false;
  double observation_clip = 10.0;
  double reward_clip = 10.0;
  double adam_eps = 1e-5;
  int hidden = 64;  // units per hidden layer (tanh), actor and critic apart
  int layers = 2;
  double initial_log_std = 0.0;  // Gaussian policies
  std::vector<RewardStream> streams{RewardStream{}};

  int64_t batch() const { return static_cast<int64_t>(envs) * rollout; }
  int64_t updates() const { return total_steps / batch(); }
  // Throws core::Error naming the first impossible setting (e.g. a batch not divisible into minibatches).
  void check() const;
};

// Adds the PPO fields, under `prefix` (e.g. "ppo."), with `defaults` as their defaults.
void addPpoFields(core::ConfigSchema& schema, const PpoConfig& defaults, const std::string& prefix = "");
// Reads them back from a resolved config (stream 0's gamma and return normalisation included).
PpoConfig ppoConfigFrom(const nlohmann::json& config, const std::string& prefix = "");
// The fields of `config` that differ from the defaults, as dotted keys under `prefix`: a
// preset of a job kind that called addPpoFields.
nlohmann::json ppoPreset(const PpoConfig& config, const std::string& prefix = "");

}  // namespace routescope::rl
