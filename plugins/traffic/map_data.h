#pragma once
// What the traffic views draw: nodes with positions, zones, and links with their attributes and
// one solution's flows and times. Filled from a run's artifacts or from a solve in the plugin, so
// the map, the table and the panels share one plain contract.

#include <QPointF>
#include <QString>
#include <vector>

#include "backend/traffic/assignment.h"
#include "backend/traffic/network.h"

namespace routescope::plugins::traffic {

struct MapLink {
  int from = 0;  // 0-based node index
  int to = 0;
  double capacity = 0.0;
  double free_flow_time = 0.0;
  double flow = 0.0;
  double travel_time = 0.0;  // BPR time at `flow`
  bool closed = false;
  double volumeCapacity() const { return capacity > 0.0 ? flow / capacity : 0.0; }
};

struct MapData {
  QString name;
  int nodes = 0;
  int zones = 0;                   // nodes 0..zones-1 are zone centroids
  std::vector<QPointF> positions;  // one per node
  std::vector<MapLink> links;      // indices as the backend's (stable across what-if edits)
  bool isZone(int node) const { return node < zones; }
};

// The quantity a map colours and widens links by.
enum class LinkQuantity { Flow, VolumeCapacity, TravelTime, Difference };

// Value of `link` for `quantity`; Difference is flow − the base run's flow on the same link index
// (0 for links the base does not have).
double linkValue(const MapData& data, int link, LinkQuantity quantity, const MapData* base = nullptr);

// From a solved network: positions from the network's coordinates or the backend's seeded layout.
MapData mapDataFromSolution(const routescope::traffic::Network& network,
                            const routescope::traffic::AssignmentResult& result,
                            const routescope::traffic::CostOptions& cost = {});

}  // namespace routescope::plugins::traffic
