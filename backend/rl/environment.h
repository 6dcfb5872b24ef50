#pragma once
// The environment interface that studies implement for reinforcement learning (Gymnasium-like):
// reset(seed) → observation, step(action) → observation, reward, terminated, truncated, info, and
// the mask of valid discrete actions, asked before every step. Torch-free: environments are plain
// C++ simulations; the trainer owns the tensors.

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace routescope::rl {

struct ActionSpace {
  enum class Kind { Discrete, Box };
  Kind kind = Kind::Discrete;
  int count = 0;             // Discrete: number of actions (indices 0..count-1)
  std::vector<double> low;   // Box: per dimension; the environment clips to [low, high]
  std::vector<double> high;  // Box
  int size() const { return kind == Kind::Discrete ? 1 : static_cast<int>(low.size()); }

  static ActionSpace discrete(int count) { return {Kind::Discrete, count, {}, {}}; }
  static ActionSpace box(std::vector<double> low, std::vector<double> high) {
    return {Kind::Box, 0, std::move(low), std::move(high)};
  }
};

struct StepResult {
  double reward = 0.0;
  bool terminated = false;  // a terminal state: no bootstrapping
  bool truncated = false;   // a time limit: the value of the final observation is bootstrapped
  // Meaningful when the episode ends: did it reach its goal (evaluation reports the share).
  bool success = false;
  // Optional named quantities of this step (profit components, violations); may stay empty.
  std::map<std::string, double> info;
};

class Environment {
 public:
  virtual ~Environment() = default;
  virtual std::string name() const = 0;
  virtual int observationSize() const = 0;
  virtual ActionSpace actionSpace() const = 0;

  // Starts an episode and writes its first observation. A seed re-seeds the environment's own
  // random generator; without one, it continues from where it is (as Gymnasium does).
  virtual void reset(std::optional<uint64_t> seed, std::span<float> observation) = 0;
  // Applies `action` (Discrete: one value, the index; Box: one value per dimension, unclipped)
  // and writes the next observation.
  virtual StepResult step(std::span<const double> action, std::span<float> observation) = 0;
  // Discrete actions only: 1 for a valid action, 0 for a masked one; all valid by default.
  virtual void actionMask(std::span<uint8_t> mask) const;

  // Exact mid-episode state (random generator included), so that a resumed training run
  // continues to the same numbers. Environments that cannot do this keep the default, which
  // throws core::Error naming the environment.
  virtual void saveState(std::ostream& out) const;
  virtual void loadState(std::istream& in);
};

using EnvironmentFactory = std::function<std::unique_ptr<Environment>()>;

}  // namespace routescope::rl
