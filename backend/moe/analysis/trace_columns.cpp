#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {

std::vector<int16_t> topOneExperts(const RoutingTrace& trace) {
  const int64_t tokens = trace.tokenCount();
  const int layers = trace.layers;
  const int k = trace.top_k;
  std::vector<int16_t> top(static_cast<size_t>(tokens) * layers, -1);
  for (int64_t t = 0; t < tokens; ++t) {
    for (int l = 0; l < layers; ++l) {
      const int16_t* choices = trace.expert_ids.data() + trace.choiceIndex(t, l, 0);
      for (int c = 0; c < k; ++c) {
        if (choices[c] >= 0) {
          top[static_cast<size_t>(t) * layers + l] = choices[c];
          break;
        }
      }
    }
  }
  return top;
}

std::vector<int32_t> tokenIds(const RoutingTrace& trace) {
  std::vector<int32_t> ids;
  ids.reserve(static_cast<size_t>(trace.tokenCount()));
  for (const auto& sequence : trace.sequences)
    ids.insert(ids.end(), sequence.token_ids.begin(), sequence.token_ids.end());
  return ids;
}

std::vector<int32_t> tokenPositions(const RoutingTrace& trace) {
  std::vector<int32_t> positions;
  positions.reserve(static_cast<size_t>(trace.tokenCount()));
  for (const auto& sequence : trace.sequences)
    for (size_t i = 0; i < sequence.token_ids.size(); ++i) positions.push_back(static_cast<int32_t>(i));
  return positions;
}

DomainColumn tokenDomains(const RoutingTrace& trace) {
  DomainColumn column;
  column.index.reserve(static_cast<size_t>(trace.tokenCount()));
  for (const auto& sequence : trace.sequences) {
    int32_t index = -1;
    for (size_t d = 0; d < column.domains.size(); ++d)
      if (column.domains[d] == sequence.domain) index = static_cast<int32_t>(d);
    if (index < 0) {
      index = static_cast<int32_t>(column.domains.size());
      column.domains.push_back(sequence.domain);
    }
    column.index.insert(column.index.end(), sequence.token_ids.size(), index);
  }
  return column;
}

std::string describeTrace(const RoutingTrace& trace) {
  const std::string step = " at step " + std::to_string(trace.checkpoint_step);
  if (trace.run_id.empty()) return "imported trace" + step;
  return "trace of run " + trace.run_id + step;
}

}  // namespace routescope::moe::analysis
