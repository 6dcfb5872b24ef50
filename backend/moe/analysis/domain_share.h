#pragma once
// Domain specialisation (OpenMoE's radar charts, one spoke per expert): the share of a domain's
// routing choices that each expert receives, per layer; the same for selected token strings.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

struct ExpertShares {
  std::string label;   // the domain ("" when unknown) or the token string
  int64_t tokens = 0;  // token occurrences counted
  // [layer][expert]: share of all recorded top-k choices (-1 slots skipped) of these tokens in
  // that layer; each row sums to 1 (all 0 when nothing was counted). With top-1 routing this is
  // the share of tokens.
  std::vector<std::vector<double>> share;
};

// One entry per domain, in first-seen order.
std::vector<ExpertShares> domainExpertShares(const RoutingTrace& trace);

// One entry per string: the tokens whose display string (RoutingTrace::pieceOf, so "#17" selects
// token id 17 in a trace without vocabulary) equals it. A string no token has gives tokens = 0.
std::vector<ExpertShares> tokenExpertShares(const RoutingTrace& trace, std::span<const std::string> pieces);

// The display strings of the `count` most frequent token ids (ties: lower id first).
std::vector<std::string> mostFrequentPieces(const RoutingTrace& trace, int count);

}  // namespace routescope::moe::analysis
