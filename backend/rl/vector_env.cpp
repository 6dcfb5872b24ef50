#include "backend/rl/vector_env.h"

#include <algorithm>

#include "backend/core/error.h"
#include "backend/rl/seeding.h"
#include "backend/rl/state_io.h"

namespace routescope::rl {

VectorEnv::VectorEnv(const EnvironmentFactory& factory, int copies, uint64_t seed) {
  if (copies < 1) throw core::Error("environments: need at least one copy");
  for (int i = 0; i < copies; ++i) envs_.push_back(factory());
  obs_size_ = envs_[0]->observationSize();
  space_ = envs_[0]->actionSpace();
  const size_t n = envs_.size();
  obs_.resize(n * static_cast<size_t>(obs_size_));
  final_obs_.resize(obs_.size());
  const int actions = space_.kind == ActionSpace::Kind::Discrete ? space_.count : 0;
  masks_.assign(n * static_cast<size_t>(actions), uint8_t{1});
  terminated_.assign(n, 0);
  truncated_.assign(n, 0);
  rewards_.assign(n, 0.0);
  episode_return_.assign(n, 0.0);
  episode_length_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    envs_[i]->reset(
        streamSeed(seed, kTrainingCopies, i),
        std::span(obs_).subspan(i * static_cast<size_t>(obs_size_), static_cast<size_t>(obs_size_)));
  }
  refreshMasks();
}

void VectorEnv::refreshMasks() {
  if (space_.kind != ActionSpace::Kind::Discrete) return;
  const auto a = static_cast<size_t>(space_.count);
  for (size_t i = 0; i < envs_.size(); ++i) envs_[i]->actionMask(std::span(masks_).subspan(i * a, a));
}

std::span<const float> VectorEnv::finalObservation(int i) const {
  return std::span(final_obs_)
      .subspan(static_cast<size_t>(i) * static_cast<size_t>(obs_size_), static_cast<size_t>(obs_size_));
}

void VectorEnv::step(std::span<const double> actions) {
  const auto width = static_cast<size_t>(space_.size());
  const auto d = static_cast<size_t>(obs_size_);
  if (actions.size() != envs_.size() * width) throw core::Error("environments: wrong number of actions");
  finished_.clear();
  info_.clear();
  for (size_t i = 0; i < envs_.size(); ++i) {
    auto obs = std::span(obs_).subspan(i * d, d);
    StepResult result = envs_[i]->step(actions.subspan(i * width, width), obs);
    for (const auto& [key, value] : result.info) info_[key] += value;
    rewards_[i] = result.reward;
    terminated_[i] = result.terminated ? 1 : 0;
    truncated_[i] = (result.truncated && !result.terminated) ? 1 : 0;
    episode_return_[i] += result.reward;
    episode_length_[i] += 1;
    if (result.terminated || result.truncated) {
      std::copy(obs.begin(), obs.end(), final_obs_.begin() + static_cast<std::ptrdiff_t>(i * d));
      finished_.push_back(
          {static_cast<int>(i), episode_return_[i], episode_length_[i], result.success, truncated_[i] != 0});
      episode_return_[i] = 0.0;
      episode_length_[i] = 0;
      envs_[i]->reset(std::nullopt, obs);
    }
  }
  refreshMasks();
}

void VectorEnv::saveState(std::ostream& out) const {
  state::putVector(out, obs_);
  state::putVector(out, episode_return_);
  state::putVector(out, episode_length_);
  for (const auto& env : envs_) env->saveState(out);
}

void VectorEnv::loadState(std::istream& in) {
  auto obs = state::getVector<float>(in);
  auto returns = state::getVector<double>(in);
  auto lengths = state::getVector<int64_t>(in);
  if (obs.size() != obs_.size() || returns.size() != envs_.size() || lengths.size() != envs_.size()) {
    throw core::Error("checkpoint state: the number of environments or the observation size differs");
  }
  obs_ = std::move(obs);
  episode_return_ = std::move(returns);
  episode_length_ = std::move(lengths);
  for (auto& env : envs_) env->loadState(in);
  refreshMasks();
}

}  // namespace routescope::rl
