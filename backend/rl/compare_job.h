#pragma once
// `rl compare --runs A,B,…`: the learning curve over seeds of several rl train runs — each run's
// episode returns smoothed over a window, aligned on a common step grid, and per step the mean or
// interquartile mean over runs with a stratified-bootstrap interval (backend/stats), plus the
// final value's interval. Stored as a run of its own with `learning_curve.csv`.
#include "backend/core/study_registry.h"

namespace routescope::rl {

core::JobKind compareJobKind();

}  // namespace routescope::rl
