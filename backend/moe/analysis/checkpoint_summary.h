#pragma once
// What the over-training analyses keep of each checkpoint's trace: the token stream, the top-1
// experts and the expert requests. A few MB per checkpoint instead of the whole trace, so that
// a run with many checkpoints is analysed one trace at a time.

#include <cstdint>
#include <vector>

#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

struct CheckpointSummary {
  int64_t step = 0;
  int layers = 0;
  int experts = 0;
  std::vector<int32_t> token_ids;         // all sequences concatenated
  std::vector<int64_t> sequence_offsets;  // as RoutingTrace::sequenceOffsets()
  std::vector<int16_t> top1;              // [token][layer], -1 where none (trace_columns.h)
  std::vector<int64_t> requests;          // [layer][expert]: recorded choices, dropped or not
};

CheckpointSummary summariseCheckpoint(const RoutingTrace& trace);

// Expert requests [layer][expert] of a trace: every recorded top-k choice (-1 slots skipped),
// whether or not it was later dropped, as the balance loss counts them.
std::vector<int64_t> expertRequests(const RoutingTrace& trace);

}  // namespace routescope::moe::analysis
