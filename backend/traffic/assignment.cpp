#include "backend/traffic/assignment.h"

#include "backend/core/error.h"
#include "backend/traffic/numeric.h"
#include "backend/traffic/solver_common.h"

namespace routescope::traffic {

Algorithm parseAlgorithm(const std::string& name) {
  if (name == "msa") return Algorithm::Msa;
  if (name == "fw") return Algorithm::FrankWolfe;
  if (name == "cfw") return Algorithm::ConjugateFrankWolfe;
  if (name == "bfw") return Algorithm::BiconjugateFrankWolfe;
  if (name == "bush" || name == "algorithm-b") return Algorithm::AlgorithmB;
  throw core::Error("algorithm '" + name + "': unknown (msa, fw, cfw, bfw, bush)");
}

std::string algorithmName(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::Msa:
      return "msa";
    case Algorithm::FrankWolfe:
      return "fw";
    case Algorithm::ConjugateFrankWolfe:
      return "cfw";
    case Algorithm::BiconjugateFrankWolfe:
      return "bfw";
    case Algorithm::AlgorithmB:
      return "bush";
  }
  return "?";
}

std::vector<std::string> algorithmNames() {
  return {"msa", "fw", "cfw", "bfw", "bush"};
}

std::string stopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::Converged:
      return "converged";
    case StopReason::IterationLimit:
      return "iteration limit";
    case StopReason::TimeLimit:
      return "time limit";
    case StopReason::Cancelled:
      return "cancelled";
  }
  return "?";
}

AssignmentResult solve(const Network& network, const Demand& demand, const SolverOptions& options,
                       const WarmStart* warm) {
  validate(network, "network " + network.name);
  validate(network, demand, "demand");
  if (options.algorithm == Algorithm::AlgorithmB)
    return detail::solveAlgorithmB(network, demand, options, warm);
  return detail::solveFrankWolfeFamily(network, demand, options, warm);
}

namespace detail {

SolverBase::SolverBase(const Network& network, const Demand& demand, const SolverOptions& options)
    : network_(network),
      demand_(demand),
      options_(options),
      graph_(network),
      model_(network, options.cost),
      tree_(graph_),
      costs_(network.links.size(), 0.0),
      start_(std::chrono::steady_clock::now()) {}

double SolverBase::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

IterationReport SolverBase::evaluate(std::span<const double> flows, int iteration, std::vector<double>* aon) {
  model_.costs(flows, costs_);
  if (aon) std::fill(aon->begin(), aon->end(), 0.0);
  KahanSum sptt;
  for (const auto& od : demand_.origins) {
    poll();
    tree_.run(od.origin, costs_);
    const auto& dist = tree_.distance();
    for (size_t k = 0; k < od.destinations.size(); ++k) {
      const double d = dist[static_cast<size_t>(od.destinations[k])];
      if (d == kInfinity) {
        throw core::Error("network " + network_.name + ": no path from zone " +
                          std::to_string(od.origin + 1) + " to zone " +
                          std::to_string(od.destinations[k] + 1));
      }
      sptt.add(od.flows[k] * d);
    }
    if (aon) tree_.load(od.destinations, od.flows, *aon);
  }
  const FlowTotals totals = flowTotals(model_, flows);
  IterationReport r;
  r.iteration = iteration;
  r.sptt = sptt.value();
  r.tstt = totals.tstt;
  r.beckmann = totals.beckmann;
  r.objective = options_.cost.system_optimum ? totals.tstt : totals.beckmann;
  const double excess = totals.solver_total - r.sptt;
  r.relative_gap = totals.solver_total > 0.0 ? excess / totals.solver_total : 0.0;
  r.relative_gap_sptt = r.sptt > 0.0 ? excess / r.sptt : 0.0;
  r.seconds = seconds();
  return r;
}

bool SolverBase::record(const IterationReport& report, StopReason& stop) {
  history_.push_back(report);
  if (options_.on_iteration) options_.on_iteration(report);
  if (report.relative_gap <= options_.target_gap) {
    stop = StopReason::Converged;
    return true;
  }
  if (report.iteration >= options_.max_iterations) {
    stop = StopReason::IterationLimit;
    return true;
  }
  if (outOfTime()) {
    stop = StopReason::TimeLimit;
    return true;
  }
  if (cancelled()) {
    stop = StopReason::Cancelled;
    return true;
  }
  return false;
}

AssignmentResult SolverBase::finish(std::vector<double> flows, StopReason stop) {
  AssignmentResult result;
  result.algorithm = options_.algorithm;
  result.stop = stop;
  result.history = std::move(history_);
  if (!result.history.empty()) result.final = result.history.back();
  result.user_costs.resize(flows.size());
  for (int32_t a = 0; a < model_.links(); ++a)
    result.user_costs[static_cast<size_t>(a)] = model_.userCost(a, flows[static_cast<size_t>(a)]);
  result.flows = std::move(flows);
  return result;
}

}  // namespace detail
}  // namespace routescope::traffic
