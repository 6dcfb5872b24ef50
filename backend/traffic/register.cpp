#include "backend/traffic/register.h"

#include "backend/traffic/jobs.h"

namespace routescope::traffic {

void registerTrafficJobs(core::StudyRegistry& registry) {
  registry.add(assignJobKind());
  registry.add(compareJobKind());
  registry.add(generateJobKind());
  registry.add(whatifJobKind());
}

}  // namespace routescope::traffic
