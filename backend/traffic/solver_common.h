#pragma once
// Internal to the solvers: the graph, cost model, shortest-path tree and stopping rules they
// share, and the gap evaluation every solver reports with.

#include <chrono>
#include <span>
#include <vector>

#include "backend/traffic/assignment.h"
#include "backend/traffic/graph.h"
#include "backend/traffic/link_cost.h"

namespace routescope::traffic::detail {

class SolverBase {
 public:
  SolverBase(const Network& network, const Demand& demand, const SolverOptions& options);

  // Solver costs at `flows` into costs_, shortest paths from every origin; SPTT, TSTT, Beckmann
  // and both gaps. With `aon`, also the all-or-nothing flows at those costs (zeroed first).
  IterationReport evaluate(std::span<const double> flows, int iteration, std::vector<double>* aon);
  // Records the report (history, callback); returns true and sets `stop` when the solver should
  // stop after it.
  bool record(const IterationReport& report, StopReason& stop);
  bool cancelled() const { return options_.cancelled && options_.cancelled(); }
  bool outOfTime() const { return seconds() >= options_.max_seconds; }
  double seconds() const;
  AssignmentResult finish(std::vector<double> flows, StopReason stop);

  const Network& network_;
  const Demand& demand_;
  const SolverOptions& options_;
  Graph graph_;
  CostModel model_;
  ShortestPathTree tree_;
  std::vector<double> costs_;
  std::vector<IterationReport> history_;
  std::chrono::steady_clock::time_point start_;
};

AssignmentResult solveFrankWolfeFamily(const Network& network, const Demand& demand,
                                       const SolverOptions& options, const WarmStart* warm);
AssignmentResult solveAlgorithmB(const Network& network, const Demand& demand, const SolverOptions& options,
                                 const WarmStart* warm);

}  // namespace routescope::traffic::detail
