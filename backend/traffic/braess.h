#pragma once
// The built-in Braess network (the classic four-node example, as in TNTP's Braess-Example):
// demand 6 from node 1 to node 2; routes 1→3→2 and 1→4→2 cost 10x + 50 + x; the middle link
// 3→4 costs 10 + x. Without the middle link the user equilibrium has TSTT 498 (3 + 3 vehicles,
// 83 each); with it 552 (2 on each of the three routes, 92 each), while the system optimum
// stays 498. The "10x" links are BPR with fftt 1e-8 and b = 1e9, exactly as the TNTP file.

#include "backend/traffic/network.h"

namespace routescope::traffic {

// Links in the order of the TNTP file: 1→3, 1→4, 3→2, 3→4 (middle), 4→2. Without the middle
// link, it is left out (4 links) — or, with `close_instead`, kept but closed so that link indices
// match the five-link network.
Network braessNetwork(bool with_middle_link = true, bool close_instead = false);
Demand braessDemand(double total = 6.0);
inline constexpr int32_t kBraessMiddleLink = 3;

}  // namespace routescope::traffic
