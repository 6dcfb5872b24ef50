// Exact enumeration of budget-feasible designs with a valid system-optimum bound.
//
// For any design D and any design S ⊇ D (more links or more capacity):
//   UE-TSTT(D) ≥ SO-TSTT(D) ≥ SO-TSTT(S),
// the first because the UE flow is feasible for the SO problem, the second because building
// more can only enlarge the SO feasible set. UE-TSTT itself is not monotone (Braess), so only SO
// values bound. Designs are grouped by their first k candidates; within a group every feasible
// design is a subset of "the group's prefix plus every remaining candidate that fits in the
// remaining budget", whose SO TSTT (as a lower bound, see ndp_evaluator.cpp) bounds the group.
// Groups are visited in order of their bound and skipped when the bound exceeds the incumbent.
// The incumbent is only updated between groups, so the result and the counts do not depend on
// thread timing.
#include <algorithm>
#include <limits>
#include <numeric>

#include "backend/core/error.h"
#include "backend/traffic/ndp_solver.h"

namespace routescope::traffic {

ExactResult solveExact(DesignEvaluator& evaluator, double budget, const ExactOptions& options) {
  const NdpProblem& problem = evaluator.problem();
  const int m = static_cast<int>(problem.candidates.size());
  if (m > 24)
    throw core::Error("exact enumeration: " + std::to_string(m) + " candidates is too many (at most 24)");
  const int k = std::clamp(options.prefix_bits < 0 ? m - 6 : options.prefix_bits, 0, m);
  ExactResult result;
  result.designs = uint64_t{1} << m;
  result.gap = evaluator.settings().gap;
  const auto affordableCompletion = [&](const Design& prefix_design) {
    Design d = prefix_design;
    const double left = budget - designCost(problem, prefix_design);
    for (int i = k; i < m; ++i)
      d[static_cast<size_t>(i)] =
          problem.candidates[static_cast<size_t>(i)].cost <= left * (1 + 1e-12) + 1e-12;
    return d;
  };

  // The enumeration of 2^24 designs takes seconds: poll cancellation every 4096 designs and
  // between groups (the UE and SO solves poll it themselves).
  const auto poll = [cancelled = evaluator.settings().cancelled] {
    if (cancelled && cancelled()) throw core::JobCancelled();
  };
  // Feasible designs per group.
  const uint64_t groups = uint64_t{1} << k;
  std::vector<std::vector<Design>> members(groups);
  for (uint64_t index = 0; index < result.designs; ++index) {
    if ((index & 4095u) == 0) poll();
    Design d = designFromIndex(index, static_cast<size_t>(m));
    if (!withinBudget(problem, d, budget)) continue;
    ++result.budget_feasible;
    members[index & (groups - 1)].push_back(std::move(d));
  }
  {
    Design all(static_cast<size_t>(m), 0);
    for (int i = 0; i < m; ++i)
      all[static_cast<size_t>(i)] =
          problem.candidates[static_cast<size_t>(i)].cost <= budget * (1 + 1e-12) + 1e-12;
    result.global_bound = evaluator.systemOptimumLowerBound(all);
    ++result.bound_solves;
  }
  std::vector<double> bound(groups, -std::numeric_limits<double>::infinity());
  std::vector<uint64_t> order;
  for (uint64_t g = 0; g < groups; ++g)
    if (!members[g].empty()) order.push_back(g);
  if (options.prune && k > 0) {
    parallelFor(order.size(), evaluator.settings().threads, [&](size_t i) {
      poll();
      bound[order[i]] = evaluator.systemOptimumLowerBound(
          affordableCompletion(designFromIndex(order[i], static_cast<size_t>(m))));
    });
    result.bound_solves += static_cast<int>(order.size());
    std::stable_sort(order.begin(), order.end(), [&](uint64_t a, uint64_t b) { return bound[a] < bound[b]; });
  }
  for (auto& b : bound) b = std::max(b, result.global_bound);

  double incumbent = std::numeric_limits<double>::infinity();
  std::string incumbent_key;
  size_t done = 0;
  for (uint64_t g : order) {
    poll();
    if (options.prune && bound[g] > incumbent) {
      result.pruned += members[g].size();
    } else {
      const std::vector<double> values = evaluator.evaluate(members[g]);
      result.evaluated += members[g].size();
      for (size_t i = 0; i < values.size(); ++i) {
        const std::string key = designString(members[g][i]);
        if (values[i] < incumbent || (values[i] == incumbent && key < incumbent_key)) {
          incumbent = values[i];
          incumbent_key = key;
          result.best = members[g][i];
        }
      }
    }
    ++done;
    if (options.progress) options.progress(static_cast<double>(done) / static_cast<double>(order.size()));
  }
  if (result.best.empty()) throw core::Error("exact enumeration: no design fits the budget");
  result.best_tstt = incumbent;
  result.worst_gap = evaluator.worstGap();
  result.ue_solves = evaluator.ueSolves();
  return result;
}

}  // namespace routescope::traffic
