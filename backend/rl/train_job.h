#pragma once
// `rl train --env cartpole|pendulum|masked-grid` and `rl evaluate --run ID`: PPO on the reference
// environments with live metrics, checkpoints (network, Adam, normalisers, generators and
// environment states), exact resume and a deterministic evaluation on seeds of its own.
#include "backend/core/study_registry.h"

namespace routescope::rl {

core::JobKind trainJobKind();
core::JobKind evaluateJobKind();

}  // namespace routescope::rl
