#pragma once
// The recurrent router's hidden states (RMoE, Qiu et al., ICLR 2025): a 2-D principal component
// projection of h for every (token, layer), all layers pooled so that one token's path through
// the layers can be drawn as a trajectory in one plane; and the mean update gate per layer.

#include <cstdint>
#include <vector>

#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

struct GruPcaOptions {
  // The covariance is estimated from at most this many (token, layer) rows, evenly spaced; the
  // projection covers all rows. 50k rows pin the leading directions well and keep 100k x 8
  // states of 128 dims to a fraction of a second.
  int64_t max_rows = 50000;
  int max_iterations = 500;  // of the power iteration, per component
};

struct GruPca {
  int hidden = 0;
  std::vector<double> mean;        // [hidden]
  std::vector<double> components;  // [2][hidden], unit length, orthogonal; largest entry positive
  double explained[2] = {0, 0};    // variance along each component
  double total_variance = 0;       // trace of the covariance
  std::vector<float> coords;       // [token][layer][2]
};

// Throws core::Error naming the trace when it has no GRU states.
GruPca analyseGruStates(const RoutingTrace& trace, const GruPcaOptions& options = {});

// [layer]: mean over tokens of update_gate_mean. Throws core::Error naming the trace when it
// was not recorded.
std::vector<double> meanUpdateGate(const RoutingTrace& trace);

}  // namespace routescope::moe::analysis
