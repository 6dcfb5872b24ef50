#pragma once
// Pendulum swing-up (Gymnasium's Pendulum-v1): g 10, m 1, l 1, dt 0.05, speed clipped to ±8,
// torque clipped to ±2; observation (cos θ, sin θ, θ̇); reward −(θ² + 0.1 θ̇² + 0.001 u²) with θ
// normalised to [−π, π); truncated at 200 steps, never terminated; start θ ~ U(−π, π), θ̇ ~ U(−1, 1).
#include <random>

#include "backend/rl/environment.h"

namespace routescope::rl {

class Pendulum : public Environment {
 public:
  static constexpr int kMaxSteps = 200;
  std::string name() const override { return "pendulum"; }
  int observationSize() const override { return 3; }
  ActionSpace actionSpace() const override { return ActionSpace::box({-2.0}, {2.0}); }
  void reset(std::optional<uint64_t> seed, std::span<float> observation) override;
  StepResult step(std::span<const double> action, std::span<float> observation) override;
  void saveState(std::ostream& out) const override;
  void loadState(std::istream& in) override;

 private:
  void write(std::span<float> observation) const;
  std::mt19937_64 rng_;
  double theta_ = 0, theta_dot_ = 0;
  int steps_ = 0;
};

}  // namespace routescope::rl
