#include "backend/rl/envs/masked_grid.h"

#include <algorithm>
#include <array>

#include "backend/core/error.h"
#include "backend/rl/state_io.h"

namespace routescope::rl {
namespace {
// N, NE, E, SE, S, SW, W, NW: even indices orthogonal, odd ones diagonal.
constexpr std::array<int, 8> kDx{0, 1, 1, 1, 0, -1, -1, -1};
constexpr std::array<int, 8> kDy{1, 1, 0, -1, -1, -1, 0, 1};
}  // namespace

int MaskedGrid::dx(int action) {
  return kDx[static_cast<size_t>(action)];
}
int MaskedGrid::dy(int action) {
  return kDy[static_cast<size_t>(action)];
}

void MaskedGrid::write(std::span<float> observation) const {
  std::fill(observation.begin(), observation.end(), 0.0f);
  observation[static_cast<size_t>(y_ * kSize + x_)] = 1.0f;
}

void MaskedGrid::reset(std::optional<uint64_t>, std::span<float> observation) {
  x_ = 0;
  y_ = 0;
  steps_ = 0;
  write(observation);
}

void MaskedGrid::actionMask(std::span<uint8_t> mask) const {
  for (int a = 0; a < kActions; ++a) mask[static_cast<size_t>(a)] = valid(x_, a) ? 1 : 0;
}

StepResult MaskedGrid::step(std::span<const double> action, std::span<float> observation) {
  const int a = static_cast<int>(action[0]);
  if (a < 0 || a >= kActions) throw core::Error("masked-grid: action " + std::to_string(a) + " out of range");
  StepResult result;
  if (!valid(x_, a)) {
    result.info["masked_action"] = 1.0;  // counted by the trainer; the move is not made
  } else {
    const int nx = x_ + dx(a), ny = y_ + dy(a);
    if (nx >= 0 && nx < kSize && ny >= 0 && ny < kSize) {
      x_ = nx;
      y_ = ny;
    }
  }
  ++steps_;
  write(observation);
  result.reward = -1.0;
  result.terminated = x_ == kSize - 1 && y_ == kSize - 1;
  result.truncated = !result.terminated && steps_ >= kMaxSteps;
  result.success = result.terminated;
  return result;
}

void MaskedGrid::saveState(std::ostream& out) const {
  state::put(out, x_);
  state::put(out, y_);
  state::put(out, steps_);
}

void MaskedGrid::loadState(std::istream& in) {
  x_ = state::get<int>(in);
  y_ = state::get<int>(in);
  steps_ = state::get<int>(in);
}

}  // namespace routescope::rl
