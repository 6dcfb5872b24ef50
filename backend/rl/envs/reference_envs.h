#pragma once
// The reference environments shipped for tests and benchmarks, by name.
#include <string>
#include <vector>

#include "backend/rl/environment.h"
#include "backend/rl/ppo_config.h"

namespace routescope::rl {

// "cartpole", "pendulum", "masked-grid".
const std::vector<std::string>& referenceEnvironmentNames();
// Throws core::Error naming the unknown environment and the known ones.
EnvironmentFactory referenceEnvironment(const std::string& name);

// The PPO settings each reference environment is trained with by default (rl train's presets,
// the tests and the benchmark): CleanRL's ppo.py for CartPole, the PyTorch reference's Pendulum
// settings (../shared/bench/ref_ppo.py), a faster learning rate for the small tabular grid.
PpoConfig referencePpoConfig(const std::string& name);

}  // namespace routescope::rl
