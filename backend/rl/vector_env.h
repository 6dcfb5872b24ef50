#pragma once
// N copies of an environment stepped together (synchronously), with automatic reset: when an
// episode ends, the copy is reset at once and its final observation is kept aside, so that a
// truncated episode can be bootstrapped from the value of where it actually ended.

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "backend/rl/environment.h"

namespace routescope::rl {

// Statistics of one finished episode of a vectorised environment.
struct EpisodeEnd {
  int env = 0;
  double episode_return = 0.0;  // undiscounted sum of the environment's rewards
  int64_t length = 0;
  bool success = false;
  bool truncated = false;
};

class VectorEnv {
 public:
  // Copy i is first reset with streamSeed(seed, kTrainingCopies, i); later resets continue each
  // copy's own generator.
  VectorEnv(const EnvironmentFactory& factory, int copies, uint64_t seed);

  int copies() const { return static_cast<int>(envs_.size()); }
  int observationSize() const { return obs_size_; }
  const ActionSpace& actionSpace() const { return space_; }
  const Environment& env(int i) const { return *envs_[static_cast<size_t>(i)]; }

  // Current observations [copies × observationSize], after any automatic reset.
  std::span<const float> observations() const { return obs_; }
  // Masks of the current states [copies × actions] (Discrete only; all ones otherwise).
  std::span<const uint8_t> masks() const { return masks_; }

  // Steps every copy with its row of `actions` [copies × actionSpace().size()].
  void step(std::span<const double> actions);
  // Of the last step, per copy:
  std::span<const double> rewards() const { return rewards_; }
  std::span<const uint8_t> terminated() const { return terminated_; }
  std::span<const uint8_t> truncated() const { return truncated_; }
  // The observation the episode ended in (valid where terminated or truncated).
  std::span<const float> finalObservation(int i) const;
  // Episodes that ended in the last step.
  const std::vector<EpisodeEnd>& finished() const { return finished_; }
  // StepResult::info of the last step, summed over the copies.
  const std::map<std::string, double>& info() const { return info_; }

  // Exact state of every copy plus the running episode statistics (for checkpoints).
  void saveState(std::ostream& out) const;
  void loadState(std::istream& in);

 private:
  void refreshMasks();
  std::vector<std::unique_ptr<Environment>> envs_;
  int obs_size_ = 0;
  ActionSpace space_;
  std::vector<float> obs_, final_obs_;
  std::vector<uint8_t> masks_, terminated_, truncated_;
  std::vector<double> rewards_, episode_return_;
  std::vector<int64_t> episode_length_;
  std::vector<EpisodeEnd> finished_;
  std::map<std::string, double> info_;
};

}  // namespace routescope::rl
