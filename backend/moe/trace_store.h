#pragma once
// Where routing traces live in a run: one artifact per traced checkpoint step.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/run_store.h"
#include "backend/moe/trace.h"

namespace routescope::moe {

// "trace-step-000100.bin". Artifact names may only hold letters, digits, '.', '_' and '-'
// (core::RunStore), so there is no "trace/" folder.
std::string traceArtifactName(int64_t step);
// The step of a trace artifact's name ("trace-step-000100.bin" → 100), nullopt for other names.
std::optional<int64_t> traceStepOf(const std::string& name);
// The steps of the run's trace artifacts, ascending. Empty when there are none.
std::vector<int64_t> traceSteps(const core::RunStore& store, const std::string& run_id);
// Throws core::Error naming the run when it has no trace of that step.
RoutingTrace loadTrace(const core::RunStore& store, const std::string& run_id, int64_t step);

}  // namespace routescope::moe
