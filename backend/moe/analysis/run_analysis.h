#pragma once
// Every routing analysis of MoE 2/2 on a stored run, as one JSON document (the contract of
// `routescope-cli moe analyze --json` and of the MoE views), and runs side by side.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "backend/core/run_store.h"
#include "backend/moe/analysis/checkpoint_summary.h"
#include "backend/moe/trace.h"

namespace routescope::moe::analysis {

struct AnalysisOptions {
  std::optional<int64_t> step;  // checkpoint analysed; default the last traced one
  int permutations = 5;         // shuffled-label baseline of every corrected MI
  uint64_t seed = 1;
  int position_bucket_width = 16;
  int64_t min_count = 10;  // consistency table and mean
  int table_size = 20;
  int drop_bins = 16;
  int probability_bins = 100;  // binned cross-layer MI: edges of np.linspace(0, 1, bins)
  int entropy_bins = 20;
  double agreement_threshold = 0.9;
  double dead_fraction_of_uniform = 0.01;
  std::vector<std::string> token_strings;  // token radar; empty: the 8 most frequent tokens
  int pca_json_tokens = 256;               // tokens whose PCA coordinates go into the JSON
};

// The analyses of one trace (everything but the over-training ones). Analyses whose input the
// trace lacks (dropped flags, full_probs, GRU states) are null, with a line in "notes".
nlohmann::json analyzeTrace(const RoutingTrace& trace, const AnalysisOptions& options = {});

// The run-level part of analyzeRun, for callers that hold the traces already (the MoE views): to
// `analysis` (analyzeTrace of the analysed checkpoint) adds run_id, name, checkpoint_steps, early
// routing learning and load over training from the checkpoints' summaries (in step order, up to
// the analysed one), valid_bpb (or null) and the summary.
void addRunAnalyses(nlohmann::json& analysis, const core::RunRecord& run, std::span<const int64_t> steps,
                    const std::vector<CheckpointSummary>& summaries, std::optional<double> valid_bpb,
                    const AnalysisOptions& options = {});

// analyzeTrace on the chosen checkpoint, plus early routing learning and load over training from
// every traced checkpoint up to it, the run's router and valid_bpb (last value of the metric, or
// null). Throws core::Error with one line when the run has no traces or not the chosen step.
nlohmann::json analyzeRun(const core::RunStore& store, const std::string& run_id,
                          const AnalysisOptions& options = {});

// analyzeRun for each run (ids or unique prefixes), and "metrics": per headline number the
// values in run order with mean, std (sample; 0 for one run), min and max. Each run also gets its
// "seed" and "kind"; "seed_groups" lists the runs sharing a config (seed aside, as a sweep over
// seeds makes them) with valid_bpb's mean, std, min and max over the group. `before_each(i, n)` is
// called before run i of n is analysed (progress and cancellation of the compare job).
nlohmann::json compareRuns(const core::RunStore& store, std::span<const std::string> run_ids,
                           const AnalysisOptions& options = {},
                           const std::function<void(size_t, size_t)>& before_each = {});

// Human-readable summaries of the two documents above (the CLI's output without --json).
std::string analysisText(const nlohmann::json& analysis);
std::string comparisonText(const nlohmann::json& comparison);

}  // namespace routescope::moe::analysis
