#pragma once
// "Training check": a small MLP regression trained with Adam on seeded synthetic data. It proves
// that LibTorch trains on this machine (CPU or GPU), that a seeded run is reproduced exactly by
// `runs rerun`, and it is the job the cancellation and queue tests drive. Saves its weights as a
// safetensors artifact.

#include "backend/core/study_registry.h"

namespace routescope::system {

core::JobKind trainCheckJobKind();

}  // namespace routescope::system
