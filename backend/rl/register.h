#pragma once
#include "backend/core/study_registry.h"

namespace routescope::rl {

void registerRlJobs(core::StudyRegistry& registry);

}  // namespace routescope::rl
