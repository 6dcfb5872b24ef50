#pragma once
// The traffic study's job kinds (study "traffic"): assign, compare, generate, whatif
// (the network-design jobs are in surrogate/design_jobs.h).
// Artifact names and formats are listed in backend/traffic/README.md.

#include "backend/core/study_registry.h"

namespace routescope::traffic {

core::JobKind assignJobKind();
core::JobKind compareJobKind();
core::JobKind generateJobKind();
core::JobKind whatifJobKind();

}  // namespace routescope::traffic
