#pragma once
// What-if edits on a solved network — change a capacity, close or reopen a link, add a link,
// scale the demand — and the warm start that re-solves from the previous solution.
//
// Text form (used by the `whatif` job's `edits` key and the CLI), edits separated by ';':
//   close 3-4                       close the link from node 3 to node 4
//   open 3-4                        reopen it
//   capacity 1-2 4000               set the capacity;  capacity 1-2 x0.5  scales it
//   add 3-4 capacity=1 fftt=10 [length=1 b=0.15 power=4 toll=0 speed=0 type=1]
//   demand x1.1                     scale every OD flow

#include <string>
#include <vector>

#include "backend/traffic/assignment.h"
#include "backend/traffic/network.h"

namespace routescope::traffic {

struct Edit {
  enum class Kind { Close, Open, Capacity, Add, ScaleDemand };
  Kind kind = Kind::Close;
  int32_t from = 0, to = 0;  // 1-based node numbers (not for ScaleDemand)
  double value = 0.0;        // capacity (or factor when `factor`), demand factor
  bool factor = false;
  Link link;  // for Add (from/to are set from the fields above)
};

// Throws core::Error naming the edit (its position and text) when it cannot be parsed.
std::vector<Edit> parseEdits(const std::string& text);
std::string describe(const Edit& edit);

struct WhatIf {
  Network network;
  Demand demand;
  WarmStart warm;
  std::vector<int32_t> added_links;  // indices of links that the edits added
};

// Applies `edits` to copies of the network and demand and prepares a warm start from `before`
// (its link flows, or its bushes): added links start empty, a demand factor scales the old flows,
// closed links that carried flow make the link-based warm start infeasible (then it is left
// empty and the solver starts cold) while bushes through them are rebuilt. Throws core::Error
// for links that do not exist.
WhatIf applyEdits(const Network& network, const Demand& demand, const AssignmentResult& before,
                  const std::vector<Edit>& edits);

}  // namespace routescope::traffic
