#pragma once
// A masked-action grid task whose optimal return is known in closed form (a check that masks are
// honoured and learned around). An 8×8 grid, start (0, 0), goal (7, 7); eight king moves
// N, NE, E, SE, S, SW, W, NW. In even columns only the four orthogonal moves are valid, in odd
// columns only the four diagonal ones: a state-dependent half of the actions is masked. A move
// off the grid leaves the agent where it is. Reward −1 per step; the episode terminates at the
// goal and is truncated after 64 steps. Observation: the one-hot cell (64 values).
//
// Optimal return: every step changes x by at most 1, so at least 7 steps move east. Of the moves
// that leave a column, those from odd columns are diagonal (y ± 1) and those from even columns
// are E/W (y unchanged): a monotone walk from column 0 to 7 gains y only on its 3 diagonal
// steps. The other 4 units of y need steps that keep x, i.e. N in an even column (any detour
// west costs two steps for at most one unit of y). Hence 7 + (7 − 3) = 11 steps, return −11.
#include <cstdint>

#include "backend/rl/environment.h"

namespace routescope::rl {

class MaskedGrid : public Environment {
 public:
  static constexpr int kSize = 8;
  static constexpr int kMaxSteps = 64;
  static constexpr int kActions = 8;
  // The closed form above, for a kSize × kSize grid (kSize even) from corner to corner.
  static constexpr int optimalSteps() { return (kSize - 1) + ((kSize - 1) - (kSize - 1) / 2); }
  static constexpr double optimalReturn() { return -static_cast<double>(optimalSteps()); }
  // Whether action a is valid in column x (the rule above).
  static bool valid(int x, int action) { return (x % 2 == 0) == (action % 2 == 0); }
  static int dx(int action);
  static int dy(int action);

  std::string name() const override { return "masked-grid"; }
  int observationSize() const override { return kSize * kSize; }
  ActionSpace actionSpace() const override { return ActionSpace::discrete(kActions); }
  void reset(std::optional<uint64_t> seed, std::span<float> observation) override;
  StepResult step(std::span<const double> action, std::span<float> observation) override;
  void actionMask(std::span<uint8_t> mask) const override;
  void saveState(std::ostream& out) const override;
  void loadState(std::istream& in) override;

 private:
  void write(std::span<float> observation) const;
  int x_ = 0, y_ = 0, steps_ = 0;
};

}  // namespace routescope::rl
