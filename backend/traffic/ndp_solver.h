#pragma once
// Solvers of the discrete network design problem (ndp_problem.h): a cached, warm-started UE
// evaluator shared by the exact enumeration (with a valid system-optimum bound) and the genetic
// algorithm. Both run on `threads` workers and return the same answer for any thread count:
// every design is solved from the same warm start (the no-build design's bushes), so its TSTT
// does not depend on which designs were solved before it.

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "backend/search/anytime_trace.h"
#include "backend/traffic/assignment.h"
#include "backend/traffic/ndp_problem.h"

namespace routescope::traffic {

struct NdpSolveSettings {
  // Algorithm B to this relative gap, so that the ranking of designs does not depend on solver
  // noise (TSTT differences between Sioux Falls designs are ~1e-4 and more).
  double gap = 1e-10;
  int max_iterations = 10000;
  CostOptions cost;
  int threads = 2;
  std::function<bool()> cancelled;
};

// What a search asks of a design's value (TSTT): exact UE (DesignEvaluator) or a prediction
// (PredictedFitness). Each design is evaluated once; evaluations() counts the distinct ones.
class DesignFitness {
 public:
  virtual ~DesignFitness() = default;
  // The TSTT of every design, evaluating those not yet known.
  virtual std::vector<double> evaluate(const std::vector<Design>& designs) = 0;
  virtual bool cached(const Design& design) const = 0;
  virtual int evaluations() const = 0;
  // Every design evaluated so far (design string → TSTT).
  virtual std::map<std::string, double> evaluated() const = 0;
};

// UE TSTT of designs, each solved once (a cache keyed by the design string).
class DesignEvaluator : public DesignFitness {
 public:
  // Solves the no-build design (counted as a UE solve) for the warm start.
  DesignEvaluator(const NdpProblem& problem, NdpSolveSettings settings);
  // Solves the designs not yet cached on settings.threads workers; returns all their TSTTs.
  std::vector<double> evaluate(const std::vector<Design>& designs) override;
  double evaluate(const Design& design) { return evaluate(std::vector<Design>{design})[0]; }
  bool cached(const Design& design) const override;
  int evaluations() const override { return ueSolves(); }
  std::map<std::string, double> evaluated() const override { return solved(); }
  int ueSolves() const;
  // Every design solved so far (design string → UE TSTT).
  std::map<std::string, double> solved() const;
  // The largest relative gap of any UE solve (≤ settings.gap unless a solve hit its caps).
  double worstGap() const;
  // SO TSTT of a design, as a valid lower bound on its exact SO value (see ndp_exact.cpp).
  double systemOptimumLowerBound(const Design& design) const;
  // A cold UE solve (no cache, not counted): the re-check of final answers.
  double coldTstt(const Design& design) const;
  // The UE solution of a design, cold (not cached, not counted): for the artifacts of answers.
  AssignmentResult solution(const Design& design) const { return solveDesign(design, false, false); }
  const NdpProblem& problem() const { return problem_; }
  const NdpSolveSettings& settings() const { return settings_; }

 private:
  AssignmentResult solveDesign(const Design& design, bool system_optimum, bool warm) const;
  const NdpProblem& problem_;
  NdpSolveSettings settings_;
  WarmStart warm_;
  mutable std::mutex mutex_;
  std::map<std::string, double> cache_;
  double worst_gap_ = 0.0;
};

// A fitness from a batch predictor (the GNN surrogate), cached like the exact evaluator.
class PredictedFitness : public DesignFitness {
 public:
  using Predictor = std::function<std::vector<double>(const std::vector<Design>&)>;
  explicit PredictedFitness(Predictor predict) : predict_(std::move(predict)) {}
  std::vector<double> evaluate(const std::vector<Design>& designs) override;
  bool cached(const Design& design) const override { return cache_.count(designString(design)) > 0; }
  int evaluations() const override { return static_cast<int>(cache_.size()); }
  std::map<std::string, double> evaluated() const override { return cache_; }

 private:
  Predictor predict_;
  std::map<std::string, double> cache_;
};

// Runs `work(i)` for i in [0, count) on `threads` workers (std::thread); rethrows the first error.
void parallelFor(size_t count, int threads, const std::function<void(size_t)>& work);

struct ExactOptions {
  bool prune = true;
  // Designs are grouped by their first `prefix_bits` candidates; each group gets one SO bound.
  int prefix_bits = -1;  // -1: max(0, candidates − 6)
  std::function<void(double fraction)> progress;
};

struct ExactResult {
  Design best;
  double best_tstt = 0.0;
  uint64_t designs = 0;  // 2^candidates
  uint64_t budget_feasible = 0;
  uint64_t evaluated = 0;     // budget-feasible designs whose UE was solved
  uint64_t pruned = 0;        // budget-feasible designs skipped by the bound
  int bound_solves = 0;       // SO solves for the bounds
  double global_bound = 0.0;  // SO TSTT with every affordable candidate built
  double gap = 0.0;           // UE gap asked for
  double worst_gap = 0.0;     // largest UE gap reached
  int ue_solves = 0;
};

// Exact enumeration of the designs within `budget` (cost units). Throws core::Error above 24
// candidates.
ExactResult solveExact(DesignEvaluator& evaluator, double budget, const ExactOptions& options = {});

enum class BudgetHandling { Repair, Penalty };

struct GaGeneration {
  double best = 0.0;  // best fitness so far (penalised, under BudgetHandling::Penalty)
  double best_feasible = std::numeric_limits<double>::infinity();  // best within budget so far
  double mean = 0.0;                                               // mean fitness of the population
  int evaluations = 0;   // distinct fitness evaluations so far (as GaResult::ue_solves)
  double seconds = 0.0;  // since the search started
};

struct GaOptions {
  int population = 20;
  int generations = 100;
  // Distinct designs evaluated by the fitness (UE solves for exact UE, the no-build design
  // included; predictions for a surrogate).
  int max_ue_solves = 150;
  int tournament = 2;
  int elite = 2;
  double crossover = 0.9;
  double mutation = -1.0;  // per bit; -1: 1/candidates
  BudgetHandling budget = BudgetHandling::Repair;
  double penalty = 1.0;  // Penalty: TSTT × (1 + penalty · overrun / budget)
  double fill = 0.8;     // Repair: probability of filling the unused budget after repairing
  int recheck = 3;       // best distinct designs re-solved cold with exact UE at the end
  uint64_t seed = 1;
  std::function<void(int generation, const GaGeneration&)> on_generation;
  // Polled every generation (a surrogate fitness never polls by itself); solveGa then throws
  // core::JobCancelled.
  std::function<bool()> cancelled;
};

struct GaResult {
  Design best;
  double best_tstt = 0.0;     // of the best budget-feasible design (re-checked with exact UE)
  double best_fitness = 0.0;  // the fitness's own value of that design (a prediction for ga-gnn)
  int ue_solves = 0;          // distinct fitness evaluations (see GaOptions::max_ue_solves)
  int generations = 0;
  std::vector<GaGeneration> history;
  std::vector<std::pair<std::string, double>> rechecked;  // design, cold TSTT
};

// The GA (search::GeneticSearch with bit-string operators) searches with `fitness` and re-checks
// its best designs with `exact` (cold UE).
GaResult solveGa(DesignFitness& fitness, const DesignEvaluator& exact, double budget,
                 const GaOptions& options);
// The GA with exact-UE fitness.
inline GaResult solveGa(DesignEvaluator& evaluator, double budget, const GaOptions& options) {
  return solveGa(evaluator, evaluator, budget, options);
}
// The GA's anytime trace: per generation, seconds (+ `seconds_offset`), distinct fitness
// evaluations and the best fitness so far, labelled `label`.
search::AnytimeTrace gaAnytimeTrace(const GaResult& result, const std::string& label,
                                    double seconds_offset = 0.0);

}  // namespace routescope::traffic
