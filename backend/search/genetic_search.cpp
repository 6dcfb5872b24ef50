#include "backend/search/genetic_search.h"

namespace routescope::search {

const char* stopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::Generations:
      return "generations";
    case StopReason::Budget:
      return "budget";
    case StopReason::Cancelled:
      return "cancelled";
  }
  return "unknown";
}

AnytimeTrace anytimeTrace(const std::vector<GenerationReport>& history, const std::string& label,
                          double seconds_offset, int evaluations_offset) {
  AnytimeTrace trace;
  for (const GenerationReport& r : history)
    if (std::isfinite(r.best_feasible))
      trace.add(seconds_offset + r.seconds, evaluations_offset + r.evaluations, r.best_feasible, label);
  return trace;
}

}  // namespace routescope::search
