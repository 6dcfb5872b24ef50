#pragma once
// The design map of a network-design run: the best design's network coloured by the flow change
// against the no-build network (blue–white–red, as the what-if difference map), the candidate
// links the design builds outlined thickly, and the budget use in the title.

#include <memory>

#include "plugins/sdk/run_data.h"
#include "plugins/traffic/network_map_view.h"

namespace routescope::plugins::traffic {

// True when the run stored both solutions (`before_`, `after_`) and candidates.csv.
bool hasDesignMap(const RunData& run);
// Throws core::Error naming the artifact when one is malformed or a built link is not in the network.
std::unique_ptr<NetworkMapView> designMap(const RunData& run);

}  // namespace routescope::plugins::traffic
