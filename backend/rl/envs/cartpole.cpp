#include "backend/rl/envs/cartpole.h"

#include <cmath>
#include <numbers>

#include "backend/rl/state_io.h"

namespace routescope::rl {
namespace {
constexpr double kGravity = 9.8, kCartMass = 1.0, kPoleMass = 0.1, kHalfLength = 0.5, kForce = 10.0;
constexpr double kTau = 0.02, kXLimit = 2.4;
constexpr double kThetaLimit = 12.0 * 2.0 * std::numbers::pi / 360.0;
}  // namespace

void CartPole::write(std::span<float> observation) const {
  observation[0] = static_cast<float>(x_);
  observation[1] = static_cast<float>(x_dot_);
  observation[2] = static_cast<float>(theta_);
  observation[3] = static_cast<float>(theta_dot_);
}

void CartPole::reset(std::optional<uint64_t> seed, std::span<float> observation) {
  if (seed) rng_.seed(*seed);
  std::uniform_real_distribution<double> start(-0.05, 0.05);
  x_ = start(rng_);
  x_dot_ = start(rng_);
  theta_ = start(rng_);
  theta_dot_ = start(rng_);
  steps_ = 0;
  write(observation);
}

StepResult CartPole::step(std::span<const double> action, std::span<float> observation) {
  const double force = action[0] >= 0.5 ? kForce : -kForce;
  const double total_mass = kCartMass + kPoleMass;
  const double pole_mass_length = kPoleMass * kHalfLength;
  const double cos_t = std::cos(theta_), sin_t = std::sin(theta_);
  const double temp = (force + pole_mass_length * theta_dot_ * theta_dot_ * sin_t) / total_mass;
  const double theta_acc = (kGravity * sin_t - cos_t * temp) /
                           (kHalfLength * (4.0 / 3.0 - kPoleMass * cos_t * cos_t / total_mass));
  const double x_acc = temp - pole_mass_length * theta_acc * cos_t / total_mass;
  x_ += kTau * x_dot_;
  x_dot_ += kTau * x_acc;
  theta_ += kTau * theta_dot_;
  theta_dot_ += kTau * theta_acc;
  ++steps_;
  write(observation);
  StepResult result;
  result.reward = 1.0;
  result.terminated = std::abs(x_) > kXLimit || std::abs(theta_) > kThetaLimit;
  result.truncated = !result.terminated && steps_ >= kMaxSteps;
  result.success = result.truncated;
  return result;
}

void CartPole::saveState(std::ostream& out) const {
  state::putRng(out, rng_);
  for (double v : {x_, x_dot_, theta_, theta_dot_}) state::put(out, v);
  state::put(out, steps_);
}

void CartPole::loadState(std::istream& in) {
  state::getRng(in, rng_);
  x_ = state::get<double>(in);
  x_dot_ = state::get<double>(in);
  theta_ = state::get<double>(in);
  theta_dot_ = state::get<double>(in);
  steps_ = state::get<int>(in);
}

}  // namespace routescope::rl
