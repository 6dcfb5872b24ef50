// Network design (issue 8): the DNDP reader and its one-line errors, exact enumeration against
// brute force, the SO pruning bound against no pruning, budgets, and the GA on a small instance.
#include <gtest/gtest.h>

#include <atomic>
#include <limits>
#include <random>

#include "backend/core/error.h"
#include "backend/traffic/generator.h"
#include "backend/traffic/ndp_solver.h"
#include "backend/traffic/tntp_reader.h"

using namespace routescope::traffic;

namespace {

// A 5-node ring (8 links) with 4 candidate shortcuts; congested enough that building matters.
const std::string kInstance =
    "<NUMBER OF ZONES> 5\n<NUMBER OF NODES> 5\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 8\n"
    "<NUMBER OF NEW LINKS> 4\n<END OF METADATA>\n\n"
    "~ init term capacity length fftt b power speed toll type cost ;\n"
    "1\t2\t10\t1\t4\t0.15\t4\t0\t0\t1\t0\t;\n"
    "2 3 10 1 4 0.15 4 0 0 1 0 ;\n"
    "3 4 10 1 4 0.15 4 0 0 1 0 ;\n"
    "4 5 10 1 4 0.15 4 0 0 1 0 ;\n"
    "5 1 10 1 4 0.15 4 0 0 1 0 ;\n"
    "2 1 10 1 4 0.15 4 0 0 1 0 ;\n"
    "3 2 10 1 4 0.15 4 0 0 1 0 ;\n"
    "4 3 10 1 4 0.15 4 0 0 1 0 ;\n"
    "1 3 8 1 6 0.15 4 0 0 1 3 ;\n"
    "1 4 8 1 7 0.15 4 0 0 1 4 ;\n"
    "2 4 6 1 5 0.15 4 0 0 1 2 ;\n"
    "3 5 8 1 5 0.15 4 0 0 1 5 ;\n";
const std::string kTrips =
    "<NUMBER OF ZONES> 5\n<TOTAL OD FLOW> 45\n<END OF METADATA>\n"
    "Origin 1\n 3 : 12; 4 : 10;\nOrigin 2\n 5 : 8;\nOrigin 3\n 1 : 6; 5 : 9;\n";

NdpProblem handMade() {
  NdpProblem p = parseNdpInstance(kInstance, "hand.txt");
  p.demand = parseTrips(kTrips, "hand_trips.tntp");
  return p;
}

// Brute force: every design solved cold and independently.
std::pair<std::string, double> bruteForce(const NdpProblem& p, double budget) {
  std::pair<std::string, double> best{"", std::numeric_limits<double>::infinity()};
  SolverOptions o;
  o.target_gap = 1e-11;
  for (uint64_t i = 0; i < (uint64_t{1} << p.candidates.size()); ++i) {
    const Design d = designFromIndex(i, p.candidates.size());
    if (!withinBudget(p, d, budget)) continue;
    const double t = solve(designNetwork(p, d), p.demand, o).final.tstt;
    if (t < best.second) best = {designString(d), t};
  }
  return best;
}

std::string errorOf(const std::string& text) {
  try {
    parseNdpInstance(text, "bad.txt");
  } catch (const routescope::core::Error& e) {
    return e.what();
  }
  return "no error";
}

void expectOneLine(const std::string& message, const std::string& part) {
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_NE(message.find(part), std::string::npos) << message;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST(NdpReader, CandidatesAreTheLastRowsClosedWithTheirCosts) {
  const NdpProblem p = handMade();
  ASSERT_EQ(p.network.linkCount(), 12);
  ASSERT_EQ(p.candidates.size(), 4u);
  EXPECT_EQ(p.candidates[0].link, 8);
  EXPECT_EQ(p.network.links[8].from, 0);
  EXPECT_EQ(p.network.links[8].to, 2);
  EXPECT_TRUE(p.network.links[8].closed);
  EXPECT_FALSE(p.network.links[7].closed);
  EXPECT_DOUBLE_EQ(p.totalCost(), 14.0);
  EXPECT_DOUBLE_EQ(p.budgetFor(0.5), 7.0);
  EXPECT_EQ(designString(parseDesign("0110", 4)), "0110");
  EXPECT_DOUBLE_EQ(designCost(p, parseDesign("0110", 4)), 6.0);
  const Network built = designNetwork(p, parseDesign("1001", 4));
  EXPECT_FALSE(built.links[8].closed);
  EXPECT_TRUE(built.links[9].closed);
  EXPECT_FALSE(built.links[11].closed);
}

TEST(NdpReader, MalformedInstancesGiveOneLineErrors) {
  expectOneLine(errorOf(replaced(kInstance, "<NUMBER OF NEW LINKS> 4\n", "")),
                "bad.txt:5: field 'NUMBER OF NEW LINKS': missing");
  expectOneLine(errorOf(replaced(kInstance, "<NUMBER OF NEW LINKS> 4", "<NUMBER OF NEW LINKS> x")),
                "bad.txt:5: field 'NUMBER OF NEW LINKS': 'x' is not a number");
  expectOneLine(errorOf(replaced(kInstance, "<NUMBER OF NEW LINKS> 4", "<NUMBER OF NEW LINKS> 5")),
                "bad.txt:4: field 'NUMBER OF LINKS': 8 existing + 5 new links announced");
  expectOneLine(errorOf(replaced(kInstance, "3 5 8 1 5 0.15 4 0 0 1 5 ;", "3 5 8 1 5 0.15 4 0 0 1 5x ;")),
                "bad.txt:20: field 'cost': '5x' is not a number");
  expectOneLine(errorOf(replaced(kInstance, "2 4 6 1 5 0.15 4 0 0 1 2 ;", "2 4 6 1 5 0.15 4 0 0 1 ;")),
                "bad.txt:19: field 'columns': expected 11 columns");
  expectOneLine(errorOf(replaced(kInstance, "2 4 6 1 5 0.15 4 0 0 1 2 ;", "2 4 6 1 5 0.15 4 0 0 1 0 ;")),
                "bad.txt:19: field 'cost': candidate link cost must be positive");
  // Errors of the plain `_net` part come from the TNTP reader, with the same line numbers.
  expectOneLine(errorOf(replaced(kInstance, "1 4 8 1 7", "1 9 8 1 7")),
                "bad.txt:18: field 'term_node': unknown node 9");
  expectOneLine(errorOf(kInstance.substr(0, 60)), "field 'END OF METADATA'");
  try {
    readNdpInstanceFile("/nonexistent/SF_DNDP.txt");
    ADD_FAILURE();
  } catch (const routescope::core::Error& e) {
    expectOneLine(e.what(), "/nonexistent/SF_DNDP.txt");
  }
}

// Issue 15 item 2: nan and inf parsed through std::from_chars and passed every check; the DNDP
// reader (and the TNTP reader it hands the link rows to) refuses them, naming line and field, and
// refuses negative constant costs (issue 15 item 1) like the TNTP reader.
TEST(NdpReader, NonFiniteNumbersAndNegativeCostsAreErrorsNamingLineAndField) {
  expectOneLine(errorOf(replaced(kInstance, "3 5 8 1 5 0.15 4 0 0 1 5 ;", "3 5 8 1 5 0.15 4 0 0 1 inf ;")),
                "bad.txt:20: field 'cost': 'inf' is not a finite number");
  expectOneLine(errorOf(replaced(kInstance, "\t1\t0\t;", "\t1\tnan\t;")),
                "bad.txt:9: field 'cost': 'nan' is not a finite number");
  expectOneLine(errorOf(replaced(kInstance, "2 3 10 1 4 0.15", "2 3 10 1 nan 0.15")),
                "bad.txt:10: field 'free_flow_time': 'nan' is not a finite number");
  expectOneLine(errorOf(replaced(kInstance, "<NUMBER OF NEW LINKS> 4", "<NUMBER OF NEW LINKS> nan")),
                "bad.txt:5: field 'NUMBER OF NEW LINKS': 'nan' is not a finite number");
  expectOneLine(errorOf(replaced(kInstance, "<NUMBER OF LINKS> 8", "<NUMBER OF LINKS> inf")),
                "bad.txt:4: field 'NUMBER OF LINKS': 'inf' is not a finite number");
  expectOneLine(errorOf(replaced(kInstance, "1 3 8 1 6 0.15 4 0 0 1 3 ;", "1 3 8 1 6 0.15 4 0 -5 1 3 ;")),
                "bad.txt:17: field 'toll': -5 is negative");
  expectOneLine(errorOf(replaced(kInstance, "1 3 8 1 6 0.15 4 0 0 1 3 ;", "1.5 3 8 1 6 0.15 4 0 0 1 3 ;")),
                "bad.txt:17: field 'init_node': '1.5' is not an integer");
}

// The enumeration polls cancellation itself (2^24 designs take seconds before any solve), and a
// cancel surfaces as core::JobCancelled, which the jobs record as a cancelled run.
TEST(NdpExact, CancellationStopsTheEnumerationWithJobCancelled) {
  const NdpProblem p = handMade();
  std::atomic<bool> stop{false};
  NdpSolveSettings settings;
  settings.cancelled = [&stop] { return stop.load(); };
  DesignEvaluator evaluator(p, settings);
  stop = true;
  EXPECT_THROW(solveExact(evaluator, p.budgetFor(0.5)), routescope::core::JobCancelled);
  EXPECT_THROW(evaluator.evaluate(parseDesign("1111", 4)), routescope::core::JobCancelled);
}

TEST(NdpExact, EnumerationEqualsBruteForceOnFourCandidates) {
  const NdpProblem p = handMade();
  for (double fraction : {0.0, 0.3, 0.5, 0.75, 1.0}) {
    const double budget = p.budgetFor(fraction);
    const auto brute = bruteForce(p, budget);
    for (int prefix : {0, 2, 4}) {
      DesignEvaluator evaluator(p, {});
      ExactOptions o;
      o.prefix_bits = prefix;
      const ExactResult r = solveExact(evaluator, budget, o);
      EXPECT_EQ(designString(r.best), brute.first) << "budget " << fraction << " prefix " << prefix;
      EXPECT_NEAR(r.best_tstt, brute.second, 1e-7 * brute.second);
      EXPECT_TRUE(withinBudget(p, r.best, budget));
      EXPECT_EQ(r.designs, 16u);
      EXPECT_EQ(r.evaluated + r.pruned, r.budget_feasible);
      EXPECT_LE(r.worst_gap, 1e-10);
      EXPECT_DOUBLE_EQ(r.gap, 1e-10);
    }
  }
}

TEST(NdpExact, PruningNeverRemovesTheOptimum) {
  // Random small problems: a congested seeded grid city, lane additions on random links with
  // random costs, random budgets; pruning on must find exactly what pruning off finds.
  std::mt19937_64 rng(7);
  int pruned_total = 0;
  for (int trial = 0; trial < 4; ++trial) {
    CityOptions c;
    c.size = 4;
    c.zones = 5;
    c.total_demand = 6000.0;
    c.seed = 100 + static_cast<uint64_t>(trial);
    const City city = generateCity(c);
    NdpProblem p = laneAdditionProblem(city.network, 0.5);
    p.demand = city.demand;
    std::shuffle(p.candidates.begin(), p.candidates.end(), rng);
    p.candidates.resize(7);
    for (auto& cand : p.candidates) cand.cost = std::uniform_real_distribution<double>(1.0, 10.0)(rng);
    const double budget = p.budgetFor(std::uniform_real_distribution<double>(0.2, 0.8)(rng));
    DesignEvaluator off_eval(p, {});
    ExactOptions off;
    off.prune = false;
    const ExactResult without = solveExact(off_eval, budget, off);
    DesignEvaluator on_eval(p, {});
    ExactOptions on;
    on.prefix_bits = 4;
    const ExactResult with = solveExact(on_eval, budget, on);
    EXPECT_EQ(designString(with.best), designString(without.best)) << "trial " << trial;
    EXPECT_DOUBLE_EQ(with.best_tstt, without.best_tstt);
    EXPECT_EQ(without.pruned, 0u);
    EXPECT_EQ(with.evaluated + with.pruned, with.budget_feasible);
    pruned_total += static_cast<int>(with.pruned);
  }
  RecordProperty("pruned", pruned_total);
  EXPECT_GT(pruned_total, 0) << "the bound should prune something here, else this test shows nothing";
}

TEST(NdpExact, SameAnswerOnOneAndTwoWorkers) {
  const NdpProblem p = handMade();
  NdpSolveSettings one;
  one.threads = 1;
  DesignEvaluator a(p, one), b(p, {});
  const ExactResult ra = solveExact(a, p.budgetFor(0.6)), rb = solveExact(b, p.budgetFor(0.6));
  EXPECT_EQ(designString(ra.best), designString(rb.best));
  EXPECT_EQ(ra.best_tstt, rb.best_tstt);
  EXPECT_EQ(ra.evaluated, rb.evaluated);
}

TEST(NdpGa, NeverReportsAnOverBudgetDesignAndCachesSolves) {
  const NdpProblem p = handMade();
  const double budget = p.budgetFor(0.3);
  const auto brute = bruteForce(p, budget);
  for (BudgetHandling handling : {BudgetHandling::Repair, BudgetHandling::Penalty}) {
    for (uint64_t seed = 1; seed <= 3; ++seed) {
      DesignEvaluator evaluator(p, {});
      GaOptions o;
      o.budget = handling;
      o.penalty = 0.0;  // no penalty at all: over-budget designs win on fitness, yet are not reported
      o.population = 8;
      o.generations = 30;
      o.seed = seed;
      const GaResult r = solveGa(evaluator, budget, o);
      EXPECT_TRUE(withinBudget(p, r.best, budget)) << designString(r.best);
      EXPECT_LE(r.ue_solves, 16);
      EXPECT_EQ(r.ue_solves, static_cast<int>(evaluator.solved().size()));
      EXPECT_EQ(r.history.size(), static_cast<size_t>(r.generations + 1));
      for (size_t g = 1; g < r.history.size(); ++g) EXPECT_LE(r.history[g].best, r.history[g - 1].best);
      if (handling == BudgetHandling::Repair) {
        EXPECT_EQ(designString(r.best), brute.first);
      }
    }
  }
}

TEST(NdpGa, RespectsTheSolveCapAndIsSeeded) {
  const NdpProblem p = handMade();
  GaOptions o;
  o.max_ue_solves = 5;
  o.population = 6;
  o.seed = 42;
  DesignEvaluator a(p, {}), b(p, {});
  const GaResult ra = solveGa(a, p.budgetFor(1.0), o), rb = solveGa(b, p.budgetFor(1.0), o);
  EXPECT_LE(ra.ue_solves, 5);
  EXPECT_EQ(designString(ra.best), designString(rb.best));
  EXPECT_EQ(ra.history.size(), rb.history.size());
}
