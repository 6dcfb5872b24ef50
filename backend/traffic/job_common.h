#pragma once
// What the traffic jobs share: the config keys of a network problem, loading it (with inputs
// recorded in provenance), solver options from the config wired to the job's progress,
// cancellation and metrics, and the artifacts of one solution.

#include <string>

#include "backend/core/config.h"
#include "backend/core/job.h"
#include "backend/traffic/assignment.h"
#include "backend/traffic/network.h"

namespace routescope::traffic::jobs {

// The network name that selects the built-in Braess network (no files needed).
inline constexpr const char* kBuiltinBraess = "builtin:braess";

struct Problem {
  Network network;
  Demand demand;
  CostOptions cost;
};

// net, trips, nodes, toll_factor, distance_factor, system_optimum, demand_scale.
void addProblemFields(core::ConfigSchema& schema);
// gap, max_iterations, max_seconds.
void addStopFields(core::ConfigSchema& schema);
Problem loadProblem(core::JobContext& context, const nlohmann::json& config);

// Solver options from the config; `prefix` names this solve's metrics ("" or "bfw/").
// Progress is the fraction of log-gap covered between `progress_from` and `progress_to`.
SolverOptions solverOptions(core::JobContext& context, const nlohmann::json& config, Algorithm algorithm,
                            const std::string& prefix, double progress_from = 0.0, double progress_to = 1.0);

// Records flows of a solution as artifacts (`prefix` without '/', e.g. "before_") `<prefix>links.csv`, `<prefix>links.geojson`,
// `<prefix>flow.tntp`, `<prefix>convergence.csv` and `<prefix>solution.json`.
void storeSolution(core::JobContext& context, const Problem& problem, const AssignmentResult& result,
                   const std::string& prefix);
// Per link of `after_network` (links added since `before` had no flow then):
// link,init_node,term_node,closed,flow_before,flow_after,flow_difference,cost_before,cost_after.
std::string differenceCsv(const Network& after_network, const AssignmentResult& before,
                          const AssignmentResult& after);
// The headline numbers of a solution as JSON.
nlohmann::json summary(const AssignmentResult& result);
// Throws JobCancelled when the solver stopped because the job was cancelled.
void throwIfCancelled(core::JobContext& context, const AssignmentResult& result);
std::string convergenceCsv(const AssignmentResult& result);

}  // namespace routescope::traffic::jobs
