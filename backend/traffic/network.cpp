#include "backend/traffic/network.h"

#include <algorithm>

#include "backend/core/error.h"
#include "backend/traffic/numeric.h"

namespace routescope::traffic {

double OriginDemand::total() const {
  return kahanSum(flows);
}

double Demand::total() const {
  KahanSum sum;
  for (const auto& o : origins) sum.add(o.total());
  return sum.value();
}

void Demand::scale(double factor) {
  for (auto& o : origins) {
    for (double& f : o.flows) f *= factor;
  }
}

double Demand::flow(int32_t origin, int32_t destination) const {
  const auto it = std::lower_bound(origins.begin(), origins.end(), origin,
                                   [](const OriginDemand& o, int32_t value) { return o.origin < value; });
  if (it == origins.end() || it->origin != origin) return 0.0;
  const auto d = std::lower_bound(it->destinations.begin(), it->destinations.end(), destination);
  if (d == it->destinations.end() || *d != destination) return 0.0;
  return it->flows[static_cast<size_t>(d - it->destinations.begin())];
}

void validate(const Network& network, const std::string& what) {
  if (network.nodes <= 0) throw core::Error(what + ": the network has no nodes");
  if (network.zones < 0 || network.zones > network.nodes) {
    throw core::Error(what + ": NUMBER OF ZONES " + std::to_string(network.zones) + " is not within 0.." +
                      std::to_string(network.nodes));
  }
  for (size_t i = 0; i < network.links.size(); ++i) {
    const Link& l = network.links[i];
    const std::string where = what + ": link " + std::to_string(i + 1) + " (" + std::to_string(l.from + 1) +
                              "," + std::to_string(l.to + 1) + ")";
    if (l.from < 0 || l.from >= network.nodes || l.to < 0 || l.to >= network.nodes) {
      throw core::Error(where + ": node outside 1.." + std::to_string(network.nodes));
    }
    if (!(l.capacity > 0.0) && l.b != 0.0) throw core::Error(where + ": capacity must be positive");
    if (l.free_flow_time < 0.0) throw core::Error(where + ": negative free_flow_time");
    if (l.b < 0.0 || l.power < 0.0) throw core::Error(where + ": negative b or power");
  }
}

void validate(const Network& network, const Demand& demand, const std::string& what) {
  for (const auto& o : demand.origins) {
    if (o.origin < 0 || o.origin >= network.zones) {
      throw core::Error(what + ": origin " + std::to_string(o.origin + 1) + " is not a zone (1.." +
                        std::to_string(network.zones) + ")");
    }
    for (int32_t d : o.destinations) {
      if (d < 0 || d >= network.zones) {
        throw core::Error(what + ": destination " + std::to_string(d + 1) + " of origin " +
                          std::to_string(o.origin + 1) + " is not a zone (1.." +
                          std::to_string(network.zones) + ")");
      }
    }
  }
}

}  // namespace routescope::traffic
