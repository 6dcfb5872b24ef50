// Network design on the public Sioux Falls DNDP benchmark (../shared/data/ndp): exact
// enumeration of a 10-link instance and the GA's hit rate against it (≥ 8 of 10 seeds with at
// most 150 distinct UE solves). The fast test runs SF_DNDP_10_1 at budget 50 %; with
// ROUTESCOPE_NDP_ALL=1 (ctest label `long`) all ten instances at 25/50/75 %.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "backend/traffic/ndp_solver.h"
#include "backend/traffic/tntp_reader.h"
#include "tests/support/shared_data.h"

using namespace routescope::traffic;

namespace {

NdpProblem siouxFalls(int instance) {
  const std::string dir = routescope::testing::requireSharedData("ndp");
  NdpProblem p = readNdpInstanceFile(dir + "/SF_DNDP_10_" + std::to_string(instance) + ".txt");
  p.demand = readTripsFile(routescope::testing::requireSharedData("tntp/SiouxFalls/SiouxFalls_trips.tntp"),
                           &p.network);
  return p;
}

void checkGaAgainstExact(int instance, double fraction) {
  const NdpProblem p = siouxFalls(instance);
  ASSERT_EQ(p.candidates.size(), 10u);
  const double budget = p.budgetFor(fraction);
  const auto start = std::chrono::steady_clock::now();
  DesignEvaluator exact_eval(p, {});
  const ExactResult exact = solveExact(exact_eval, budget);
  const double exact_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(withinBudget(p, exact.best, budget));
  EXPECT_EQ(exact.evaluated + exact.pruned, exact.budget_feasible);
  EXPECT_LE(exact.worst_gap, 1e-10);
  int hits = 0, most_solves = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    DesignEvaluator evaluator(p, {});
    GaOptions o;
    o.seed = seed;
    o.max_ue_solves = 150;
    const GaResult ga = solveGa(evaluator, budget, o);
    EXPECT_LE(ga.ue_solves, 150);
    EXPECT_TRUE(withinBudget(p, ga.best, budget));
    most_solves = std::max(most_solves, ga.ue_solves);
    // The same design, or (a tie within solver noise) the same TSTT.
    if (designString(ga.best) == designString(exact.best) ||
        std::abs(ga.best_tstt - exact.best_tstt) <= 1e-8 * exact.best_tstt)
      ++hits;
    EXPECT_GE(ga.best_tstt, exact.best_tstt * (1 - 1e-8)) << "the GA cannot beat the exact optimum";
  }
  std::printf(
      "SF_DNDP_10_%d budget %.2f: optimum %s TSTT %.6f; exact %.2f s, %llu of %llu feasible evaluated, "
      "%llu pruned; GA hits %d/10, at most %d UE solves\n",
      instance, fraction, designString(exact.best).c_str(), exact.best_tstt, exact_s,
      static_cast<unsigned long long>(exact.evaluated),
      static_cast<unsigned long long>(exact.budget_feasible), static_cast<unsigned long long>(exact.pruned),
      hits, most_solves);
  EXPECT_GE(hits, 8) << "SF_DNDP_10_" << instance << " at budget " << fraction;
}

}  // namespace

TEST(NdpSiouxFalls, GaFindsTheEnumerationOptimum) {
  if (const char* only = std::getenv("ROUTESCOPE_NDP_ONLY")) {
    checkGaAgainstExact(std::atoi(only), std::atof(std::getenv("ROUTESCOPE_NDP_BUDGET")));
  } else if (std::getenv("ROUTESCOPE_NDP_ALL")) {
    for (int instance = 1; instance <= 10; ++instance)
      for (double fraction : {0.25, 0.5, 0.75}) checkGaAgainstExact(instance, fraction);
  } else {
    checkGaAgainstExact(1, 0.5);
  }
}
