#pragma once
// A network with its demand, loaded from where a view got it (a run's config, files chosen in
// File → Open, the built-in Braess network), so the what-if panel can re-solve it.

#include <QString>
#include <functional>
#include <nlohmann/json.hpp>

#include "backend/traffic/link_cost.h"
#include "backend/traffic/network.h"

namespace routescope::plugins::traffic {

struct TrafficProblem {
  routescope::traffic::Network network;
  routescope::traffic::Demand demand;
  routescope::traffic::CostOptions cost;
};

// Called off the GUI thread; throws core::Error naming the file.
using ProblemLoader = std::function<TrafficProblem()>;

// From a traffic run's config (net, trips, nodes, toll/distance factors, system_optimum,
// demand_scale); "builtin:braess" needs no files.
ProblemLoader problemFromConfig(const nlohmann::json& config);
// A `_net.tntp` file with its `_trips.tntp` (and `_node.tntp`) beside it when present.
ProblemLoader problemFromNetFile(const QString& net_path);
// The `_trips.tntp` and `_node.tntp` paths beside a `_net.tntp` path (empty when absent).
QString siblingFile(const QString& net_path, const QString& suffix);

}  // namespace routescope::plugins::traffic
