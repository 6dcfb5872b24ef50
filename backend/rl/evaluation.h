#pragma once
// Deterministic evaluation of a policy: fresh environments on seeds of their own (disjoint from
// training's), deterministic (argmax / mean) or stochastic actions, one record per episode.

#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

#include "backend/rl/environment.h"

namespace routescope::rl {

// Writes the action for one observation (already as the environment gives it) and its mask.
using PolicyFunction = std::function<void(std::span<const float> observation, std::span<const uint8_t> mask,
                                          bool stochastic, std::mt19937_64& rng, std::span<double> action)>;

struct EvaluationOptions {
  int episodes = 20;
  bool stochastic = false;
  // Episode e is reset with streamSeed(seed, kEvaluationEpisodes, e); stochastic actions are drawn
  // from streamSeed(seed, kEvaluationSampling).
  uint64_t seed = 0;
  int64_t max_steps = 1'000'000;  // per episode, a guard against environments without a limit
  std::function<bool()> cancelled;
};

struct EpisodeRecord {
  double episode_return = 0.0;
  int64_t length = 0;
  bool success = false;
};

struct EvaluationResult {
  std::vector<EpisodeRecord> episodes;
  double mean_return = 0.0;
  double std_return = 0.0;  // population standard deviation over episodes
  double mean_length = 0.0;
  double success_rate = 0.0;
};

// The evaluation seed of a run trained with `training_seed`: its streams (seeding.h) are
// distinct from the training streams, so evaluation starts are never training starts.
uint64_t evaluationSeed(uint64_t training_seed);

// Throws core::JobCancelled when options.cancelled() turns true.
EvaluationResult evaluatePolicy(const EnvironmentFactory& factory, const PolicyFunction& policy,
                                const EvaluationOptions& options);

}  // namespace routescope::rl
