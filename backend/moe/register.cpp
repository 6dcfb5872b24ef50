#include "backend/moe/register.h"

#include "backend/moe/analysis/compare_job.h"
#include "backend/moe/register_data.h"
#include "backend/moe/trace_job.h"
#include "backend/moe/train_job.h"

namespace routescope::moe {

void registerMoeJobs(core::StudyRegistry& registry) {
  registerMoeDataJobs(registry);
  registry.add(trainJobKind());
  registry.add(traceJobKind());
  registry.add(analysis::compareJobKind());  // torch-free, but only the full study offers jobs
}

}  // namespace routescope::moe
