#include "app/cli/study_commands.h"

#include <iostream>
#include <sstream>

#include "app/cli/progress_bar.h"
#include "app/cli/signals.h"
#include "backend/core/error.h"
#include "backend/core/sweep.h"
#include "backend/system/torch_runtime.h"

namespace routescope::cli {
namespace {

std::string statusLine(const core::RunOutcome& outcome, const std::string& store_path) {
  std::ostringstream text;
  text << "run " << outcome.run_id << " " << core::toString(outcome.status) << " after "
       << core::formatDuration(outcome.seconds);
  if (!outcome.error.empty() && outcome.status != core::RunStatus::Completed) {
    text << ": " << outcome.error;
  }
  text << "\nstored in " << store_path << "\n";
  return text.str();
}

}  // namespace

int exitCodeFor(core::RunStatus status) {
  switch (status) {
    case core::RunStatus::Completed:
      return kExitOk;
    case core::RunStatus::Cancelled:
      return kExitCancelled;
    default:
      return kExitError;
  }
}

core::RunOutcome launch(CliContext& cli, const core::JobKind& kind, const nlohmann::json& config,
                        uint64_t seed, const std::string& device, int threads, const std::string& group_id) {
  core::RunRequest request;
  request.study = kind.study;
  request.kind = kind.kind;
  request.settings = {config, seed, system::resolveDevice(device), threads};
  request.group_id = group_id;
  request.command_line = core::recreateCommand(kind, config, seed, device, threads);
  request.runtime = system::describeRuntime();
  auto job = kind.create(config);
  core::CancelToken cancel;
  cancel.linkExternal(&interruptRequested());
  ProgressBar bar(kind.study + " " + kind.kind, !cli.options.quiet);
  core::RunOutcome outcome = core::runJob(cli.store(), *job, request, cancel, &bar);
  bar.finish();
  return outcome;
}

int runStudyVerb(CliContext& cli, const core::JobKind& kind) {
  const nlohmann::json config = cli.resolveConfig(kind);
  const uint64_t seed = cli.seedOrRandom();
  const core::RunOutcome outcome = launch(cli, kind, config, seed, cli.options.device, cli.threads(), "");
  if (outcome.status == core::RunStatus::Failed) {
    // A failed run (malformed input, a refused network) is one line on stderr naming the cause,
    // and nothing on stdout, as the CLI contract says; the run stays in the store, marked failed.
    std::cerr << "error: " << outcome.error << "\n";
    return exitCodeFor(outcome.status);
  }
  const nlohmann::json summary = metricSummary(cli.store(), outcome.run_id);
  nlohmann::json result = {{"run_id", outcome.run_id},   {"status", core::toString(outcome.status)},
                           {"seconds", outcome.seconds}, {"seed", seed},
                           {"db", cli.store().path()},   {"metrics", summary}};
  if (!outcome.error.empty()) result["error"] = outcome.error;
  // The job's headline results (JobContext::result) at the top level, as the study contracts say.
  std::string result_text;
  for (const auto& info : cli.store().artifacts(outcome.run_id)) {
    if (info.name != core::kResultArtifact) continue;
    const auto headline = nlohmann::json::parse(cli.store().readArtifactText(outcome.run_id, info.name));
    for (const auto& [key, value] : headline.items()) {
      if (!result.contains(key)) result[key] = value;
      result_text += "  " + key + ": " + (value.is_string() ? value.get<std::string>() : value.dump()) + "\n";
    }
  }
  cli.emit(result, result_text + metricSummaryText(summary) + statusLine(outcome, cli.store().path()));
  return exitCodeFor(outcome.status);
}

int runSweep(CliContext& cli, const core::JobKind& kind, const std::string& seeds_text) {
  std::vector<core::SweepAxis> axes;
  for (const auto& text : cli.options.overrides) axes.push_back(core::parseSweepAxis(text));
  const std::vector<uint64_t> seeds =
      seeds_text.empty() ? std::vector<uint64_t>{cli.seedOrRandom()} : core::parseSeedList(seeds_text);
  const auto points = core::expandSweep(axes, seeds);
  // Resolve every config first: a typo in the last value must not surface after hours of runs.
  // Each point's overrides replace the axes' "key=v1,v2" lists (which resolveConfig would reject).
  std::vector<nlohmann::json> configs;
  const auto axes_text = cli.options.overrides;
  for (const auto& point : points) {
    cli.options.overrides = point.overrides;
    configs.push_back(cli.resolveConfig(kind));
  }
  cli.options.overrides = axes_text;
  const std::string group = core::newGroupId();
  nlohmann::json runs = nlohmann::json::array();
  int exit_code = kExitOk;
  std::string text;
  for (size_t i = 0; i < points.size(); ++i) {
    if (!cli.options.quiet) {
      std::cerr << "sweep " << group << ": run " << i + 1 << " of " << points.size() << " (seed "
                << points[i].seed;
      for (const auto& o : points[i].overrides) std::cerr << ", " << o;
      std::cerr << ")\n";
    }
    const auto outcome =
        launch(cli, kind, configs[i], points[i].seed, cli.options.device, cli.threads(), group);
    runs.push_back({{"run_id", outcome.run_id},
                    {"status", core::toString(outcome.status)},
                    {"seed", points[i].seed},
                    {"overrides", points[i].overrides}});
    text +=
        outcome.run_id + "  " + core::toString(outcome.status) + "  seed " + std::to_string(points[i].seed);
    for (const auto& o : points[i].overrides) text += "  " + o;
    text += "\n";
    if (outcome.status != core::RunStatus::Completed) {
      exit_code = exitCodeFor(outcome.status);
      if (outcome.status == core::RunStatus::Cancelled) break;  // Ctrl-C stops the whole sweep
    }
  }
  text += "group " + group + ": " + std::to_string(runs.size()) + " run(s) stored in " + cli.store().path() +
          "\n";
  cli.emit({{"group_id", group}, {"runs", runs}, {"db", cli.store().path()}}, text);
  return exit_code;
}

nlohmann::json metricSummary(const core::RunStore& store, const std::string& run_id) {
  nlohmann::json summary = nlohmann::json::object();
  for (const auto& p : store.metrics(run_id)) {
    auto& m = summary[p.name];
    if (m.is_null()) {
      m = {{"points", 0},
           {"first_step", p.step},
           {"min", p.value},
           {"max", p.value},
           {"values", nlohmann::json::array()}};
    }
    m["points"] = m["points"].get<int64_t>() + 1;
    m["last_step"] = p.step;
    m["last"] = p.value;
    m["min"] = std::min(m["min"].get<double>(), p.value);
    m["max"] = std::max(m["max"].get<double>(), p.value);
    if (m["points"].get<int64_t>() <= 8) m["values"].push_back({p.step, p.value});
  }
  for (auto& [name, m] : summary.items()) {
    if (m["points"].get<int64_t>() > 8) m.erase("values");
  }
  return summary;
}

std::string metricSummaryText(const nlohmann::json& summary) {
  std::ostringstream text;
  text.precision(6);
  for (const auto& [name, m] : summary.items()) {
    text << "  " << name << ": ";
    if (m.contains("values")) {
      bool first = true;
      for (const auto& pair : m["values"]) {
        text << (first ? "" : ", ") << "step " << pair[0].get<int64_t>() << " = " << pair[1].get<double>();
        first = false;
      }
    } else {
      text << m["points"].get<int64_t>() << " points, last " << m["last"].get<double>() << " at step "
           << m["last_step"].get<int64_t>() << ", min " << m["min"].get<double>() << ", max "
           << m["max"].get<double>();
    }
    text << "\n";
  }
  return text.str();
}

}  // namespace routescope::cli
