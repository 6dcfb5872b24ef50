#pragma once
// Select-link analysis with the bush solver's origin-based flows: which OD pairs use a link and
// how much of their flow. Within a bush, flows arriving at a node are assumed to mix
// proportionally (the usual assumption for origin-based solutions, whose path flows are not
// unique), so a pair's share is the share of its destination's inflow that crossed the link.

#include <cstdint>
#include <vector>

#include "backend/traffic/assignment.h"
#include "backend/traffic/network.h"

namespace routescope::traffic {

struct SelectLinkPair {
  int32_t origin = 0;       // 0-based zone
  int32_t destination = 0;  // 0-based zone
  double flow = 0.0;        // of this pair's demand, the flow that uses the link
};

struct SelectLinkResult {
  int32_t link = 0;                   // 0-based link index
  double link_flow = 0.0;             // total flow on the link (Σ of origin flows)
  std::vector<SelectLinkPair> pairs;  // pairs with flow > 0, by origin then destination
};

SelectLinkResult selectLink(const Network& network, const Demand& demand, const BushSolution& bushes,
                            int32_t link);

// The first open link from node `from` to node `to` (1-based numbers); -1 when there is none.
int32_t findLink(const Network& network, int32_t from, int32_t to);

}  // namespace routescope::traffic
