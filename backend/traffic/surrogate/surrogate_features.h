#pragma once
// The surrogate's inputs for one sample as flat float rows (torch-free, so it can be tested and
// computed on worker threads): node rows of the OD matrix and link attributes with a flow prior.
// See flow_surrogate.h for what each input means.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "backend/traffic/ndp_problem.h"
#include "backend/traffic/surrogate/ue_samples.h"

namespace routescope::traffic {

// Divisors that bring inputs and flows to order one; fixed at training, stored with the model.
struct FeatureScales {
  double demand = 1.0;          // mean positive OD flow of the problem's demand
  double capacity = 1.0;        // mean capacity of the problem's links
  double free_flow_time = 1.0;  // mean free-flow time
  double flow = 1.0;            // mean UE link flow over the training samples
  nlohmann::json toJson() const;
  static FeatureScales fromJson(const nlohmann::json& json);
};
FeatureScales featureScales(const NdpProblem& problem, std::span<const UeSample> training);

class FeatureBuilder {
 public:
  static constexpr int kLinkFeatures = 7;
  FeatureBuilder(const NdpProblem& problem, int prior_iterations);

  int nodes() const { return problem_.network.nodes; }
  int links() const { return problem_.network.linkCount(); }
  int nodeFeatures() const { return 2 * static_cast<int>(zones_.size()); }
  // Writes node [nodes × nodeFeatures()], link [links × kLinkFeatures], open [links] (1 open,
  // 0 closed) and the links' effective capacities [links].
  void fill(const UeSample& sample, const FeatureScales& scales, float* node, float* link, float* open,
            float* capacity) const;

 private:
  // Link flows of `prior_iterations` MSA steps from free-flow all-or-nothing.
  std::vector<double> flowPrior(const Network& network, const Demand& demand) const;

  const NdpProblem& problem_;
  int prior_iterations_;
  std::vector<int32_t> zones_;        // the nodes that send or receive demand, ascending
  std::vector<int32_t> zone_column_;  // node → column in zones_, or -1
  std::vector<uint8_t> candidate_;    // per link: 1 when some candidate acts on it
};

}  // namespace routescope::traffic
