#include "app/cli/moe_commands.h"

#include <optional>

#include "backend/core/error.h"
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

}  // namespace

void addMoeCommands(CLI::App& study, CliContext& cli, std::function<int()>& action) {
  static ExportTraceOptions export_trace;  // outlives parsing, like main's option targets
  auto* verb =
      study.add_subcommand("export-trace", "Write a run's routing trace as OLMoE-style JSONL to --out");
  verb->add_option("--run", export_trace.run, "Run id or unique prefix")->required();
  verb->add_option("--checkpoint", export_trace.checkpoint, "Checkpoint step (default: the last one traced)");
  verb->callback([&] { action = [&] { return exportTrace(cli, export_trace); }; });
}

}  // namespace routescope::cli
