#include "backend/core/checkpoint_artifacts.h"

#include <algorithm>
#include <cstdio>

#include "backend/core/run_store.h"

namespace routescope::core {

std::string checkpointArtifactName(int64_t step) {
  char name[64];
  std::snprintf(name, sizeof name, "checkpoint-step-%06lld.safetensors", static_cast<long long>(step));
  return name;
}

std::vector<int64_t> checkpointSteps(const RunStore& store, const std::string& run_id) {
  std::vector<int64_t> steps;
  for (const auto& info : store.artifacts(run_id)) {
    long long step = 0;
    char tail[32] = {};
    if (std::sscanf(info.name.c_str(), "checkpoint-step-%lld.%31s", &step, tail) == 2 &&
        std::string(tail) == "safetensors") {
      steps.push_back(step);
    }
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

}  // namespace routescope::core
