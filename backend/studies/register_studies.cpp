#include "backend/studies/register_studies.h"

#include "backend/moe/register.h"
#include "backend/rl/register.h"
#include "backend/system/register.h"
#include "backend/traffic/register.h"
#include "backend/traffic/surrogate/design_jobs.h"

namespace routescope::studies {

void registerAllStudies(core::StudyRegistry& registry) {
  system::registerSystemJobs(registry);
  moe::registerMoeJobs(registry);
  rl::registerRlJobs(registry);
  traffic::registerTrafficJobs(registry);
  traffic::registerDesignJobs(registry);
}

}  // namespace routescope::studies
