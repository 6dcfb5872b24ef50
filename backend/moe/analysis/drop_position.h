#pragma once
// Drop-towards-the-end (OpenMoE, Xue et al. 2024): with token-choice routing and a capacity per
// sequence, slots fill left to right, so later tokens lose their choices more often. The drop
// ratio (dropped choices / recorded choices) by position bin, per layer and per domain.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

struct DropByPosition {
  // Equal-width bins over [0, longest sequence): bin b holds positions [bin_start[b], bin_end[b]).
  std::vector<int64_t> bin_start, bin_end;
  std::vector<double> all;                                        // [bin], all layers and domains
  std::vector<std::vector<double>> by_layer;                      // [layer][bin]
  std::vector<std::string> domains;                               // first-seen order
  std::vector<std::vector<double>> by_domain;                     // [domain][bin], all layers
  std::vector<std::vector<std::vector<double>>> by_domain_layer;  // [domain][layer][bin]
  std::vector<int64_t> choices;                                   // [bin] recorded choices, all layers
  double overall = 0;                                             // drop ratio of the whole trace
};
// Ratios are NaN for bins without recorded choices (JSON null).

// `bins` >= 1 (fewer when the longest sequence is shorter). Throws core::Error naming the trace
// when it has no `dropped` array.
DropByPosition analyseDropByPosition(const RoutingTrace& trace, int bins = 16);

}  // namespace routescope::moe::analysis
