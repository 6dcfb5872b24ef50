#pragma once
// `moe trace`: records routing traces of every checkpoint of a training run on a chosen text set
// (a split of the run's corpus, all domains, or pasted text) into a new run.
#include "backend/core/study_registry.h"

namespace routescope::moe {

core::JobKind traceJobKind();

}  // namespace routescope::moe
