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

// Thrown by SolverBase::poll() from inside long loops (the shortest paths of every origin, bush
// construction) when the solve is cancelled; each solver catches it and returns its current
// flows with StopReason::Cancelled. Never leaves solve().
struct SolveCancelled {};

class SolverBase {
 public:
  SolverBase(const Network& network, const Demand& demand, const SolverOptions& options);

  // Solver costs at `flows` into costs_, shortest paths from every origin; SPTT, TSTT, Beckmann
  // and both gaps. With `aon`, also the all-or-nothing flows at those costs (zeroed first).
  // Polls cancellation before each origin (throws SolveCancelled).
  IterationReport evaluate(std::span<const double> flows, int iteration, std::vector<double>* aon);
  // Records the report (history, callback); returns true and sets `stop` when the solver should
  // stop after it.
  bool record(const IterationReport& report, StopReason& stop);
  bool cancelled() const { return options_.cancelled && options_.cancelled(); }
  // Throws SolveCancelled when cancelled: called between units of work of at most a few
  // milliseconds on large networks (one origin's shortest paths or bush), so that a cancel takes
  // effect well within a second however long an iteration is.
  void poll() const {
    if (cancelled()) throw SolveCancelled{};
  }
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
