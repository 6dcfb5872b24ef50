#include "backend/moe/register.h"

namespace routescope::moe {

void registerMoeJobs(core::StudyRegistry& registry) {
  (void)registry;
}

}  // namespace routescope::moe
