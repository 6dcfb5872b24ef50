#include "backend/system/machine_peak.h"

#include "backend/core/run_store.h"

namespace routescope::system {

std::optional<double> machinePeakGflops(const core::RunStore& store, int threads) {
  core::RunFilter filter;
  filter.study = "system";
  filter.kind = "profile";
  filter.status = core::RunStatus::Completed;
  for (const auto& run : store.listRuns(filter)) {  // newest first
    for (const auto& point : store.metrics(run.id, "peak_gflops")) {
      if (point.step == threads) return point.value;
    }
  }
  return std::nullopt;
}

}  // namespace routescope::system
