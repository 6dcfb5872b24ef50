#pragma once
// PPO (Schulman et al. 2017) with the implementation details that matter (Huang et al., "The 37
// Implementation Details of PPO", 2022; CleanRL's ppo.py / ppo_continuous_action.py): N
// synchronous copies with auto-reset, fixed-length rollouts, GAE with bootstrapping of truncated
// episodes, the clipped objective and clipped value loss, per-minibatch advantage normalisation,
// orthogonal initialisation, Adam ε 1e-5 with linear learning-rate annealing, global gradient-norm
// clipping, an entropy bonus, approx-KL and clip-fraction monitoring with an optional target-KL
// stop; masked categorical or diagonal Gaussian policies; observation and return normalisers;
// several reward streams. LibTorch stays behind this header (pimpl); studies that bring their own
// network or intrinsic rewards use backend/rl/internal/ppo_parts.h.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backend/rl/environment.h"
#include "backend/rl/evaluation.h"
#include "backend/rl/ppo_config.h"
#include "backend/rl/vector_env.h"

namespace routescope::rl {

struct PpoParts;  // custom network and intrinsic rewards (internal/ppo_parts.h)

struct PpoUpdateStats {
  int64_t update = 0;  // 1-based index of the update just done
  int64_t global_step = 0;
  double learning_rate = 0.0;
  double policy_loss = 0.0, value_loss = 0.0, entropy = 0.0;
  double approx_kl = 0.0, clip_fraction = 0.0;
  double explained_variance = 0.0;  // of stream 0's value head
  int epochs = 0;                   // fewer than configured after a target-KL stop
  double steps_per_s = 0.0;         // of this update, rollout and learning together
  // Episodes finished during the rollout, each with the global step it ended at.
  std::vector<std::pair<int64_t, EpisodeEnd>> episodes;
  // Sums over the rollout of the environments' StepResult::info entries, and intrinsic
  // rewards' own statistics ("<stream>/…").
  std::map<std::string, double> info;
};

class PpoTrainer {
 public:
  // An MLP actor-critic (config.layers × config.hidden tanh, actor and critic apart).
  PpoTrainer(PpoConfig config, EnvironmentFactory factory, uint64_t seed);
  PpoTrainer(PpoConfig config, EnvironmentFactory factory, uint64_t seed, std::shared_ptr<PpoParts> parts);
  ~PpoTrainer();
  PpoTrainer(const PpoTrainer&) = delete;
  PpoTrainer& operator=(const PpoTrainer&) = delete;

  const PpoConfig& config() const;
  int64_t updatesDone() const;
  int64_t globalStep() const;
  bool finished() const { return updatesDone() >= config().updates(); }

  // One rollout and one learning phase. `cancelled` is polled every environment step and every
  // minibatch; when it
  // turns true, core::JobCancelled is thrown and the trainer is half-way through a rollout: only
  // its last checkpoint is a point to resume from.
  PpoUpdateStats iterate(const std::function<bool()>& cancelled = {});

  // Everything needed to continue exactly: network, Adam moments, normalisers, random
  // generators, environment states, counters. Written atomically (safetensors).
  void saveCheckpoint(const std::string& path) const;
  // Throws core::Error naming the file when it does not fit this trainer's shapes.
  void loadCheckpoint(const std::string& path);

  // The current policy for evaluation (observation normalisation frozen at its current state).
  // It uses the trainer's live network: call it between iterate() calls, on the same thread, and
  // only while the trainer lives.
  PolicyFunction policy() const;

 private:
  struct Impl;
  friend PolicyFunction loadPolicy(const PpoConfig&, const EnvironmentFactory&, const std::string&);
  std::unique_ptr<Impl> impl_;
};

// A policy read from a checkpoint without the trainer's environments (for `rl evaluate`).
// `config` must be the training run's; throws core::Error naming the file on a mismatch.
PolicyFunction loadPolicy(const PpoConfig& config, const EnvironmentFactory& factory,
                          const std::string& path);

}  // namespace routescope::rl
