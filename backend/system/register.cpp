#include "backend/system/register.h"

#include "backend/system/machine_profile.h"
#include "backend/system/train_check.h"

namespace routescope::system {

void registerSystemJobs(core::StudyRegistry& registry) {
  registry.add(machineProfileJobKind());
  registry.add(trainCheckJobKind());
}

}  // namespace routescope::system
