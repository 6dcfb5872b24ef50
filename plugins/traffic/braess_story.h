#pragma once
// The Braess paradox, computed: user equilibrium on the built-in Braess network without and with
// the middle link 3→4, and the system optimum with it. The text quotes the solver's numbers, so
// it stays true if the network or the solvers change.

#include <QString>

#include "backend/traffic/assignment.h"
#include "backend/traffic/network.h"
#include "plugins/traffic/map_data.h"

namespace routescope::plugins::traffic {

struct BraessStory {
  double demand = 6.0;
  routescope::traffic::AssignmentResult without_link, with_link, system_optimum;
  MapData without_map, with_map, optimum_map;  // same five link indices (the middle link closed in the first)
  QString text;
};

// Solves the three assignments (microseconds: four nodes) and writes the explanation.
BraessStory computeBraessStory(double demand = 6.0);

}  // namespace routescope::plugins::traffic
