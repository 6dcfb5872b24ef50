#pragma once
#include "backend/core/study_registry.h"

namespace routescope::traffic {

// Adds the traffic study's job kinds.
void registerTrafficJobs(core::StudyRegistry& registry);

}  // namespace routescope::traffic
