#include "backend/rl/register.h"

#include "backend/rl/compare_job.h"
#include "backend/rl/train_job.h"

namespace routescope::rl {

void registerRlJobs(core::StudyRegistry& registry) {
  registry.add(trainJobKind());
  registry.add(evaluateJobKind());
  registry.add(compareJobKind());
}

}  // namespace routescope::rl
