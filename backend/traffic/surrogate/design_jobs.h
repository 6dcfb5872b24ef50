#pragma once
// The network-design job kinds (study "traffic"): ndp-solve (exact | ga | ga-gnn),
// ndp-surrogate-train and ndp-experiment. They live with the surrogate because ga-gnn and the
// experiment need it (LibTorch), while routescope_traffic stays torch-free.

#include "backend/core/study_registry.h"

namespace routescope::traffic {

core::JobKind ndpSolveJobKind();
core::JobKind ndpSurrogateTrainJobKind();
core::JobKind ndpExperimentJobKind();
void registerDesignJobs(core::StudyRegistry& registry);

}  // namespace routescope::traffic
