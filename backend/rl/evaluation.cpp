#include "backend/rl/evaluation.h"

#include <cmath>

#include "backend/core/error.h"
#include "backend/rl/seeding.h"

namespace routescope::rl {

uint64_t evaluationSeed(uint64_t training_seed) {
  return splitMix64(training_seed ^ 0x65766131ull);  // "eva1"
}

EvaluationResult evaluatePolicy(const EnvironmentFactory& factory, const PolicyFunction& policy,
                                const EvaluationOptions& options) {
  if (options.episodes < 1) throw core::Error("evaluation: episodes must be at least 1");
  EvaluationResult result;
  std::mt19937_64 rng(streamSeed(options.seed, kEvaluationSampling));
  auto env = factory();
  const auto space = env->actionSpace();
  std::vector<float> obs(static_cast<size_t>(env->observationSize()));
  std::vector<uint8_t> mask(space.kind == ActionSpace::Kind::Discrete ? static_cast<size_t>(space.count) : 0,
                            1);
  std::vector<double> action(static_cast<size_t>(space.size()));
  for (int e = 0; e < options.episodes; ++e) {
    env->reset(streamSeed(options.seed, kEvaluationEpisodes, static_cast<uint64_t>(e)), obs);
    EpisodeRecord record;
    for (int64_t t = 0; t < options.max_steps; ++t) {
      if (options.cancelled && options.cancelled()) throw core::JobCancelled();
      env->actionMask(mask);
      policy(obs, mask, options.stochastic, rng, action);
      const StepResult step = env->step(action, obs);
      record.episode_return += step.reward;
      record.length += 1;
      if (step.terminated || step.truncated) {
        record.success = step.success;
        break;
      }
    }
    result.episodes.push_back(record);
  }
  const double n = static_cast<double>(result.episodes.size());
  for (const auto& r : result.episodes) {
    result.mean_return += r.episode_return;
    result.mean_length += static_cast<double>(r.length);
    result.success_rate += r.success ? 1.0 : 0.0;
  }
  result.mean_return /= n;
  result.mean_length /= n;
  result.success_rate /= n;
  for (const auto& r : result.episodes) {
    result.std_return +=
        (r.episode_return - result.mean_return) * (r.episode_return - result.mean_return) / n;
  }
  result.std_return = std::sqrt(result.std_return);
  return result;
}

}  // namespace routescope::rl
