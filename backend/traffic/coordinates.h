#pragma once
// Node coordinates for drawing: from a `_node.tntp` file, from GeoJSON point features (property
// "id", "node" or "ID" gives the node number), or a seeded force-directed layout when neither
// exists.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/traffic/network.h"

namespace routescope::traffic {

// Coordinates for nodes 1..`nodes`; errors name file and line (or feature).
std::vector<Point2> readNodeFile(const std::string& path, int32_t nodes);
std::vector<Point2> readGeoJsonNodes(const std::string& path, int32_t nodes);
// By extension: .geojson/.json → GeoJSON, otherwise TNTP node file.
std::vector<Point2> readCoordinates(const std::string& path, int32_t nodes);
// Fruchterman–Reingold layout in the unit square, deterministic for a seed.
std::vector<Point2> forceDirectedLayout(const Network& network, uint64_t seed, int iterations = 300);
// network.coordinates when complete, else the layout.
std::vector<Point2> coordinatesOrLayout(const Network& network, uint64_t seed);

}  // namespace routescope::traffic
