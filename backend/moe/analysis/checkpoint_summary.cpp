#include "backend/moe/analysis/checkpoint_summary.h"

#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {

std::vector<int64_t> expertRequests(const RoutingTrace& trace) {
  std::vector<int64_t> requests(static_cast<size_t>(trace.layers) * static_cast<size_t>(trace.experts), 0);
  const size_t per_token = static_cast<size_t>(trace.layers) * static_cast<size_t>(trace.top_k);
  const size_t choices = trace.expert_ids.size();
  for (size_t i = 0; i < choices; ++i) {
    const int16_t e = trace.expert_ids[i];
    if (e < 0) continue;
    const size_t layer = (i % per_token) / static_cast<size_t>(trace.top_k);
    ++requests[layer * static_cast<size_t>(trace.experts) + static_cast<size_t>(e)];
  }
  return requests;
}

CheckpointSummary summariseCheckpoint(const RoutingTrace& trace) {
  CheckpointSummary s;
  s.step = trace.checkpoint_step;
  s.layers = trace.layers;
  s.experts = trace.experts;
  s.token_ids = tokenIds(trace);
  s.sequence_offsets = trace.sequenceOffsets();
  s.top1 = topOneExperts(trace);
  s.requests = expertRequests(trace);
  return s;
}

}  // namespace routescope::moe::analysis
