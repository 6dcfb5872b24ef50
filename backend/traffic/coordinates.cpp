#include "backend/traffic/coordinates.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "backend/core/error.h"
#include "backend/traffic/tntp_reader.h"

namespace routescope::traffic {

std::vector<Point2> readNodeFile(const std::string& path, int32_t nodes) {
  const std::string text = readTextFile(path);
  std::vector<Point2> out(static_cast<size_t>(nodes));
  std::vector<uint8_t> seen(static_cast<size_t>(nodes), 0);
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const size_t t = line.find('~'); t != std::string::npos) line.resize(t);
    for (char& c : line) {
      if (c == ';' || c == '\t' || c == '\r' || c == ',') c = ' ';
    }
    std::istringstream fields(line);
    std::string first;
    if (!(fields >> first)) continue;
    if (!std::isdigit(static_cast<unsigned char>(first[0]))) continue;  // header row
    double x = 0.0, y = 0.0;
    if (!(fields >> x >> y)) {
      throw core::Error(path + ":" + std::to_string(number) + ": field 'X Y': expected two coordinates");
    }
    const long node = std::strtol(first.c_str(), nullptr, 10);
    if (node < 1 || node > nodes) {
      throw core::Error(path + ":" + std::to_string(number) + ": field 'node': unknown node " + first +
                        " (the network has " + std::to_string(nodes) + ")");
    }
    out[static_cast<size_t>(node - 1)] = {x, y};
    seen[static_cast<size_t>(node - 1)] = 1;
  }
  for (int32_t v = 0; v < nodes; ++v) {
    if (!seen[static_cast<size_t>(v)]) {
      throw core::Error(path + ":" + std::to_string(number) + ": field 'node': node " +
                        std::to_string(v + 1) + " has no coordinates");
    }
  }
  return out;
}

std::vector<Point2> readGeoJsonNodes(const std::string& path, int32_t nodes) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(readTextFile(path));
  } catch (const nlohmann::json::parse_error& e) {
    throw core::Error(path + ": not JSON (byte " + std::to_string(e.byte) + ")");
  }
  if (!doc.contains("features") || !doc["features"].is_array()) {
    throw core::Error(path + ": field 'features': missing (not a GeoJSON FeatureCollection)");
  }
  std::vector<Point2> out(static_cast<size_t>(nodes));
  std::vector<uint8_t> seen(static_cast<size_t>(nodes), 0);
  size_t index = 0;
  for (const auto& f : doc["features"]) {
    ++index;
    const std::string where = path + ": feature " + std::to_string(index);
    const auto& props = f.value("properties", nlohmann::json::object());
    long node = -1;
    for (const char* key : {"id", "node", "ID", "node_id"}) {
      if (props.contains(key) && props[key].is_number()) node = props[key].get<long>();
    }
    if (node < 0 && f.contains("id") && f["id"].is_number()) node = f["id"].get<long>();
    if (node < 1 || node > nodes)
      throw core::Error(where + ": field 'id': no node number within 1.." + std::to_string(nodes));
    const auto& g = f.value("geometry", nlohmann::json::object());
    if (g.value("type", "") != "Point" || !g.contains("coordinates") || g["coordinates"].size() < 2) {
      throw core::Error(where + ": field 'geometry': not a Point");
    }
    out[static_cast<size_t>(node - 1)] = {g["coordinates"][0].get<double>(),
                                          g["coordinates"][1].get<double>()};
    seen[static_cast<size_t>(node - 1)] = 1;
  }
  for (int32_t v = 0; v < nodes; ++v) {
    if (!seen[static_cast<size_t>(v)]) {
      throw core::Error(path + ": field 'id': node " + std::to_string(v + 1) + " has no feature");
    }
  }
  return out;
}

std::vector<Point2> readCoordinates(const std::string& path, int32_t nodes) {
  const auto ends = [&](const std::string& s) {
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".geojson") || ends(".json")) return readGeoJsonNodes(path, nodes);
  return readNodeFile(path, nodes);
}

std::vector<Point2> forceDirectedLayout(const Network& network, uint64_t seed, int iterations) {
  const size_t n = static_cast<size_t>(network.nodes);
  std::vector<Point2> pos(n);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (auto& p : pos) p = {unit(rng), unit(rng)};
  if (n < 2) return pos;
  // Fruchterman & Reingold (1991): springs along links, repulsion between all pairs, and a
  // temperature that cools linearly so the layout settles.
  const double k = std::sqrt(1.0 / static_cast<double>(n));
  std::vector<Point2> disp(n);
  double temperature = 0.1;
  for (int it = 0; it < iterations; ++it) {
    for (auto& d : disp) d = {0.0, 0.0};
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        double dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const double dist2 = std::max(dx * dx + dy * dy, 1e-12);
        const double f = k * k / dist2;
        disp[i].x += dx * f;
        disp[i].y += dy * f;
        disp[j].x -= dx * f;
        disp[j].y -= dy * f;
      }
    }
    for (const Link& l : network.links) {
      const size_t i = static_cast<size_t>(l.from), j = static_cast<size_t>(l.to);
      const double dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const double dist = std::sqrt(dx * dx + dy * dy) + 1e-12;
      const double f = dist / k;
      disp[i].x -= dx * f;
      disp[i].y -= dy * f;
      disp[j].x += dx * f;
      disp[j].y += dy * f;
    }
    for (size_t i = 0; i < n; ++i) {
      const double len = std::sqrt(disp[i].x * disp[i].x + disp[i].y * disp[i].y) + 1e-12;
      const double step = std::min(len, temperature);
      pos[i].x += disp[i].x / len * step;
      pos[i].y += disp[i].y / len * step;
    }
    temperature = 0.1 * (1.0 - static_cast<double>(it + 1) / static_cast<double>(iterations)) + 1e-4;
  }
  // Normalise to the unit square.
  double minx = pos[0].x, maxx = pos[0].x, miny = pos[0].y, maxy = pos[0].y;
  for (const auto& p : pos) {
    minx = std::min(minx, p.x);
    maxx = std::max(maxx, p.x);
    miny = std::min(miny, p.y);
    maxy = std::max(maxy, p.y);
  }
  const double span = std::max({maxx - minx, maxy - miny, 1e-12});
  for (auto& p : pos) p = {(p.x - minx) / span, (p.y - miny) / span};
  return pos;
}

std::vector<Point2> coordinatesOrLayout(const Network& network, uint64_t seed) {
  if (network.coordinates.size() == static_cast<size_t>(network.nodes)) return network.coordinates;
  return forceDirectedLayout(network, seed);
}

}  // namespace routescope::traffic
