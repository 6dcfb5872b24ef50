#pragma once
// A genetic algorithm over any encoding and any (batch) objective, minimised: tournament
// selection, crossover, mutation, elitism, repair or penalty for infeasible individuals, a cache
// (each distinct genome evaluated once), a budget on distinct evaluations, seeded by one
// std::mt19937_64, a report per generation and cancellation. The operators come from the caller;
// ready bit-string operators are in bit_string.h. Genome must be copyable and ordered by
// operator< (the cache is a std::map); the objective gets the whole population's new genomes in
// one call, so a surrogate can score them in one batch.
//
// Order of random draws (callers that must reproduce a run depend on it): each initial individual
// is `random` then `repair`; each child is two tournaments (`tournament` index draws each), one
// uniform draw deciding crossover (only when `crossover` is set), `crossover`, then `mutate` and
// `repair` up to `mutation_attempts` times while the child is already in the cache.

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "backend/core/error.h"
#include "backend/search/anytime_trace.h"

namespace routescope::search {

using Rng = std::mt19937_64;

struct GenerationReport {
  int generation = 0;                                     // 0: the initial population
  double best = std::numeric_limits<double>::infinity();  // best fitness so far
  // Best fitness so far among feasible individuals (GeneticOperators::feasible; all when unset):
  // what an anytime trace reports, since a penalised infeasible genome is no answer.
  double best_feasible = std::numeric_limits<double>::infinity();
  double mean = 0.0;     // mean fitness of this population's evaluated individuals (0 if none)
  int evaluations = 0;   // distinct objective evaluations of this run so far
  double seconds = 0.0;  // wall time since run() started
};

enum class StopReason { Generations, Budget, Cancelled };
const char* stopReasonName(StopReason reason);  // "generations", "budget", "cancelled"

struct GeneticOptions {
  int population = 20;  // at least 2
  int generations = 100;
  int max_evaluations = -1;  // distinct new evaluations per run; -1: no limit
  int tournament = 2;        // tournament size (at least 1)
  int elite = 2;             // the best individuals copied unchanged into the next generation
  double crossover_rate = 0.9;
  // A child already in the cache is mutated (and repaired) again, up to this many times in all.
  int mutation_attempts = 1;
  uint64_t seed = 1;
  std::function<bool()> cancelled;  // polled before the first evaluation and each generation
  std::function<void(const GenerationReport&)> on_generation;
};

template <typename Genome>
struct GeneticOperators {
  std::function<Genome(Rng&)> random;  // a new individual (required)
  // A child of two parents; none: the child is a copy of the first parent.
  std::function<Genome(const Genome&, const Genome&, Rng&)> crossover;
  std::function<void(Genome&, Rng&)> mutate;  // required
  // Repair: makes a genome feasible (after creation and after each mutation).
  std::function<void(Genome&, Rng&)> repair;
  // Penalty: the fitness minimised, from the objective (none: fitness = objective).
  std::function<double(const Genome&, double objective)> penalty;
  // Which genomes the result's `best` may be (none: all).
  std::function<bool(const Genome&)> feasible;
};

// The objective of each genome of a batch (distinct genomes not yet in the cache), same order.
template <typename Genome>
using BatchObjective = std::function<std::vector<double>(const std::vector<Genome>&)>;

template <typename Genome>
struct GeneticResult {
  bool found = false;  // some (feasible) individual was evaluated
  Genome best{};       // the lowest fitness among evaluated (feasible) individuals
  double best_fitness = std::numeric_limits<double>::infinity();
  double best_objective = std::numeric_limits<double>::infinity();
  int evaluations = 0;  // distinct new objective evaluations of this run
  int generations = 0;  // generations bred after the initial population
  StopReason stop = StopReason::Generations;
  std::vector<GenerationReport> history;  // one per generation, the initial population first
};

// Best fitness so far against wall time and evaluations, one point per generation, labelled.
AnytimeTrace anytimeTrace(const std::vector<GenerationReport>& history, const std::string& label = {},
                          double seconds_offset = 0.0, int evaluations_offset = 0);

template <typename Genome>
class GeneticSearch {
 public:
  GeneticSearch(GeneticOperators<Genome> operators, BatchObjective<Genome> objective,
                GeneticOptions options = {})
      : ops_(std::move(operators)), objective_(std::move(objective)), options_(std::move(options)) {}

  // An objective value known already (another search, a shared cache): looked up, never evaluated,
  // not counted against the budget.
  void remember(const Genome& genome, double objective) { cache_.insert_or_assign(genome, objective); }
  bool cached(const Genome& genome) const { return cache_.count(genome) > 0; }
  // Every genome evaluated or remembered, with its objective.
  const std::map<Genome, double>& cache() const { return cache_; }

  // One search, seeded from options.seed; the cache carries over to a later run().
  GeneticResult<Genome> run();

 private:
  struct Individual {
    Genome genome{};
    double fitness = std::numeric_limits<double>::infinity();  // +inf: not evaluated (budget)
  };
  bool evaluate(std::vector<Individual>& people, int& spent, GeneticResult<Genome>& result);

  GeneticOperators<Genome> ops_;
  BatchObjective<Genome> objective_;
  GeneticOptions options_;
  std::map<Genome, double> cache_;
};

// ---- implementation ------------------------------------------------------------------------

// Evaluates the new genomes of `people` in one batch within the budget; returns false when the
// budget left some individual unevaluated (its fitness stays +inf).
template <typename Genome>
bool GeneticSearch<Genome>::evaluate(std::vector<Individual>& people, int& spent,
                                     GeneticResult<Genome>& result) {
  int left = options_.max_evaluations < 0 ? INT_MAX : options_.max_evaluations - spent;
  std::vector<Genome> fresh;
  std::set<Genome> fresh_set;
  std::vector<char> allowed(people.size(), 0);
  for (size_t i = 0; i < people.size(); ++i) {
    const Genome& g = people[i].genome;
    if (cached(g) || fresh_set.count(g)) {
      allowed[i] = 1;
    } else if (left > 0) {
      fresh.push_back(g);
      fresh_set.insert(g);
      --left;
      allowed[i] = 1;
    }
  }
  if (!fresh.empty()) {
    const std::vector<double> values = objective_(fresh);
    if (values.size() != fresh.size())
      throw core::Error("genetic search: the objective returned " + std::to_string(values.size()) +
                        " values for " + std::to_string(fresh.size()) + " genomes");
    for (size_t k = 0; k < fresh.size(); ++k) {
      // A NaN would break the ordering the selection sorts by.
      if (std::isnan(values[k])) throw core::Error("genetic search: the objective returned NaN for a genome");
      cache_.insert_or_assign(fresh[k], values[k]);
    }
    spent += static_cast<int>(fresh.size());
  }
  bool complete = true;
  for (size_t i = 0; i < people.size(); ++i) {
    Individual& p = people[i];
    if (!allowed[i]) {
      p.fitness = std::numeric_limits<double>::infinity();
      complete = false;
      continue;
    }
    const double objective = cache_.at(p.genome);
    p.fitness = ops_.penalty ? ops_.penalty(p.genome, objective) : objective;
    if ((!ops_.feasible || ops_.feasible(p.genome)) && (!result.found || p.fitness < result.best_fitness)) {
      result.found = true;
      result.best = p.genome;
      result.best_fitness = p.fitness;
      result.best_objective = objective;
    }
  }
  return complete;
}

template <typename Genome>
GeneticResult<Genome> GeneticSearch<Genome>::run() {
  if (!ops_.random || !ops_.mutate || !objective_)
    throw core::Error("genetic search: the random and mutate operators and the objective are required");
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  Rng rng(options_.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const size_t pop = static_cast<size_t>(std::max(2, options_.population));
  const size_t elite = static_cast<size_t>(std::clamp(options_.elite, 0, static_cast<int>(pop)));
  GeneticResult<Genome> result;
  int spent = 0;
  const auto cancelled = [&] { return options_.cancelled && options_.cancelled(); };
  const auto repair = [&](Genome& g) {
    if (ops_.repair) ops_.repair(g, rng);
  };

  std::vector<Individual> people(pop);
  for (Individual& p : people) {
    p.genome = ops_.random(rng);
    repair(p.genome);
  }
  if (cancelled()) {
    result.stop = StopReason::Cancelled;
    return result;
  }
  bool complete = evaluate(people, spent, result);
  const auto record = [&](int generation) {
    GenerationReport r;
    r.generation = generation;
    double best = std::numeric_limits<double>::infinity(), sum = 0.0;
    int n = 0;
    for (const Individual& p : people)
      if (std::isfinite(p.fitness)) {
        best = std::min(best, p.fitness);
        sum += p.fitness;
        ++n;
      }
    r.best = result.history.empty() ? best : std::min(best, result.history.back().best);
    r.mean = n ? sum / n : 0.0;
    if (result.found) r.best_feasible = result.best_objective;
    r.evaluations = spent;
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.history.push_back(r);
    if (options_.on_generation) options_.on_generation(r);
  };
  record(0);
  const auto tournament = [&]() -> const Individual& {
    const Individual* best = nullptr;
    for (int t = 0; t < std::max(1, options_.tournament); ++t) {
      const Individual& c = people[std::uniform_int_distribution<size_t>(0, people.size() - 1)(rng)];
      if (!best || c.fitness < best->fitness) best = &c;
    }
    return *best;
  };
  int generation = 0;
  for (;;) {
    if (!complete || (options_.max_evaluations >= 0 && spent >= options_.max_evaluations)) {
      result.stop = StopReason::Budget;
      break;
    }
    if (generation >= options_.generations) {
      result.stop = StopReason::Generations;
      break;
    }
    if (cancelled()) {
      result.stop = StopReason::Cancelled;
      break;
    }
    ++generation;
    std::vector<Individual> next(people);
    std::sort(next.begin(), next.end(),
              [](const Individual& a, const Individual& b) { return a.fitness < b.fitness; });
    next.erase(next.begin() + static_cast<std::ptrdiff_t>(elite), next.end());
    while (next.size() < pop) {
      const Individual& a = tournament();
      const Individual& b = tournament();
      Individual child;
      child.genome = ops_.crossover && unit(rng) < options_.crossover_rate
                         ? ops_.crossover(a.genome, b.genome, rng)
                         : a.genome;
      for (int attempt = 0; attempt < std::max(1, options_.mutation_attempts); ++attempt) {
        ops_.mutate(child.genome, rng);
        repair(child.genome);
        if (!cached(child.genome)) break;
      }
      next.push_back(std::move(child));
    }
    people = std::move(next);
    complete = evaluate(people, spent, result);
    record(generation);
  }
  result.generations = generation;
  result.evaluations = spent;
  return result;
}

}  // namespace routescope::search
