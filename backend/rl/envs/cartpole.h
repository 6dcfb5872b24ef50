#pragma once
// CartPole (Barto, Sutton & Anderson 1983, as in Gymnasium's CartPole-v1): gravity 9.8, cart mass
// 1.0, pole mass 0.1, pole half-length 0.5, force ±10, τ 0.02 (Euler); terminated when |x| > 2.4
// or |θ| > 12°, truncated at 500 steps; reward 1 per step; start state uniform in ±0.05.
#include <random>

#include "backend/rl/environment.h"

namespace routescope::rl {

class CartPole : public Environment {
 public:
  static constexpr int kMaxSteps = 500;
  std::string name() const override { return "cartpole"; }
  int observationSize() const override { return 4; }
  ActionSpace actionSpace() const override { return ActionSpace::discrete(2); }
  void reset(std::optional<uint64_t> seed, std::span<float> observation) override;
  StepResult step(std::span<const double> action, std::span<float> observation) override;
  void saveState(std::ostream& out) const override;
  void loadState(std::istream& in) override;

 private:
  void write(std::span<float> observation) const;
  std::mt19937_64 rng_;
  double x_ = 0, x_dot_ = 0, theta_ = 0, theta_dot_ = 0;
  int steps_ = 0;
};

}  // namespace routescope::rl
