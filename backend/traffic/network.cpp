#include "backend/traffic/network.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "backend/core/error.h"
#include "backend/traffic/numeric.h"

namespace routescope::traffic {
namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

}  // namespace

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
  if (network.first_thru_node < 1 || network.first_thru_node > network.nodes + 1) {
    throw core::Error(what + ": FIRST THRU NODE " + std::to_string(network.first_thru_node) +
                      " is not within 1.." + std::to_string(network.nodes + 1));
  }
  for (size_t i = 0; i < network.links.size(); ++i) {
    const Link& l = network.links[i];
    const std::string where = what + ": link " + std::to_string(i + 1) + " (" + std::to_string(l.from + 1) +
                              "," + std::to_string(l.to + 1) + ")";
    if (l.from < 0 || l.from >= network.nodes || l.to < 0 || l.to >= network.nodes) {
      throw core::Error(where + ": node outside 1.." + std::to_string(network.nodes));
    }
    // The constant parts of the cost must be finite and non-negative (else negative-cost cycles
    // or NaN costs); written `!(x >= 0)` so that NaN fails too.
    const std::pair<const char*, double> fields[] = {
        {"capacity", l.capacity}, {"length", l.length}, {"free_flow_time", l.free_flow_time}, {"b", l.b},
        {"power", l.power},       {"toll", l.toll}};
    for (const auto& [name, value] : fields) {
      if (!std::isfinite(value)) {
        throw core::Error(where + ": field '" + name + "': " + number(value) + " is not a finite number");
      }
      if (!(value >= 0.0))
        throw core::Error(where + ": field '" + name + "': " + number(value) + " is negative");
    }
    if (!std::isfinite(l.speed)) throw core::Error(where + ": field 'speed': not a finite number");
    if (!(l.capacity > 0.0) && l.b != 0.0)
      throw core::Error(where + ": field 'capacity': must be positive when b > 0");
  }
}

void validate(const Network& network, const Demand& demand, const std::string& what) {
  for (const auto& o : demand.origins) {
    if (o.origin < 0 || o.origin >= network.zones) {
      throw core::Error(what + ": origin " + std::to_string(o.origin + 1) + " is not a zone (1.." +
                        std::to_string(network.zones) + ")");
    }
    if (o.flows.size() != o.destinations.size()) {
      throw core::Error(what + ": origin " + std::to_string(o.origin + 1) + ": " +
                        std::to_string(o.destinations.size()) + " destinations but " +
                        std::to_string(o.flows.size()) + " flows");
    }
    for (double f : o.flows) {
      if (!(std::isfinite(f) && f >= 0.0)) {
        throw core::Error(what + ": origin " + std::to_string(o.origin + 1) + ": flow " + number(f) +
                          " is negative or not a finite number");
      }
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
