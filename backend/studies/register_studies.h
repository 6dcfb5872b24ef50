#pragma once
// Every study's job kinds, registered in one place so the CLI, the GUI and the headless demo
// offer the same jobs.
#include "backend/core/study_registry.h"

namespace routescope::studies {

void registerAllStudies(core::StudyRegistry& registry);

}  // namespace routescope::studies
