#pragma once
// `moe train`: builds the corpus and tokenizer, trains the MoE language model with live metrics,
// saves checkpoints and records a routing trace at each one.
#include "backend/core/study_registry.h"

namespace routescope::moe {

core::JobKind trainJobKind();

}  // namespace routescope::moe
