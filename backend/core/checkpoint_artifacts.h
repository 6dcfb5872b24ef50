#pragma once
// Names of training checkpoints in the run store: "checkpoint-step-000100.safetensors", one per
// saved step, so that resume, tracing and evaluation find a run's latest (or any) checkpoint.
#include <cstdint>
#include <string>
#include <vector>

namespace routescope::core {

class RunStore;

std::string checkpointArtifactName(int64_t step);
// The steps of a run's checkpoint artifacts, ascending.
std::vector<int64_t> checkpointSteps(const RunStore& store, const std::string& run_id);

}  // namespace routescope::core
