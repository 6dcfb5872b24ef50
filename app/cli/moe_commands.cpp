#include "app/cli/moe_commands.h"

#include <optional>
#include <string>
#include <vector>

#include "backend/core/error.h"
#include "backend/moe/analysis/run_analysis.h"
#include "backend/moe/trace_jsonl.h"
#include "backend/moe/trace_store.h"

namespace routescope::cli {
namespace {

struct ExportTraceOptions {
  std::string run;
  std::optional<int64_t> checkpoint;
};

// moe export-trace --run ID [--checkpoint STEP] --out FILE.jsonl
int exportTrace(CliContext& cli, const ExportTraceOptions& options) {
  if (cli.options.out.empty()) throw core::Error("export-trace: give the JSONL file with --out FILE.jsonl");
  const std::string run_id = cli.store().run(options.run).id;
  const auto steps = moe::traceSteps(cli.store(), run_id);
  if (steps.empty()) throw core::Error("run " + run_id + ": has no routing traces");
  const int64_t step = options.checkpoint.value_or(steps.back());
  const moe::RoutingTrace trace = moe::loadTrace(cli.store(), run_id, step);
  moe::writeTraceJsonl(trace, cli.options.out);
  cli.emit({{"run_id", run_id},
            {"checkpoint", step},
            {"out", cli.options.out},
            {"sequences", trace.sequences.size()},
            {"tokens", trace.tokenCount()}},
           "wrote " + std::to_string(trace.sequences.size()) + " sequences (" +
               std::to_string(trace.tokenCount()) + " tokens) of checkpoint step " + std::to_string(step) +
               " to " + cli.options.out);
  return kExitOk;
}

struct AnalyzeOptions {
  std::string run;
  std::optional<int64_t> step;
  moe::analysis::AnalysisOptions analysis;
};

moe::analysis::AnalysisOptions analysisOptions(const CliContext& cli, const AnalyzeOptions& options) {
  moe::analysis::AnalysisOptions analysis = options.analysis;
  analysis.step = options.step;
  if (cli.options.seed) analysis.seed = *cli.options.seed;  // the shuffled-label baseline's seed
  return analysis;
}

// moe analyze --run ID [--step N] [--json]: every routing analysis of MoE 2/2 on a run's traces.
// (moe compare is a job, backend/moe/analysis/compare_job.h, so that comparisons are stored runs.)
int analyzeRun(CliContext& cli, const AnalyzeOptions& options) {
  const auto result = moe::analysis::analyzeRun(cli.store(), options.run, analysisOptions(cli, options));
  cli.emit(result, moe::analysis::analysisText(result));
  return kExitOk;
}

void addAnalysisOptions(CLI::App& verb, AnalyzeOptions& options) {
  auto& a = options.analysis;
  verb.add_option("--permutations", a.permutations, "Permutations of the shuffled-label MI baseline")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  verb.add_option("--position-bucket", a.position_bucket_width, "Positions per bucket of I(expert; position)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  verb.add_option("--min-count", a.min_count, "Occurrences a token needs for the consistency table")
      ->capture_default_str();
  verb.add_option("--drop-bins", a.drop_bins, "Position bins of the drop ratio")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  verb.add_option("--token", a.token_strings, "Token string for the per-token expert shares (repeatable)");
}

}  // namespace

void addMoeCommands(CLI::App& study, CliContext& cli, std::function<int()>& action) {
  static ExportTraceOptions export_trace;  // outlives parsing, like main's option targets
  auto* verb =
      study.add_subcommand("export-trace", "Write a run's routing trace as OLMoE-style JSONL to --out");
  verb->add_option("--run", export_trace.run, "Run id or unique prefix")->required();
  verb->add_option("--checkpoint", export_trace.checkpoint, "Checkpoint step (default: the last one traced)");
  verb->callback([&] { action = [&] { return exportTrace(cli, export_trace); }; });

  static AnalyzeOptions analyze;
  auto* analyze_verb = study.add_subcommand(
      "analyze",
      "Routing analyses of a run's traces: specialisation, early learning, drops, cross-layer MI, load");
  analyze_verb->add_option("--run", analyze.run, "Run id or unique prefix")->required();
  analyze_verb->add_option("--step", analyze.step, "Checkpoint step (default: the last one traced)");
  addAnalysisOptions(*analyze_verb, analyze);
  analyze_verb->callback([&] { action = [&] { return analyzeRun(cli, analyze); }; });
}

}  // namespace routescope::cli
