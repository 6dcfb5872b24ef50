#pragma once
// Link results as tables a person or a GIS opens: CSV (one row per link) and GeoJSON (one
// LineString feature per link with the same attributes as properties).

#include <span>
#include <string>
#include <vector>

#include "backend/traffic/link_cost.h"
#include "backend/traffic/network.h"

namespace routescope::traffic {

// Header of linkResultsCsv, for readers.
inline constexpr const char* kLinkCsvHeader =
    "link,init_node,term_node,capacity,length,free_flow_time,b,power,toll,type,closed,flow,travel_time,"
    "generalized_cost,volume_capacity";

// Columns as kLinkCsvHeader; `link` is the 1-based link index in file order, nodes 1-based.
std::string linkResultsCsv(const Network& network, std::span<const double> flows, const CostOptions& cost);
// FeatureCollection of LineStrings from `coordinates` (one per node).
std::string linkResultsGeoJson(const Network& network, std::span<const double> flows, const CostOptions& cost,
                               const std::vector<Point2>& coordinates);

}  // namespace routescope::traffic
