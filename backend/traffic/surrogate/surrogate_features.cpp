#include "backend/traffic/surrogate/surrogate_features.h"

#include <algorithm>
#include <cmath>

#include "backend/core/error.h"
#include "backend/traffic/graph.h"
#include "backend/traffic/link_cost.h"

namespace routescope::traffic {

nlohmann::json FeatureScales::toJson() const {
  return {{"demand", demand}, {"capacity", capacity}, {"free_flow_time", free_flow_time}, {"flow", flow}};
}

FeatureScales FeatureScales::fromJson(const nlohmann::json& json) {
  FeatureScales s;
  s.demand = json.at("demand").get<double>();
  s.capacity = json.at("capacity").get<double>();
  s.free_flow_time = json.at("free_flow_time").get<double>();
  s.flow = json.at("flow").get<double>();
  return s;
}

FeatureScales featureScales(const NdpProblem& problem, std::span<const UeSample> training) {
  FeatureScales s;
  const auto mean = [](double sum, double n) { return n > 0 && sum > 0 ? sum / n : 1.0; };
  double demand = 0.0, pairs = 0.0;
  for (const OdPair& p : odPairs(problem.demand)) demand += p.flow, pairs += 1;
  s.demand = mean(demand, pairs);
  double capacity = 0.0, fftt = 0.0;
  for (const Link& l : problem.network.links) capacity += l.capacity, fftt += l.free_flow_time;
  s.capacity = mean(capacity, problem.network.linkCount());
  s.free_flow_time = mean(fftt, problem.network.linkCount());
  double flow = 0.0, count = 0.0;
  for (const UeSample& sample : training)
    for (const float f : sample.flows) flow += f, count += 1;
  s.flow = mean(flow, count);
  return s;
}

FeatureBuilder::FeatureBuilder(const NdpProblem& problem, int prior_iterations)
    : problem_(problem), prior_iterations_(prior_iterations) {
  zone_column_.assign(static_cast<size_t>(problem.network.nodes), -1);
  for (const OdPair& p : odPairs(problem.demand)) {
    zone_column_[static_cast<size_t>(p.origin)] = 0;
    zone_column_[static_cast<size_t>(p.destination)] = 0;
  }
  for (int32_t v = 0; v < problem.network.nodes; ++v)
    if (zone_column_[static_cast<size_t>(v)] == 0) {
      zone_column_[static_cast<size_t>(v)] = static_cast<int32_t>(zones_.size());
      zones_.push_back(v);
    }
  if (zones_.empty()) throw core::Error("surrogate: the demand has no OD flows");
  candidate_.assign(problem.network.links.size(), 0);
  for (const NdpCandidate& c : problem.candidates) candidate_[static_cast<size_t>(c.link)] = 1;
}

std::vector<double> FeatureBuilder::flowPrior(const Network& network, const Demand& demand) const {
  const Graph graph(network);
  const CostModel costs(network, CostOptions{});
  ShortestPathTree tree(graph);
  const size_t links = network.links.size();
  std::vector<double> flows(links, 0.0), target(links), cost(links);
  for (size_t a = 0; a < links; ++a) cost[a] = costs.travelTime(static_cast<int32_t>(a), 0.0);
  for (int k = 1; k <= prior_iterations_; ++k) {
    std::fill(target.begin(), target.end(), 0.0);
    for (const OriginDemand& o : demand.origins) {
      tree.run(o.origin, cost);
      tree.load(o.destinations, o.flows, target);
    }
    // The method of successive averages: x ← x + (y − x) / k (k = 1 takes y).
    for (size_t a = 0; a < links; ++a) flows[a] += (target[a] - flows[a]) / k;
    for (size_t a = 0; a < links; ++a) cost[a] = costs.travelTime(static_cast<int32_t>(a), flows[a]);
  }
  return flows;
}

void FeatureBuilder::fill(const UeSample& sample, const FeatureScales& scales, float* node, float* link,
                          float* open, float* capacity) const {
  const Network network = sampleNetwork(problem_, sample);
  const Demand demand = sampleDemand(problem_, sample);
  const size_t z = zones_.size();
  std::fill(node, node + static_cast<size_t>(nodes()) * 2 * z, 0.0f);
  for (const OriginDemand& o : demand.origins)
    for (size_t j = 0; j < o.destinations.size(); ++j) {
      const auto flow = static_cast<float>(o.flows[j] / scales.demand);
      const auto to_column = static_cast<size_t>(zone_column_[static_cast<size_t>(o.destinations[j])]);
      const auto from_column = static_cast<size_t>(zone_column_[static_cast<size_t>(o.origin)]);
      node[static_cast<size_t>(o.origin) * 2 * z + to_column] += flow;
      node[static_cast<size_t>(o.destinations[j]) * 2 * z + z + from_column] += flow;
    }
  const std::vector<double> prior =
      prior_iterations_ > 0 ? flowPrior(network, demand) : std::vector<double>(network.links.size(), 0.0);
  std::vector<uint8_t> built(network.links.size(), 0);
  for (size_t i = 0; i < sample.design.size(); ++i)
    if (sample.design[i]) built[static_cast<size_t>(problem_.candidates[i].link)] = 1;
  for (size_t a = 0; a < network.links.size(); ++a) {
    const Link& l = network.links[a];
    float* row = link + a * kLinkFeatures;
    row[0] = static_cast<float>(l.capacity / scales.capacity);
    row[1] = static_cast<float>(l.free_flow_time / scales.free_flow_time);
    row[2] = l.closed ? 0.0f : 1.0f;
    row[3] = candidate_[a];
    row[4] = built[a];
    row[5] = static_cast<float>(prior[a] / scales.flow);
    row[6] = static_cast<float>(l.capacity > 0 ? prior[a] / l.capacity : 0.0);
    open[a] = l.closed ? 0.0f : 1.0f;
    capacity[a] = static_cast<float>(l.capacity);
  }
}

}  // namespace routescope::traffic
