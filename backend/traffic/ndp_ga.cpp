// Genetic algorithm over binary designs with a cached fitness (exact UE or a surrogate: no design
// evaluated twice), its best designs re-checked with exact UE. The search itself is
// search::GeneticSearch with the bit-string operators; what is network design here is the initial
// density, the budget repair or penalty, the solve cap counting the fitness's earlier solves, and
// the re-check. Its random draws are in the order of the hand-written loop this replaced (commit
// 78b4dc1), so a seed gives the same designs as before (traffic_ndp_ga_regression_test).
#include <algorithm>
#include <cmath>
#include <random>

#include "backend/core/error.h"
#include "backend/search/bit_string.h"
#include "backend/search/genetic_search.h"
#include "backend/traffic/ndp_solver.h"

namespace routescope::traffic {

GaResult solveGa(DesignFitness& evaluator, const DesignEvaluator& exact, double budget,
                 const GaOptions& options) {
  const NdpProblem& problem = exact.problem();
  const size_t m = problem.candidates.size();
  if (m == 0) throw core::Error("genetic algorithm: the problem has no candidates");
  if (!(budget >= 0)) throw core::Error("genetic algorithm: the budget must be a non-negative number");
  const double mutation = options.mutation < 0 ? 1.0 / static_cast<double>(m) : options.mutation;
  // Initial population: random designs, each bit on with the probability that fills about the
  // budget on average, made feasible.
  const double density = std::clamp(budget / std::max(problem.totalCost(), 1e-12), 0.05, 0.95);
  search::GeneticOperators<Design> ops =
      search::bitStringOperators(m, density, search::BitCrossover::Uniform, mutation);

  // Repair drops randomly chosen built candidates until the design fits (unbiased between
  // candidates, keeping whatever still fits), then, with probability `fill`, adds randomly chosen
  // candidates that still fit: designs that leave budget unused are rarely optimal (though they
  // can be, Braess), so most of the small solve budget goes to designs that use the budget.
  ops.feasible = [&](const Design& d) { return withinBudget(problem, d, budget); };
  if (options.budget == BudgetHandling::Repair) {
    ops.repair = [&](Design& d, search::Rng& rng) {
      std::uniform_real_distribution<double> unit(0.0, 1.0);
      while (!withinBudget(problem, d, budget)) {
        std::vector<size_t> on;
        for (size_t i = 0; i < m; ++i)
          if (d[i]) on.push_back(i);
        d[on[std::uniform_int_distribution<size_t>(0, on.size() - 1)(rng)]] = 0;
      }
      if (unit(rng) >= options.fill) return;
      for (;;) {
        const double left = budget - designCost(problem, d);
        std::vector<size_t> fits;
        for (size_t i = 0; i < m; ++i)
          if (!d[i] && problem.candidates[i].cost <= left * (1 + 1e-12) + 1e-12) fits.push_back(i);
        if (fits.empty()) return;
        d[fits[std::uniform_int_distribution<size_t>(0, fits.size() - 1)(rng)]] = 1;
      }
    };
  } else {
    ops.penalty = [&](const Design& d, double tstt) {
      const double over = std::max(0.0, designCost(problem, d) - budget);
      return tstt * (1.0 + options.penalty * over / std::max(budget, 1e-12));
    };
  }

  // The solve cap counts what the fitness had solved before (the no-build design): those designs
  // are known to the search and cost nothing.
  const int known = evaluator.evaluations();
  search::GeneticOptions so;
  so.population = options.population;
  so.generations = options.generations;
  so.max_evaluations = std::max(0, options.max_ue_solves - known);
  so.tournament = options.tournament;
  so.elite = options.elite;
  so.crossover_rate = options.crossover;
  // Keep mutating (a few times) a child that was already solved: repeats cost nothing but also
  // teach nothing, and the solve budget is small.
  so.mutation_attempts = 5;
  so.seed = options.seed;
  so.cancelled = options.cancelled;
  GaResult result;
  so.on_generation = [&](const search::GenerationReport& r) {
    GaGeneration g;
    g.best = r.best;
    g.best_feasible = r.best_feasible;
    g.mean = r.mean;
    g.evaluations = known + r.evaluations;
    g.seconds = r.seconds;
    result.history.push_back(g);
    if (options.on_generation) options.on_generation(r.generation, g);
  };
  search::GeneticSearch<Design> ga(
      std::move(ops), [&](const std::vector<Design>& batch) { return evaluator.evaluate(batch); }, so);
  for (const auto& [key, tstt] : evaluator.evaluated()) ga.remember(parseDesign(key, m), tstt);
  const auto run = ga.run();
  if (run.stop == search::StopReason::Cancelled) throw core::JobCancelled();
  result.generations = run.generations;
  result.ue_solves = evaluator.evaluations();

  // The best budget-feasible designs ever evaluated, re-solved cold with exact UE at the end: the
  // reported value must not rest on a warm start or a prediction, and an over-budget design is
  // never reported.
  std::vector<std::pair<double, std::string>> seen;
  for (const auto& [key, tstt] : evaluator.evaluated())
    if (withinBudget(problem, parseDesign(key, m), budget)) seen.emplace_back(tstt, key);
  std::sort(seen.begin(), seen.end());
  if (seen.empty()) throw core::Error("genetic algorithm: no budget-feasible design was solved");
  seen.resize(std::min(seen.size(), static_cast<size_t>(std::max(1, options.recheck))));
  std::vector<double> cold(seen.size());
  parallelFor(seen.size(), exact.settings().threads,
              [&](size_t i) { cold[i] = exact.coldTstt(parseDesign(seen[i].second, m)); });
  size_t best = 0;
  for (size_t i = 0; i < seen.size(); ++i) {
    result.rechecked.emplace_back(seen[i].second, cold[i]);
    if (cold[i] < cold[best]) best = i;
  }
  result.best = parseDesign(seen[best].second, m);
  result.best_tstt = cold[best];
  result.best_fitness = seen[best].first;
  return result;
}

search::AnytimeTrace gaAnytimeTrace(const GaResult& result, const std::string& label, double seconds_offset) {
  search::AnytimeTrace trace;
  for (const GaGeneration& g : result.history)
    if (std::isfinite(g.best_feasible))
      trace.add(seconds_offset + g.seconds, g.evaluations, g.best_feasible, label);
  return trace;
}

}  // namespace routescope::traffic
