#include "backend/traffic/generator.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

#include "backend/core/error.h"
#include "backend/traffic/graph.h"

namespace routescope::traffic {
namespace {

// A two-way street: both directions, capacity and speed by road class.
void street(Network& net, int32_t a, int32_t b, int type, std::mt19937_64& rng) {
  const Point2 p = net.coordinates[static_cast<size_t>(a)], q = net.coordinates[static_cast<size_t>(b)];
  const double km = std::hypot(p.x - q.x, p.y - q.y);
  // Arterials (type 2) are faster and wider than local streets (type 1).
  const double speed = type == 2 ? 60.0 : 40.0;  // km/h
  std::uniform_real_distribution<double> jitter(0.85, 1.15);
  const double capacity = (type == 2 ? 3600.0 : 1800.0) * jitter(rng);
  for (int dir = 0; dir < 2; ++dir) {
    Link l;
    l.from = dir == 0 ? a : b;
    l.to = dir == 0 ? b : a;
    l.capacity = capacity;
    l.length = km;
    l.free_flow_time = km / speed * 60.0;
    l.b = 0.15;
    l.power = 4.0;
    l.speed = speed;
    l.type = type;
    net.links.push_back(l);
  }
}

}  // namespace

City generateCity(const CityOptions& o) {
  if (o.layout != "grid" && o.layout != "ring")
    throw core::Error("option 'layout': '" + o.layout + "' is not grid or ring");
  if (o.size < 2 || o.size > 100)
    throw core::Error("option 'size': " + std::to_string(o.size) + " is not within 2..100");
  if (o.zones < 2 || o.zones > 1000)
    throw core::Error("option 'zones': " + std::to_string(o.zones) + " is not within 2..1000");
  std::mt19937_64 rng(o.seed);
  City city;
  Network& net = city.network;
  net.name = "demo-" + o.layout + "-" + std::to_string(o.size) + "-seed" + std::to_string(o.seed);
  net.zones = o.zones;
  net.first_thru_node = o.zones + 1;
  // Zone centroids first (placed later, beside their street node), then the streets.
  std::vector<Point2> street_nodes;
  std::vector<std::pair<int32_t, int32_t>> streets;  // indices into street_nodes, with type
  std::vector<int> street_type;
  if (o.layout == "grid") {
    const int n = o.size;
    for (int r = 0; r < n; ++r) {
      for (int c = 0; c < n; ++c) street_nodes.push_back({c * o.block_km, r * o.block_km});
    }
    for (int r = 0; r < n; ++r) {
      for (int c = 0; c < n; ++c) {
        const int32_t v = r * n + c;
        // Every third row and column is an arterial.
        if (c + 1 < n) streets.push_back({v, v + 1}), street_type.push_back(r % 3 == 0 ? 2 : 1);
        if (r + 1 < n) streets.push_back({v, v + n}), street_type.push_back(c % 3 == 0 ? 2 : 1);
      }
    }
  } else {
    const int rings = o.size, spokes = 2 * o.size + 4;
    street_nodes.push_back({0.0, 0.0});
    for (int r = 1; r <= rings; ++r) {
      for (int s = 0; s < spokes; ++s) {
        const double angle = 2.0 * std::numbers::pi * s / spokes;
        street_nodes.push_back({r * o.block_km * std::cos(angle), r * o.block_km * std::sin(angle)});
      }
    }
    const auto id = [&](int r, int s) { return static_cast<int32_t>(1 + (r - 1) * spokes + (s % spokes)); };
    for (int s = 0; s < spokes; ++s) {
      streets.push_back({0, id(1, s)}), street_type.push_back(s % 2 == 0 ? 2 : 1);
      for (int r = 1; r <= rings; ++r) {
        streets.push_back({id(r, s), id(r, s + 1)}), street_type.push_back(r == rings / 2 + 1 ? 2 : 1);
        if (r < rings) streets.push_back({id(r, s), id(r + 1, s)}), street_type.push_back(s % 2 == 0 ? 2 : 1);
      }
    }
  }
  const int32_t street_count = static_cast<int32_t>(street_nodes.size());
  if (o.zones > street_count)
    throw core::Error("option 'zones': more zones than intersections (" + std::to_string(street_count) + ")");
  net.nodes = o.zones + street_count;
  net.coordinates.resize(static_cast<size_t>(net.nodes));
  for (int32_t v = 0; v < street_count; ++v)
    net.coordinates[static_cast<size_t>(o.zones + v)] = street_nodes[static_cast<size_t>(v)];
  for (size_t k = 0; k < streets.size(); ++k) {
    street(net, o.zones + streets[k].first, o.zones + streets[k].second, street_type[k], rng);
  }
  // Zones attach to distinct random intersections by connectors (fast, wide, short).
  std::vector<int32_t> attach(static_cast<size_t>(street_count));
  for (int32_t v = 0; v < street_count; ++v) attach[static_cast<size_t>(v)] = v;
  std::shuffle(attach.begin(), attach.end(), rng);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int32_t z = 0; z < o.zones; ++z) {
    const int32_t s = o.zones + attach[static_cast<size_t>(z)];
    const Point2 p = net.coordinates[static_cast<size_t>(s)];
    net.coordinates[static_cast<size_t>(z)] = {p.x + 0.15 * o.block_km, p.y + 0.15 * o.block_km};
    for (int dir = 0; dir < 2; ++dir) {
      Link l;
      l.from = dir == 0 ? z : s;
      l.to = dir == 0 ? s : z;
      l.capacity = 100000.0;
      l.length = 0.1 * o.block_km;
      l.free_flow_time = 0.1;
      l.b = 0.0;
      l.power = 4.0;
      l.type = 3;  // connector
      net.links.push_back(l);
    }
  }
  // Gravity model on free-flow times.
  std::vector<double> production(static_cast<size_t>(o.zones)), attraction(static_cast<size_t>(o.zones));
  for (int32_t z = 0; z < o.zones; ++z) {
    production[static_cast<size_t>(z)] = 0.5 + unit(rng);
    attraction[static_cast<size_t>(z)] = 0.5 + unit(rng);
  }
  Graph graph(net);
  ShortestPathTree tree(graph);
  std::vector<double> fftt(net.links.size());
  for (size_t a = 0; a < net.links.size(); ++a) fftt[a] = net.links[a].free_flow_time;
  city.demand.zones = o.zones;
  double raw_total = 0.0;
  for (int32_t i = 0; i < o.zones; ++i) {
    tree.run(i, fftt);
    OriginDemand od;
    od.origin = i;
    for (int32_t j = 0; j < o.zones; ++j) {
      if (j == i) continue;
      const double t = tree.distance()[static_cast<size_t>(j)];
      const double v =
          production[static_cast<size_t>(i)] * attraction[static_cast<size_t>(j)] * std::exp(-o.beta * t);
      od.destinations.push_back(j);
      od.flows.push_back(v);
      raw_total += v;
    }
    city.demand.origins.push_back(std::move(od));
  }
  city.demand.scale(o.total_demand / raw_total);
  return city;
}

}  // namespace routescope::traffic
