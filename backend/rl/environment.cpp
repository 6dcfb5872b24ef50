#include "backend/rl/environment.h"

#include <algorithm>

#include "backend/core/error.h"

namespace routescope::rl {

void Environment::actionMask(std::span<uint8_t> mask) const {
  std::fill(mask.begin(), mask.end(), uint8_t{1});
}

void Environment::saveState(std::ostream&) const {
  throw core::Error("environment " + name() + " cannot save its mid-episode state (no checkpoint resume)");
}

void Environment::loadState(std::istream&) {
  throw core::Error("environment " + name() + " cannot restore a mid-episode state (no checkpoint resume)");
}

}  // namespace routescope::rl
