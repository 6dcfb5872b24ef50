#pragma once
// Flat per-token columns of a routing trace that several analyses share, so that hot loops run
// over plain arrays instead of calling the trace's per-token helpers.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

// The top-1 expert of every (token, layer), flat [token][layer]: the first recorded choice that
// is not -1 (expert choice may leave a token out of its first slots), or -1 when there is none.
std::vector<int16_t> topOneExperts(const RoutingTrace& trace);

// The token ids of all sequences concatenated (the trace's token order).
std::vector<int32_t> tokenIds(const RoutingTrace& trace);

// Each token's position within its sequence.
std::vector<int32_t> tokenPositions(const RoutingTrace& trace);

// Each token's domain as an index into `domains` (distinct domains in first-seen order; an
// unknown domain "" is kept as its own entry).
struct DomainColumn {
  std::vector<std::string> domains;
  std::vector<int32_t> index;  // [token]
};
DomainColumn tokenDomains(const RoutingTrace& trace);

// "trace of run ID at step N" (or "imported trace at step N"), for error messages.
std::string describeTrace(const RoutingTrace& trace);

}  // namespace routescope::moe::analysis
