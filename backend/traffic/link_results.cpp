#include "backend/traffic/link_results.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace routescope::traffic {
namespace {

std::string num(double v) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

}  // namespace

std::string linkResultsCsv(const Network& network, std::span<const double> flows, const CostOptions& cost) {
  CostOptions user = cost;
  user.system_optimum = false;
  const CostModel model(network, user);
  std::string out = std::string(kLinkCsvHeader) + "\n";
  for (int32_t a = 0; a < network.linkCount(); ++a) {
    const Link& l = network.links[static_cast<size_t>(a)];
    const double x = flows[static_cast<size_t>(a)];
    out += std::to_string(a + 1) + "," + std::to_string(l.from + 1) + "," + std::to_string(l.to + 1) + "," +
           num(l.capacity) + "," + num(l.length) + "," + num(l.free_flow_time) + "," + num(l.b) + "," +
           num(l.power) + "," + num(l.toll) + "," + std::to_string(l.type) + "," + (l.closed ? "1" : "0") +
           "," + num(x) + "," + num(model.travelTime(a, x)) + "," + num(model.userCost(a, x)) + "," +
           num(l.capacity > 0.0 ? x / l.capacity : 0.0) + "\n";
  }
  return out;
}

std::string linkResultsGeoJson(const Network& network, std::span<const double> flows, const CostOptions& cost,
                               const std::vector<Point2>& coordinates) {
  CostOptions user = cost;
  user.system_optimum = false;
  const CostModel model(network, user);
  nlohmann::json features = nlohmann::json::array();
  for (int32_t a = 0; a < network.linkCount(); ++a) {
    const Link& l = network.links[static_cast<size_t>(a)];
    const double x = flows[static_cast<size_t>(a)];
    const Point2 p = coordinates[static_cast<size_t>(l.from)], q = coordinates[static_cast<size_t>(l.to)];
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "LineString"}, {"coordinates", {{p.x, p.y}, {q.x, q.y}}}}},
                        {"properties",
                         {{"link", a + 1},
                          {"init_node", l.from + 1},
                          {"term_node", l.to + 1},
                          {"capacity", l.capacity},
                          {"length", l.length},
                          {"free_flow_time", l.free_flow_time},
                          {"toll", l.toll},
                          {"type", l.type},
                          {"closed", l.closed},
                          {"flow", x},
                          {"travel_time", model.travelTime(a, x)},
                          {"generalized_cost", model.userCost(a, x)},
                          {"volume_capacity", l.capacity > 0.0 ? x / l.capacity : 0.0}}}});
  }
  return nlohmann::json{{"type", "FeatureCollection"}, {"name", network.name}, {"features", features}}.dump();
}

}  // namespace routescope::traffic
