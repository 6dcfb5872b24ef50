#pragma once

#include "backend/core/study_registry.h"

namespace routescope::system {

// Adds `system profile` and `system train-check`.
void registerSystemJobs(core::StudyRegistry& registry);

}  // namespace routescope::system
