#pragma once
// The guided demo of network design: one `ndp-experiment` on the seeded 5×5 grid city (no files
// needed) with lane additions, small enough to finish in about a minute on two cores, that
// compares GA+GNN with GA+exact UE and exact enumeration and then shows the gap-versus-time chart,
// the design map and the surrogate's scatter.

#include "plugins/sdk/study_plugin.h"

namespace routescope::plugins::traffic {

GuidedDemo networkDesignDemo();

}  // namespace routescope::plugins::traffic
