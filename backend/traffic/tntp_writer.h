#pragma once
// Writers for the TNTP formats; what they write reads back (tntp_reader.h) to the same numbers
// (17 significant digits).

#include <span>
#include <string>
#include <vector>

#include "backend/traffic/network.h"

namespace routescope::traffic {

std::string formatNetwork(const Network& network);                // `_net.tntp` (closed links are left out)
std::string formatTrips(const Demand& demand);                    // `_trips.tntp`
std::string formatNodes(const std::vector<Point2>& coordinates);  // `_node.tntp`
// `_flow.tntp`: From To Volume Cost per open link.
std::string formatFlows(const Network& network, std::span<const double> flows, std::span<const double> costs);

// Writes text to a file; throws core::Error naming it on failure.
void writeTextFile(const std::string& path, const std::string& text);

}  // namespace routescope::traffic
