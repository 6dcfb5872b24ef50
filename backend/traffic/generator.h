#pragma once
// Seeded demo cities: a grid or a ring-radial street network, zone centroids (numbered first,
// below FIRST THRU NODE, joined to the streets by connectors) and gravity-model demand
// d_ij ∝ P_i · A_j · exp(−β · free-flow time_ij), scaled to a total.

#include <cstdint>
#include <string>

#include "backend/traffic/network.h"

namespace routescope::traffic {

struct CityOptions {
  std::string layout = "grid";  // "grid" or "ring"
  int size = 6;                 // grid: size × size intersections; ring: rings (with 2·size+4 spokes)
  int zones = 8;
  double total_demand = 20000.0;
  double beta = 0.1;      // gravity deterrence per minute of free-flow time
  double block_km = 0.5;  // spacing of intersections
  uint64_t seed = 1;
};

struct City {
  Network network;  // coordinates filled (km)
  Demand demand;
};

// Throws core::Error for sizes out of range (named by option).
City generateCity(const CityOptions& options);

}  // namespace routescope::traffic
