#include "backend/rl/envs/pendulum.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "backend/rl/state_io.h"

namespace routescope::rl {
namespace {
constexpr double kG = 10.0, kMass = 1.0, kLength = 1.0, kDt = 0.05, kMaxSpeed = 8.0, kMaxTorque = 2.0;
constexpr double kPi = std::numbers::pi;
}  // namespace

void Pendulum::write(std::span<float> observation) const {
  observation[0] = static_cast<float>(std::cos(theta_));
  observation[1] = static_cast<float>(std::sin(theta_));
  observation[2] = static_cast<float>(theta_dot_);
}

void Pendulum::reset(std::optional<uint64_t> seed, std::span<float> observation) {
  if (seed) rng_.seed(*seed);
  theta_ = std::uniform_real_distribution<double>(-kPi, kPi)(rng_);
  theta_dot_ = std::uniform_real_distribution<double>(-1.0, 1.0)(rng_);
  steps_ = 0;
  write(observation);
}

StepResult Pendulum::step(std::span<const double> action, std::span<float> observation) {
  const double u = std::clamp(action[0], -kMaxTorque, kMaxTorque);
  const double angle = std::fmod(std::fmod(theta_ + kPi, 2 * kPi) + 2 * kPi, 2 * kPi) - kPi;
  StepResult result;
  result.reward = -(angle * angle + 0.1 * theta_dot_ * theta_dot_ + 0.001 * u * u);
  theta_dot_ = std::clamp(
      theta_dot_ + (3 * kG / (2 * kLength) * std::sin(theta_) + 3.0 / (kMass * kLength * kLength) * u) * kDt,
      -kMaxSpeed, kMaxSpeed);
  theta_ += theta_dot_ * kDt;
  ++steps_;
  write(observation);
  result.truncated = steps_ >= kMaxSteps;
  return result;
}

void Pendulum::saveState(std::ostream& out) const {
  state::putRng(out, rng_);
  state::put(out, theta_);
  state::put(out, theta_dot_);
  state::put(out, steps_);
}

void Pendulum::loadState(std::istream& in) {
  state::getRng(in, rng_);
  theta_ = state::get<double>(in);
  theta_dot_ = state::get<double>(in);
  steps_ = state::get<int>(in);
}

}  // namespace routescope::rl
