// The UE evaluator of network designs: cache, warm start, worker threads.
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "backend/core/error.h"
#include "backend/traffic/ndp_solver.h"

namespace routescope::traffic {

void parallelFor(size_t count, int threads, const std::function<void(size_t)>& work) {
  const size_t workers = std::min(count, static_cast<size_t>(std::max(1, threads)));
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto loop = [&] {
    for (size_t i = next++; i < count && !failed; i = next++) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(loop);
  loop();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

DesignEvaluator::DesignEvaluator(const NdpProblem& problem, NdpSolveSettings settings)
    : problem_(problem), settings_(std::move(settings)) {
  const Design none(problem_.candidates.size(), 0);
  const AssignmentResult base = solveDesign(none, false, false);
  warm_.link_flows = base.flows;
  warm_.bushes = base.bushes;
  cache_[designString(none)] = base.final.tstt;
  worst_gap_ = base.final.relative_gap;
}

AssignmentResult DesignEvaluator::solveDesign(const Design& design, bool system_optimum, bool warm) const {
  SolverOptions o;
  o.algorithm = Algorithm::AlgorithmB;
  o.target_gap = settings_.gap;
  o.max_iterations = settings_.max_iterations;
  o.cost = settings_.cost;
  o.cost.system_optimum = system_optimum;
  o.cancelled = settings_.cancelled;
  const Network net = designNetwork(problem_, design);
  AssignmentResult r = solve(net, problem_.demand, o, warm ? &warm_ : nullptr);
  if (r.stop == StopReason::Cancelled) throw core::JobCancelled();
  return r;
}

std::vector<double> DesignEvaluator::evaluate(const std::vector<Design>& designs) {
  std::vector<std::string> keys;
  std::vector<Design> todo;
  {
    const std::lock_guard lock(mutex_);
    for (const Design& d : designs) {
      const std::string key = designString(d);
      if (!cache_.count(key) && std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
        todo.push_back(d);
      }
    }
  }
  std::vector<AssignmentResult> results(todo.size());
  parallelFor(todo.size(), settings_.threads,
              [&](size_t i) { results[i] = solveDesign(todo[i], false, true); });
  std::vector<double> out;
  const std::lock_guard lock(mutex_);
  for (size_t i = 0; i < todo.size(); ++i) {
    cache_[keys[i]] = results[i].final.tstt;
    worst_gap_ = std::max(worst_gap_, results[i].final.relative_gap);
  }
  for (const Design& d : designs) out.push_back(cache_.at(designString(d)));
  return out;
}

bool DesignEvaluator::cached(const Design& design) const {
  const std::lock_guard lock(mutex_);
  return cache_.count(designString(design)) > 0;
}

int DesignEvaluator::ueSolves() const {
  const std::lock_guard lock(mutex_);
  return static_cast<int>(cache_.size());
}

std::map<std::string, double> DesignEvaluator::solved() const {
  const std::lock_guard lock(mutex_);
  return cache_;
}

double DesignEvaluator::worstGap() const {
  const std::lock_guard lock(mutex_);
  return worst_gap_;
}

double DesignEvaluator::systemOptimumLowerBound(const Design& design) const {
  const AssignmentResult r = solveDesign(design, true, false);
  // In SO mode the gap g is measured in marginal costs: the duality gap Σx·mc − Σd·SP(mc) =
  // g·Σx·mc bounds TSTT(x) − SO*, and with BPR Σx·mc ≤ (1 + power)·TSTT. So
  // SO* ≥ TSTT·(1 − (1 + power)·g).
  double power = 0.0;
  for (const Link& l : problem_.network.links) power = std::max(power, l.power);
  const double g = std::max(r.final.relative_gap, 0.0);
  return r.final.tstt * (1.0 - (1.0 + power) * g);
}

double DesignEvaluator::coldTstt(const Design& design) const {
  return solveDesign(design, false, false).final.tstt;
}

std::vector<double> PredictedFitness::evaluate(const std::vector<Design>& designs) {
  std::vector<Design> todo;
  std::vector<std::string> keys;
  for (const Design& d : designs) {
    const std::string key = designString(d);
    if (!cache_.count(key) && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(key);
      todo.push_back(d);
    }
  }
  if (!todo.empty()) {
    const std::vector<double> values = predict_(todo);
    for (size_t i = 0; i < todo.size(); ++i) cache_[keys[i]] = values.at(i);
  }
  std::vector<double> out;
  out.reserve(designs.size());
  for (const Design& d : designs) out.push_back(cache_.at(designString(d)));
  return out;
}

}  // namespace routescope::traffic
