#pragma once
// Readers for the TNTP formats (Transportation Networks for Research): `_net`, `_trips`, `_node`
// and `_flow` files. They accept metadata tags, `~` comments, `;` terminators, tabs, CRLF line
// ends and zero free-flow times. Every error is a core::Error with one line
// "FILE:LINE: field 'NAME': what is wrong".

#include <string>
#include <string_view>
#include <vector>

#include "backend/traffic/network.h"

namespace routescope::traffic {

// `source` names the text in error messages (normally the file path).
Network parseNetwork(std::string_view text, const std::string& source);
Demand parseTrips(std::string_view text, const std::string& source);
Network readNetworkFile(const std::string& path);
// With `network`, destinations and origins are also checked against its zones.
Demand readTripsFile(const std::string& path, const Network* network = nullptr);

// One row of a `_flow.tntp` file (1-based node numbers, as in the file).
struct FlowRecord {
  int32_t from = 0;
  int32_t to = 0;
  double volume = 0.0;
  double cost = 0.0;
};
std::vector<FlowRecord> parseFlows(std::string_view text, const std::string& source);
std::vector<FlowRecord> readFlowFile(const std::string& path);

// Reads a whole file; throws core::Error naming it when it cannot be read.
std::string readTextFile(const std::string& path);

}  // namespace routescope::traffic
