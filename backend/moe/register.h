#pragma once
#include "backend/core/study_registry.h"

namespace routescope::moe {

// Adds the moe study's job kinds.
void registerMoeJobs(core::StudyRegistry& registry);

}  // namespace routescope::moe
