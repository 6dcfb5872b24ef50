#include "plugins/traffic/map_data.h"

#include "backend/traffic/coordinates.h"
#include "backend/traffic/link_cost.h"

namespace routescope::plugins::traffic {

namespace rt = routescope::traffic;

double linkValue(const MapData& data, int link, LinkQuantity quantity, const MapData* base) {
  const MapLink& l = data.links[size_t(link)];
  switch (quantity) {
    case LinkQuantity::Flow:
      return l.flow;
    case LinkQuantity::VolumeCapacity:
      return l.volumeCapacity();
    case LinkQuantity::TravelTime:
      return l.travel_time;
    case LinkQuantity::Difference: {
      const bool in_base = base && size_t(link) < base->links.size();
      return l.flow - (in_base ? base->links[size_t(link)].flow : 0.0);
    }
  }
  return 0.0;
}

MapData mapDataFromSolution(const rt::Network& network, const rt::AssignmentResult& result,
                            const rt::CostOptions& cost) {
  MapData data;
  data.name = QString::fromStdString(network.name);
  data.nodes = network.nodes;
  data.zones = network.zones;
  // A fixed seed: the same network is laid out the same way every time it is shown.
  for (const rt::Point2& p : rt::coordinatesOrLayout(network, 0)) data.positions.emplace_back(p.x, p.y);
  const rt::CostModel model(network, cost);
  for (int32_t a = 0; a < network.linkCount(); ++a) {
    const rt::Link& link = network.links[size_t(a)];
    MapLink m;
    m.from = link.from;
    m.to = link.to;
    m.capacity = link.capacity;
    m.free_flow_time = link.free_flow_time;
    m.flow = size_t(a) < result.flows.size() ? result.flows[size_t(a)] : 0.0;
    m.travel_time = model.travelTime(a, m.flow);
    m.closed = link.closed;
    data.links.push_back(m);
  }
  return data;
}

}  // namespace routescope::plugins::traffic
