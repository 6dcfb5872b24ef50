#pragma once
// moe compare: the routing analyses of several runs side by side, stored as a run of its own so
// that the GUI shows the comparison like any other run (registered by registerMoeJobs).

#include <string>
#include <vector>

#include "backend/core/study_registry.h"

namespace routescope::moe::analysis {

core::JobKind compareJobKind();  // moe compare --runs A,B[,...]

// The run ids of config key `runs` ("A, B,C"): blanks trimmed, empty entries skipped.
std::vector<std::string> splitRunList(const std::string& text);

}  // namespace routescope::moe::analysis
