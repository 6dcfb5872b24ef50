#pragma once
// Generalised advantage estimation (Schulman et al. 2016) over a rollout of T steps × N copies,
// with the two cases PPO needs: an episode that *terminated* at step t contributes no value after
// it; one *truncated* by a time limit is bootstrapped from the value of its final observation
// (which the rollout buffer keeps, since the copy was reset at once). A non-episodic stream (RND's
// intrinsic reward) ignores episode ends altogether and runs on across them.

#include <cstdint>
#include <span>
#include <vector>

namespace routescope::rl {

struct GaeInput {
  size_t steps = 0;                    // T
  size_t copies = 0;                   // N
  std::span<const float> rewards;      // [T × N]
  std::span<const float> values;       // [T × N], V(s_t)
  std::span<const uint8_t> done;       // [T × N], the episode ended after step t (terminated or truncated)
  std::span<const float> bootstrap;    // [T × N], V(final observation) where truncated at t, else 0
  std::span<const float> last_values;  // [N], V(s_T) of the observation after the rollout
  double gamma = 0.99;
  double lambda = 0.95;
  bool episodic = true;
};

struct GaeOutput {
  std::vector<float> advantages;  // [T × N]
  std::vector<float> returns;     // advantages + values: the value targets
};

GaeOutput computeGae(const GaeInput& input);

}  // namespace routescope::rl
