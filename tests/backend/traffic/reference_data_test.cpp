// Published equilibria of the TNTP reference networks (values in ../shared/DESIGN.md, flows in
// the `_flow.tntp` files); skipped when ../shared/data is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "backend/traffic/assignment.h"
#include "backend/traffic/tntp_reader.h"
#include "tests/support/shared_data.h"

using namespace routescope::traffic;
using routescope::testing::requireSharedData;

namespace {

struct Loaded {
  Network network;
  Demand demand;
};

Loaded load(const std::string& folder, const std::string& name) {
  const std::string net = requireSharedData("tntp/" + folder + "/" + name + "_net.tntp");
  const std::string trips = requireSharedData("tntp/" + folder + "/" + name + "_trips.tntp");
  Loaded l{readNetworkFile(net), {}};
  l.demand = readTripsFile(trips, &l.network);
  return l;
}

AssignmentResult solveTo(const Loaded& l, Algorithm algorithm, double gap, CostOptions cost = {}) {
  SolverOptions o;
  o.algorithm = algorithm;
  o.target_gap = gap;
  o.max_seconds = 120.0;
  o.cost = cost;
  return solve(l.network, l.demand, o);
}

// Largest |flow − published flow| over links, matched by (from, to).
double largestFlowDifference(const Loaded& l, const AssignmentResult& r, const std::string& flow_file) {
  const auto published = readFlowFile(flow_file);
  EXPECT_EQ(published.size(), l.network.links.size());
  double worst = 0.0;
  size_t worst_link = 0;
  for (size_t a = 0; a < published.size() && a < l.network.links.size(); ++a) {
    const Link& link = l.network.links[a];
    EXPECT_EQ(published[a].from, link.from + 1);
    EXPECT_EQ(published[a].to, link.to + 1);
    const double diff = std::abs(r.flows[a] - published[a].volume);
    if (diff > worst) worst = diff, worst_link = a;
  }
  std::printf("%s: largest link flow difference %.3e vehicles (link %zu, %d-%d)\n", l.network.name.c_str(),
              worst, worst_link + 1, l.network.links[worst_link].from + 1,
              l.network.links[worst_link].to + 1);
  return worst;
}

}  // namespace

// DESIGN.md: Sioux Falls TSTT 7,480,225.34, Beckmann objective 4,231,335.287.
TEST(ReferenceData, SiouxFallsTstt7480225_34Beckmann4231335_287AtGap1e10) {
  ROUTESCOPE_REQUIRE_SHARED_DATA("tntp/SiouxFalls");
  const Loaded l = load("SiouxFalls", "SiouxFalls");
  const AssignmentResult r = solveTo(l, Algorithm::AlgorithmB, 1e-10);
  ASSERT_EQ(r.stop, StopReason::Converged);
  EXPECT_LE(r.final.relative_gap, 1e-10);
  EXPECT_NEAR(r.final.tstt, 7480225.34, 7480225.34 * 1e-6);
  EXPECT_NEAR(r.final.beckmann, 4231335.287, 4231335.287 * 1e-6);
  EXPECT_LT(largestFlowDifference(l, r, requireSharedData("tntp/SiouxFalls/SiouxFalls_flow.tntp")), 0.01);
}

// DESIGN.md: Anaheim TSTT 1,419,913.85, Beckmann objective 1,286,032.171.
TEST(ReferenceData, AnaheimTstt1419913_85Beckmann1286032_171AtGap1e10) {
  ROUTESCOPE_REQUIRE_SHARED_DATA("tntp/Anaheim");
  const Loaded l = load("Anaheim", "Anaheim");
  const AssignmentResult r = solveTo(l, Algorithm::AlgorithmB, 1e-10);
  ASSERT_EQ(r.stop, StopReason::Converged);
  EXPECT_NEAR(r.final.tstt, 1419913.85, 1419913.85 * 1e-6);
  EXPECT_NEAR(r.final.beckmann, 1286032.171, 1286032.171 * 1e-6);
  EXPECT_LT(largestFlowDifference(l, r, requireSharedData("tntp/Anaheim/Anaheim_flow.tntp")), 0.01);
}

namespace {

// Largest relative link flow difference over links that carry more than 1 % of the largest flow.
double largestRelativeDifference(const AssignmentResult& bfw, const AssignmentResult& bush, int& compared) {
  const double largest = *std::max_element(bush.flows.begin(), bush.flows.end());
  double worst = 0.0;
  compared = 0;
  for (size_t a = 0; a < bush.flows.size(); ++a) {
    if (bush.flows[a] <= 0.01 * largest) continue;
    ++compared;
    worst = std::max(worst, std::abs(bfw.flows[a] - bush.flows[a]) / bush.flows[a]);
  }
  return worst;
}

}  // namespace

// Bi-conjugate Frank-Wolfe at gap 1e-6 and Algorithm B agree within 1 % on every link that
// carries more than 1 % of the largest flow (Sioux Falls).
TEST(ReferenceData, BiconjugateFrankWolfeAt1e6AgreesWithAlgorithmBWithin1Percent) {
  ROUTESCOPE_REQUIRE_SHARED_DATA("tntp/SiouxFalls");
  const Loaded l = load("SiouxFalls", "SiouxFalls");
  const AssignmentResult bfw = solveTo(l, Algorithm::BiconjugateFrankWolfe, 1e-6);
  const AssignmentResult bush = solveTo(l, Algorithm::AlgorithmB, 1e-10);
  ASSERT_EQ(bfw.stop, StopReason::Converged);
  int compared = 0;
  const double worst = largestRelativeDifference(bfw, bush, compared);
  std::printf(
      "Sioux Falls: BFW (%d iterations) vs Algorithm B: largest relative difference %.3e over %d links\n",
      bfw.final.iteration, worst, compared);
  EXPECT_LT(worst, 0.01);
  EXPECT_GT(compared, 50);
}

// On Anaheim the same comparison does not hold, and not because of either solver: most links
// run far below capacity (v/c < 0.3), where BPR costs are nearly flat, so a gap of 1e-6 leaves
// their flows free by several percent (measured: up to ~13 % on links with v/c 0.03–0.3). What a
// gap of 1e-6 does fix is the objective, which is checked here; the flows are printed.
TEST(ReferenceData, AnaheimBiconjugateFrankWolfeAt1e6ReachesAlgorithmBsObjective) {
  ROUTESCOPE_REQUIRE_SHARED_DATA("tntp/Anaheim");
  const Loaded l = load("Anaheim", "Anaheim");
  const AssignmentResult bfw = solveTo(l, Algorithm::BiconjugateFrankWolfe, 1e-6);
  const AssignmentResult bush = solveTo(l, Algorithm::AlgorithmB, 1e-10);
  ASSERT_EQ(bfw.stop, StopReason::Converged);
  int compared = 0;
  const double worst = largestRelativeDifference(bfw, bush, compared);
  std::printf(
      "Anaheim: BFW (%d iterations) vs Algorithm B: largest relative flow difference %.3e over %d links\n",
      bfw.final.iteration, worst, compared);
  EXPECT_NEAR(bfw.final.beckmann, bush.final.beckmann, bush.final.beckmann * 1e-6);
}
