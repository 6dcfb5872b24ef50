#pragma once
// Discrete network design problems (NDP) on top of the user-equilibrium solvers: a base network,
// a demand, and binary candidates — new links (the Sioux Falls DNDP benchmark format) or lane
// additions on existing links. A design is one 0/1 per candidate in file order; its value is the
// UE total system travel time (TSTT) of the network with the chosen candidates built.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "backend/traffic/network.h"

namespace routescope::traffic {

struct NdpCandidate {
  enum class Kind { NewLink, AddCapacity };
  Kind kind = Kind::NewLink;
  int32_t link = 0;             // index into NdpProblem::network.links
  double cost = 0.0;            // construction cost
  double capacity_added = 0.0;  // AddCapacity only
};

struct NdpProblem {
  // New-link candidates are present in the network but closed, so link indices are the same for
  // every design (and warm starts carry over link by link).
  Network network;
  Demand demand;
  std::vector<NdpCandidate> candidates;  // file order
  double totalCost() const;
  // The budget for a fraction of the total candidate cost.
  double budgetFor(double fraction) const { return fraction * totalCost(); }
};

using Design = std::vector<uint8_t>;

std::string designString(const Design& design);
// Throws core::Error unless `text` is `size` characters of 0 and 1.
Design parseDesign(const std::string& text, size_t size);
// Bit i of `index` (i = 0 is the first candidate) as a design of `size` candidates.
Design designFromIndex(uint64_t index, size_t size);
double designCost(const NdpProblem& problem, const Design& design);
// A small relative tolerance so that a budget equal to a sum of costs admits that sum.
bool withinBudget(const NdpProblem& problem, const Design& design, double budget);
// The network with the chosen candidates built.
Network designNetwork(const NdpProblem& problem, const Design& design);

// Reads the TNTP-extended DNDP format: the `_net` format plus `<NUMBER OF NEW LINKS> K` and a
// right-most Cost column; <NUMBER OF LINKS> counts the existing links and the candidates are the
// last K rows. Errors are one line "FILE:LINE: field 'NAME': what". The demand is left empty.
NdpProblem parseNdpInstance(std::string_view text, const std::string& source);
NdpProblem readNdpInstanceFile(const std::string& path);

// Lane addition: one candidate per open link of `network`, adding `share` of its capacity at
// cost free-flow time × capacity.
NdpProblem laneAdditionProblem(const Network& network, double share);

}  // namespace routescope::traffic
