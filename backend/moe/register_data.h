#pragma once
#include "backend/core/study_registry.h"

namespace routescope::moe {

// Adds the data job kinds of the moe study: corpus, tokenizer, import-trace, inspect-checkpoint.
void registerMoeDataJobs(core::StudyRegistry& registry);

}  // namespace routescope::moe
