#pragma once
// What the network-design jobs share: the config keys of a design problem, GA settings and the
// surrogate's training settings; loading the problem; training a surrogate (data, model and their
// artifacts) or loading one from an earlier run; and the artifacts of a chosen design.

#include <optional>
#include <string>

#include "backend/core/config.h"
#include "backend/core/job.h"
#include "backend/traffic/ndp_solver.h"
#include "backend/traffic/surrogate/flow_surrogate.h"

namespace routescope::traffic::design {

// The instance name that selects a seeded 5×5 grid city (no files; lane addition only).
inline constexpr const char* kBuiltinGrid = "builtin:grid";

// instance, trips, problem, lane_share, lane_candidates, budget, gap, workers.
void addProblemFields(core::ConfigSchema& schema);
// population, generations, max_ue_solves, budget_handling, penalty, gnn_recheck.
void addGaFields(core::ConfigSchema& schema);
// samples, epochs, hidden, layers, od_jitter, capacity_min,
// capacity_max, prior_iterations, data_gap.
void addSurrogateFields(core::ConfigSchema& schema);

NdpProblem loadProblem(core::JobContext& context, const nlohmann::json& config);
NdpSolveSettings solveSettings(core::JobContext& context, const nlohmann::json& config);
// GA options from the config; `metric_prefix` names its metrics ("" or "ga_exact/").
GaOptions gaOptions(core::JobContext& context, const nlohmann::json& config,
                    const std::string& metric_prefix);
// The GA's fitness for a search on `surrogate` (none when it is null: exact UE), and the options
// such a search needs: the generations bound it, since predictions are cheap, and its
// `gnn_recheck` best designs are re-solved with exact UE at the end.
std::optional<PredictedFitness> surrogateFitness(const FlowSurrogate* surrogate, const nlohmann::json& config,
                                                 GaOptions& options);
// The GA history as CSV (generation,best,mean).
std::string gaHistoryCsv(const GaResult& result);

struct TrainedSurrogate {
  FlowSurrogate model;
  double data_seconds = 0.0;   // generating the samples (UE solves)
  double train_seconds = 0.0;  // training the network
  int samples = 0;
  nlohmann::json quality;  // flow_weighted_error, tstt_r2, …
};
// Generates samples, trains, and stores `surrogate-data.bin`, `surrogate.pt`, `surrogate.json`,
// `surrogate_validation.csv`, `surrogate_flows.csv` and the per-epoch metrics. Progress runs
// from `from` to `to`.
TrainedSurrogate trainSurrogate(core::JobContext& context, const nlohmann::json& config,
                                const NdpProblem& problem, double from, double to);
// The surrogate stored by an earlier run (config key `surrogate`), checked against `problem`.
FlowSurrogate loadSurrogate(core::JobContext& context, const std::string& run, const NdpProblem& problem);

// `candidates.csv`, the no-build and design solutions (`before_*`, `after_*`, as whatif stores
// them) and `difference.csv`.
void storeDesign(core::JobContext& context, const DesignEvaluator& evaluator, const Design& design);

std::string num(double value);

}  // namespace routescope::traffic::design
