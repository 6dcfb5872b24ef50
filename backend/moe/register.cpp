#include "backend/moe/register.h"

#include "backend/moe/register_data.h"
#include "backend/moe/train_job.h"

namespace routescope::moe {

void registerMoeJobs(core::StudyRegistry& registry) {
  registerMoeDataJobs(registry);
  registry.add(trainJobKind());
}

}  // namespace routescope::moe
