#pragma once
// The data model of a road network in TNTP terms: nodes numbered 1..N (stored 0-based), zones
// 1..Z (the first Z nodes), links with BPR parameters, and an origin-destination demand table.
// Plain structs so views, jobs and solvers share one contract.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace routescope::traffic {

struct Link {
  int32_t from = 0;  // 0-based node index (TNTP node number - 1)
  int32_t to = 0;
  double capacity = 1.0;
  double length = 0.0;
  double free_flow_time = 0.0;
  double b = 0.15;
  double power = 4.0;
  double speed = 0.0;
  double toll = 0.0;
  int type = 1;
  // What-if edits close links instead of erasing them, so link indices stay comparable between
  // the runs before and after an edit. Closed links carry no flow and are not in the graph.
  bool closed = false;
};

struct Point2 {
  double x = 0.0;
  double y = 0.0;
};

struct Network {
  std::string name;
  int32_t nodes = 0;
  int32_t zones = 0;
  // TNTP FIRST THRU NODE (1-based, as in the file): nodes numbered below it may start or end a
  // path but are never intermediate nodes.
  int32_t first_thru_node = 1;
  std::vector<Link> links;
  // Metadata tags as read (upper-case tag name without brackets -> value), for round trips.
  std::map<std::string, std::string> metadata;
  // Node coordinates, empty when unknown (see coordinates.h).
  std::vector<Point2> coordinates;

  // True when node index `node` (0-based) may be passed through by a path.
  bool isThru(int32_t node) const { return node + 1 >= first_thru_node; }
  int32_t linkCount() const { return static_cast<int32_t>(links.size()); }
};

// Demand of one origin zone: destinations (0-based node index) and flows, sorted by destination.
struct OriginDemand {
  int32_t origin = 0;
  std::vector<int32_t> destinations;
  std::vector<double> flows;
  double total() const;
};

struct Demand {
  int32_t zones = 0;
  std::vector<OriginDemand> origins;  // only origins with positive demand, sorted by origin
  double total() const;
  void scale(double factor);
  // The flow from `origin` to `destination` (0-based), 0 when absent.
  double flow(int32_t origin, int32_t destination) const;
};

// Throws core::Error when links name nodes outside 1..nodes, a link's capacity, length,
// free-flow time, b, power or toll is negative or not finite (NaN included), capacities are not
// positive while b is, FIRST THRU NODE is outside 1..nodes + 1, or the demand names nodes that
// are not zones or has negative or non-finite flows. `what` names the source for the message.
void validate(const Network& network, const std::string& what);
void validate(const Network& network, const Demand& demand, const std::string& what);

}  // namespace routescope::traffic
