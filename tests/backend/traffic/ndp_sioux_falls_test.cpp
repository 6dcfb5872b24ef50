// Network design on the public Sioux Falls DNDP benchmark (../shared/data/ndp): exact
// enumeration of a 10-link instance and the GA's hit rate against it (≥ 8 of 10 seeds with at
// most 150 distinct UE solves). The fast test runs SF_DNDP_10_1 at budget 50 %; with
// ROUTESCOPE_NDP_ALL=1 (ctest label `long`) all ten instances at 25/50/75 %.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
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
  ROUTESCOPE_REQUIRE_SHARED_DATA("ndp", "tntp/SiouxFalls/SiouxFalls_trips.tntp");
  if (const char* only = std::getenv("ROUTESCOPE_NDP_ONLY")) {
    checkGaAgainstExact(std::atoi(only), std::atof(std::getenv("ROUTESCOPE_NDP_BUDGET")));
  } else if (std::getenv("ROUTESCOPE_NDP_ALL")) {
    for (int instance = 1; instance <= 10; ++instance)
      for (double fraction : {0.25, 0.5, 0.75}) checkGaAgainstExact(instance, fraction);
  } else {
    checkGaAgainstExact(1, 0.5);
  }
}

// Issue 15 item 9: the optima of two published Sioux Falls DNDP instances (the 10-link instances
// of ../shared/data/ndp, demand SiouxFalls_trips.tntp) at budgets of 25, 50 and 75 % of the
// candidates' total cost, proven by the exact enumeration with UE solved to a relative gap of
// 1e-10 (values in the test names; the shared data lists no optima to compare with).
struct NdpOptimum {
  int instance;
  int budget_percent;
  const char* design;
  double tstt;
};

class NdpPublishedOptimum : public ::testing::TestWithParam<NdpOptimum> {};

TEST_P(NdpPublishedOptimum, ExactEnumerationReproducesIt) {
  ROUTESCOPE_REQUIRE_SHARED_DATA("ndp", "tntp/SiouxFalls/SiouxFalls_trips.tntp");
  const NdpOptimum& want = GetParam();
  const NdpProblem p = siouxFalls(want.instance);
  const double budget = p.budgetFor(want.budget_percent / 100.0);
  DesignEvaluator evaluator(p, {});
  const ExactResult exact = solveExact(evaluator, budget);
  std::printf("SF_DNDP_10_%d at %d %%: design %s TSTT %.4f\n", want.instance, want.budget_percent,
              designString(exact.best).c_str(), exact.best_tstt);
  EXPECT_TRUE(withinBudget(p, exact.best, budget));
  EXPECT_EQ(designString(exact.best), want.design);
  EXPECT_NEAR(exact.best_tstt, want.tstt, 0.01);
}

INSTANTIATE_TEST_SUITE_P(SiouxFalls10, NdpPublishedOptimum,
                         ::testing::Values(NdpOptimum{1, 25, "0000110000", 6227910.5979},
                                           NdpOptimum{1, 50, "0011110001", 5678135.3674},
                                           NdpOptimum{1, 75, "0011110111", 5294019.2327},
                                           NdpOptimum{3, 25, "1100000000", 6227910.8942},
                                           NdpOptimum{3, 50, "1100001101", 5448393.2961},
                                           NdpOptimum{3, 75, "1101001111", 5072769.9821}),
                         [](const ::testing::TestParamInfo<NdpOptimum>& param_info) {
                           const NdpOptimum& o = param_info.param;
                           const long long centi = std::llround(o.tstt * 100.0);
                           return "SF_DNDP_10_" + std::to_string(o.instance) + "_Budget" +
                                  std::to_string(o.budget_percent) + "Percent_Design" + o.design + "_Tstt" +
                                  std::to_string(centi / 100) + "_" + (centi % 100 < 10 ? "0" : "") +
                                  std::to_string(centi % 100);
                         });
