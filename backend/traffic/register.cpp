#include "backend/traffic/register.h"

namespace routescope::traffic {

void registerTrafficJobs(core::StudyRegistry& registry) {
  (void)registry;
}

}  // namespace routescope::traffic
