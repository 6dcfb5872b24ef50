#pragma once
// Job kinds of the moe data layer (study "moe"); registered by registerMoeDataJobs.

#include "backend/core/study_registry.h"

namespace routescope::moe {

core::JobKind corpusJobKind();             // moe corpus
core::JobKind tokenizerJobKind();          // moe tokenizer
core::JobKind importTraceJobKind();        // moe import-trace FILE [--tokenizer tokenizer.json]
core::JobKind inspectCheckpointJobKind();  // moe inspect-checkpoint PATH

}  // namespace routescope::moe
