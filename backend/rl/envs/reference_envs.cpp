#include "backend/rl/envs/reference_envs.h"

#include "backend/core/error.h"
#include "backend/rl/envs/cartpole.h"
#include "backend/rl/envs/masked_grid.h"
#include "backend/rl/envs/pendulum.h"

namespace routescope::rl {

const std::vector<std::string>& referenceEnvironmentNames() {
  static const std::vector<std::string> names{"cartpole", "pendulum", "masked-grid"};
  return names;
}

EnvironmentFactory referenceEnvironment(const std::string& name) {
  if (name == "cartpole") return [] { return std::make_unique<CartPole>(); };
  if (name == "pendulum") return [] { return std::make_unique<Pendulum>(); };
  if (name == "masked-grid") return [] { return std::make_unique<MaskedGrid>(); };
  throw core::Error("env '" + name + "': unknown environment (known: cartpole, pendulum, masked-grid)");
}

PpoConfig referencePpoConfig(const std::string& name) {
  PpoConfig config;  // CartPole: the defaults
  if (name == "pendulum") {
    config.total_steps = 200'000;
    config.rollout = 512;
    config.minibatches = 8;
    config.epochs = 10;
    config.learning_rate = 1e-3;
    config.entropy_coef = 0.0;
    config.normalize_observations = true;
    config.streams[0].gamma = 0.9;
    config.streams[0].normalize_returns = true;
  } else if (name == "masked-grid") {
    config.total_steps = 50'000;
    config.learning_rate = 2.5e-3;
  } else if (name != "cartpole") {
    referenceEnvironment(name);  // throws, naming the known ones
  }
  return config;
}

}  // namespace routescope::rl
