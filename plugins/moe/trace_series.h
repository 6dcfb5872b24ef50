#pragma once
// The routing traces of one run, decoded once: one trace per traced checkpoint step, ascending.
// The heatmap's checkpoint slider re-colours from these without touching the run store again,
// and the analyses are computed from the same reads (see run_analysis_cache.h).

#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

#include "backend/moe/trace.h"
#include "plugins/sdk/run_data.h"

namespace routescope::plugins::moe {

struct TraceSeries {
  std::vector<int64_t> steps;
  std::vector<routescope::moe::RoutingTrace> traces;  // traces[i] is of steps[i]

  bool empty() const { return traces.empty(); }
  const routescope::moe::RoutingTrace& last() const { return traces.back(); }
};

// Steps of the run's `trace-step-NNNNNN.bin` artifacts, ascending (empty without traces).
std::vector<int64_t> traceStepsOf(const RunData& run);
bool hasTraces(const RunData& run);

// Reads and decodes every trace (throws core::Error naming the artifact). GRU states are dropped
// from all but the last checkpoint, because the views only draw the last one's and they dominate
// a trace's size.
std::shared_ptr<TraceSeries> loadTraceSeries(const RunData& run);

// A token piece made readable on an axis: spaces, tabs and newlines become visible symbols.
QString displayPiece(const std::string& piece);

}  // namespace routescope::plugins::moe
