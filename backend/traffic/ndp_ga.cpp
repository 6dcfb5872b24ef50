// Genetic algorithm over binary designs with a cached fitness (exact UE or a surrogate: no design
// evaluated twice), its best designs re-checked with exact UE.
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "backend/core/error.h"
#include "backend/traffic/ndp_solver.h"

namespace routescope::traffic {
namespace {

struct Individual {
  Design design;
  double fitness = std::numeric_limits<double>::infinity();  // +inf: not evaluated (solve cap)
};

}  // namespace

GaResult solveGa(DesignFitness& evaluator, const DesignEvaluator& exact, double budget,
                 const GaOptions& options) {
  const NdpProblem& problem = exact.problem();
  const size_t m = problem.candidates.size();
  if (m == 0) throw core::Error("genetic algorithm: the problem has no candidates");
  const int pop = std::max(2, options.population);
  const double mutation = options.mutation < 0 ? 1.0 / static_cast<double>(m) : options.mutation;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);

  // Repair drops randomly chosen built candidates until the design fits (unbiased between
  // candidates, keeping whatever still fits), then, with probability `fill`, adds randomly chosen
  // candidates that still fit: designs that leave budget unused are rarely optimal (though they
  // can be, Braess), so most of the small solve budget goes to designs that use the budget.
  const auto repair = [&](Design& d) {
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
  const auto fitness = [&](const Design& d, double tstt) {
    if (options.budget == BudgetHandling::Repair) return tstt;
    const double over = std::max(0.0, designCost(problem, d) - budget);
    return tstt * (1.0 + options.penalty * over / std::max(budget, 1e-12));
  };
  const auto budgetOk = [&](Design& d) {
    if (options.budget == BudgetHandling::Repair) repair(d);
  };
  // Evaluates a population within the solve cap; returns false once the cap stopped it.
  const auto evaluate = [&](std::vector<Individual>& people) {
    std::vector<Design> allowed;
    int left = options.max_ue_solves - evaluator.evaluations();
    std::vector<std::string> fresh;
    for (const auto& p : people) {
      if (evaluator.cached(p.design)) {
        allowed.push_back(p.design);
        continue;
      }
      const std::string key = designString(p.design);
      if (std::find(fresh.begin(), fresh.end(), key) != fresh.end()) {
        allowed.push_back(p.design);
      } else if (left > 0) {
        fresh.push_back(key);
        --left;
        allowed.push_back(p.design);
      }
    }
    const std::vector<double> values = evaluator.evaluate(allowed);
    bool capped = false;
    for (auto& p : people) {
      const auto it = std::find(allowed.begin(), allowed.end(), p.design);
      if (it == allowed.end()) {
        capped = true;
        continue;
      }
      p.fitness = fitness(p.design, values[static_cast<size_t>(it - allowed.begin())]);
    }
    return !capped;
  };

  // Initial population: random designs, each bit on with the probability that fills about the
  // budget on average, made feasible.
  const double density = std::clamp(budget / std::max(problem.totalCost(), 1e-12), 0.05, 0.95);
  std::vector<Individual> people(static_cast<size_t>(pop));
  for (auto& p : people) {
    p.design.assign(m, 0);
    for (size_t i = 0; i < m; ++i) p.design[i] = unit(rng) < density;
    budgetOk(p.design);
  }
  GaResult result;
  bool open = evaluate(people);
  const auto record = [&](int generation) {
    GaGeneration g;
    double best = std::numeric_limits<double>::infinity(), sum = 0.0;
    int n = 0;
    for (const auto& p : people)
      if (std::isfinite(p.fitness)) {
        best = std::min(best, p.fitness);
        sum += p.fitness;
        ++n;
      }
    g.best = result.history.empty() ? best : std::min(best, result.history.back().best);
    g.mean = n ? sum / n : 0.0;
    result.history.push_back(g);
    if (options.on_generation) options.on_generation(generation, g);
  };
  record(0);
  const auto tournament = [&]() -> const Individual& {
    const Individual* best = nullptr;
    for (int t = 0; t < std::max(1, options.tournament); ++t) {
      const Individual& c = people[std::uniform_int_distribution<size_t>(0, people.size() - 1)(rng)];
      if (!best || c.fitness < best->fitness) best = &c;
    }
    return *best;
  };
  int generation = 0;
  while (open && generation < options.generations && evaluator.evaluations() < options.max_ue_solves) {
    ++generation;
    std::vector<Individual> next(people);
    std::sort(next.begin(), next.end(),
              [](const Individual& a, const Individual& b) { return a.fitness < b.fitness; });
    next.resize(static_cast<size_t>(std::clamp(options.elite, 0, pop)));
    while (static_cast<int>(next.size()) < pop) {
      const Individual& a = tournament();
      const Individual& b = tournament();
      Individual child;
      child.design = a.design;
      if (unit(rng) < options.crossover)
        for (size_t i = 0; i < m; ++i) child.design[i] = unit(rng) < 0.5 ? a.design[i] : b.design[i];
      // Mutate, and keep mutating (a few times) a child that was already solved: repeats cost
      // nothing but also teach nothing, and the solve budget is small.
      for (int tries = 0; tries < 5; ++tries) {
        for (size_t i = 0; i < m; ++i)
          if (unit(rng) < mutation) child.design[i] ^= 1;
        budgetOk(child.design);
        if (!evaluator.cached(child.design)) break;
      }
      next.push_back(std::move(child));
    }
    people = std::move(next);
    open = evaluate(people);
    record(generation);
  }
  result.generations = generation;
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

}  // namespace routescope::traffic
