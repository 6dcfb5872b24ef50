#include "backend/moe/register_data.h"

#include "backend/moe/data_jobs.h"

namespace routescope::moe {

void registerMoeDataJobs(core::StudyRegistry& registry) {
  registry.add(corpusJobKind());
  registry.add(tokenizerJobKind());
  registry.add(importTraceJobKind());
  registry.add(inspectCheckpointJobKind());
}

}  // namespace routescope::moe
