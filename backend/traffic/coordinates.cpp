#include "backend/traffic/coordinates.h"

#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string_view>

#include "backend/core/error.h"
#include "backend/traffic/parse_number.h"
#include "backend/traffic/tntp_reader.h"

namespace routescope::traffic {

namespace {

// Whitespace-separated tokens; `;`, tabs, CR and commas separate too.
std::vector<std::string_view> nodeFileTokens(std::string_view line) {
  std::vector<std::string_view> out;
  const auto separator = [](char c) { return c == ' ' || c == '\t' || c == ';' || c == '\r' || c == ','; };
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && separator(line[i])) ++i;
    size_t j = i;
    while (j < line.size() && !separator(line[j])) ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

std::vector<Point2> readNodeFile(const std::string& path, int32_t nodes) {
  const std::string text = readTextFile(path);
  std::vector<Point2> out(static_cast<size_t>(nodes));
  std::vector<uint8_t> seen(static_cast<size_t>(nodes), 0);
  std::istringstream in(text);
  std::string line;
  int number = 0;
  const auto fail = [&](const std::string& field, const std::string& what) {
    throw core::Error(path + ":" + std::to_string(number) + ": field '" + field + "': " + what);
  };
  while (std::getline(in, line)) {
    ++number;
    if (const size_t t = line.find('~'); t != std::string::npos) line.resize(t);
    const auto fields = nodeFileTokens(line);
    if (fields.empty()) continue;
    const unsigned char lead = static_cast<unsigned char>(fields[0][0]);
    if (!std::isdigit(lead) && lead != '+' && lead != '-' && lead != '.') continue;  // header row
    if (fields.size() < 3) fail("X Y", "expected two coordinates");
    const ParsedNumber node = parseIntegerNumber(fields[0]);
    if (!node.ok()) fail("node", "'" + std::string(fields[0]) + "' " + describeProblem(node.problem));
    double xy[2];
    for (int k = 0; k < 2; ++k) {
      const ParsedNumber v = parseFiniteNumber(fields[static_cast<size_t>(k) + 1]);
      if (!v.ok())
        fail(k == 0 ? "X" : "Y",
             "'" + std::string(fields[static_cast<size_t>(k) + 1]) + "' " + describeProblem(v.problem));
      xy[k] = v.value;
    }
    if (node.value < 1 || node.value > nodes) {
      fail("node",
           "unknown node " + std::string(fields[0]) + " (the network has " + std::to_string(nodes) + ")");
    }
    const auto v = static_cast<size_t>(node.value) - 1;
    out[v] = {xy[0], xy[1]};
    seen[v] = 1;
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
  } catch (const nlohmann::json::exception& e) {
    // e.g. out_of_range 406: a number such as 1e999 that overflows a double.
    throw core::Error(path + ": not valid JSON (" + e.what() + ")");
  }
  if (!doc.is_object() || !doc.contains("features") || !doc["features"].is_array()) {
    throw core::Error(path + ": field 'features': missing (not a GeoJSON FeatureCollection)");
  }
  std::vector<Point2> out(static_cast<size_t>(nodes));
  std::vector<uint8_t> seen(static_cast<size_t>(nodes), 0);
  size_t index = 0;
  // A node number: an integral JSON number (3 or 3.0; 3.7 and "3" are not node numbers).
  const auto nodeNumber = [](const nlohmann::json& v) -> long {
    if (v.is_number_integer()) return v.get<long>();
    if (v.is_number_float()) {
      const double d = v.get<double>();
      if (std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 2e9) return static_cast<long>(d);
    }
    return -1;
  };
  for (const auto& f : doc["features"]) {
    ++index;
    const std::string where = path + ": feature " + std::to_string(index);
    if (!f.is_object()) throw core::Error(where + ": not a JSON object");
    const nlohmann::json props =
        f.contains("properties") && f["properties"].is_object() ? f["properties"] : nlohmann::json::object();
    long node = -1;
    std::string id_text;
    for (const char* key : {"id", "node", "ID", "node_id"}) {
      if (props.contains(key) && props[key].is_number()) {
        node = nodeNumber(props[key]);
        id_text = props[key].dump();
      }
    }
    if (id_text.empty() && f.contains("id") && f["id"].is_number()) {
      node = nodeNumber(f["id"]);
      id_text = f["id"].dump();
    }
    if (node < 1 || node > nodes) {
      throw core::Error(where + ": field 'id': " +
                        (id_text.empty() ? "no node number" : id_text + " is not a node number") +
                        " within 1.." + std::to_string(nodes));
    }
    const nlohmann::json g =
        f.contains("geometry") && f["geometry"].is_object() ? f["geometry"] : nlohmann::json::object();
    const auto type = g.find("type");
    if (type == g.end() || *type != "Point" || !g.contains("coordinates") || !g["coordinates"].is_array() ||
        g["coordinates"].size() < 2) {
      throw core::Error(where + ": field 'geometry': not a Point");
    }
    double xy[2];
    for (size_t k = 0; k < 2; ++k) {
      const nlohmann::json& c = g["coordinates"][k];
      if (!c.is_number()) {
        throw core::Error(where + ": field 'coordinates': " + c.dump() + " is not a number");
      }
      if (!std::isfinite(c.get<double>()))
        throw core::Error(where + ": field 'coordinates': not a finite number");
      xy[k] = c.get<double>();
    }
    out[static_cast<size_t>(node - 1)] = {xy[0], xy[1]};
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
