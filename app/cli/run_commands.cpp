#include "app/cli/run_commands.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/study_commands.h"
#include "backend/core/bundle.h"
#include "backend/core/error.h"
#include "backend/core/sha256.h"

namespace routescope::cli {
namespace {

std::string localTime(int64_t epoch_ms) {
  const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm parts{};
  localtime_r(&seconds, &parts);
  std::ostringstream out;
  out << std::put_time(&parts, "%Y-%m-%d %H:%M:%S");
  return out.str();
}

std::string durationText(const core::RunRecord& run) {
  if (!run.finished_ms) return "-";
  return core::formatDuration(static_cast<double>(*run.finished_ms - run.created_ms) / 1000.0);
}

nlohmann::json runJson(const core::RunRecord& run) {
  nlohmann::json j = {{"id", run.id},
                      {"study", run.study},
                      {"kind", run.kind},
                      {"status", core::toString(run.status)},
                      {"seed", run.seed},
                      {"device", run.device},
                      {"config", run.config},
                      {"created_ms", run.created_ms},
                      {"app_version", run.app_version},
                      {"group_id", run.group_id},
                      {"name", run.name},
                      {"notes", run.notes},
                      {"tags", run.tags},
                      {"error", run.error},
                      {"provenance", run.provenance}};
  j["finished_ms"] = run.finished_ms ? nlohmann::json(*run.finished_ms) : nlohmann::json();
  return j;
}

// Writes to --out when given, else stdout.
void writeOutput(const CliContext& cli, const std::string& text) {
  if (cli.options.out.empty()) {
    std::cout << text;
    return;
  }
  const std::string tmp = cli.options.out + ".tmp";
  {
    std::ofstream file(tmp, std::ios::trunc);
    file << text;
    if (!file) throw core::Error(cli.options.out + ": cannot write");
  }
  std::filesystem::rename(tmp, cli.options.out);
}

}  // namespace

int listRuns(CliContext& cli, const ListOptions& options) {
  core::RunFilter filter;
  filter.study = options.study;
  filter.kind = options.kind;
  filter.group_id = options.group;
  filter.text = options.text;
  filter.limit = options.limit;
  if (!options.status.empty()) filter.status = core::parseRunStatus(options.status);
  const auto runs = cli.store().listRuns(filter);
  nlohmann::json result = nlohmann::json::array();
  // Each column is as wide as its longest value (or heading) plus two spaces, so a long kind such
  // as inspect-checkpoint never runs into the next column.
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"ID", "STUDY", "KIND", "STATUS", "STARTED", "DURATION", "SEED", "GROUP/NAME"});
  for (const auto& run : runs) {
    result.push_back(runJson(run));
    rows.push_back({run.id, run.study, run.kind, std::string(core::toString(run.status)),
                    localTime(run.created_ms), durationText(run), std::to_string(run.seed),
                    run.name.empty() ? run.group_id : run.name});
  }
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  std::ostringstream text;
  for (const auto& row : rows) {
    for (size_t c = 0; c + 1 < row.size(); ++c)
      text << std::left << std::setw(static_cast<int>(widths[c] + 2)) << row[c];
    text << row.back() << "\n";
  }
  if (runs.empty()) text.str("no runs in " + cli.store().path() + "\n");
  cli.emit(result, text.str());
  return kExitOk;
}

int showRun(CliContext& cli, const std::string& id) {
  const core::RunRecord run = cli.store().run(id);
  nlohmann::json result = runJson(run);
  const nlohmann::json metrics = metricSummary(cli.store(), run.id);
  result["metrics"] = metrics;
  nlohmann::json artifacts = nlohmann::json::array();
  for (const auto& a : cli.store().artifacts(run.id)) {
    artifacts.push_back(
        {{"name", a.name}, {"bytes", a.size}, {"sha256", a.sha256}, {"file", a.stored_as_file}});
  }
  result["artifacts"] = artifacts;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : cli.store().events(run.id)) {
    events.push_back({{"time_ms", e.time_ms}, {"level", e.level}, {"message", e.message}});
  }
  result["events"] = events;

  std::ostringstream text;
  text << "run " << run.id << (run.name.empty() ? "" : " (" + run.name + ")") << "\n"
       << "  study/kind: " << run.study << " " << run.kind << "\n"
       << "  status:     " << core::toString(run.status) << (run.error.empty() ? "" : ": " + run.error)
       << "\n"
       << "  started:    " << localTime(run.created_ms) << ", duration " << durationText(run) << "\n"
       << "  seed:       " << run.seed << ", device " << run.device << "\n"
       << "  config:     " << run.config.dump() << "\n";
  if (!run.group_id.empty()) text << "  group:      " << run.group_id << "\n";
  if (!run.tags.empty()) text << "  tags:       " << nlohmann::json(run.tags).dump() << "\n";
  if (!run.notes.empty()) text << "  notes:      " << run.notes << "\n";
  text << "provenance:\n";
  for (const auto& [key, value] : run.provenance.items()) {
    text << "  " << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump()) << "\n";
  }
  text << "metrics:\n" << metricSummaryText(metrics);
  text << "artifacts:\n";
  for (const auto& a : artifacts) {
    text << "  " << a["name"].get<std::string>() << " (" << a["bytes"].get<int64_t>() << " bytes, sha256 "
         << a["sha256"].get<std::string>().substr(0, 16) << "...)\n";
  }
  for (const auto& e : cli.store().events(run.id)) text << "event " << e.level << ": " << e.message << "\n";
  cli.emit(result, text.str());
  return kExitOk;
}

int rerunRun(CliContext& cli, const std::string& id, bool expect_identical) {
  const core::RunRecord original = cli.store().run(id);
  const core::JobKind& kind = cli.registry().get(original.study, original.kind);
  kind.schema.validate(original.config);
  // The inputs must be the same files, or the comparison means nothing.
  if (original.provenance.contains("inputs")) {
    for (const auto& input : original.provenance["inputs"]) {
      const std::string path = input.value("path", "");
      if (!std::filesystem::exists(path))
        throw core::Error("input " + path + " of run " + original.id + " no longer exists");
      if (core::sha256File(path) != input.value("sha256", "")) {
        throw core::Error("input " + path + " changed since run " + original.id + " (SHA-256 differs)");
      }
    }
  }
  // Same thread count as the original unless told otherwise: reductions depend on it.
  const int threads = cli.options.threads.value_or(original.provenance.value("threads", cli.threads()));
  const std::string device = cli.options.device == "auto" ? original.device : cli.options.device;
  const core::RunOutcome outcome =
      launch(cli, kind, original.config, original.seed, device, threads, original.group_id);

  // Compare (name, step) -> value.
  std::map<std::pair<std::string, int64_t>, double> before, after;
  for (const auto& p : cli.store().metrics(original.id)) before[{p.name, p.step}] = p.value;
  for (const auto& p : cli.store().metrics(outcome.run_id)) after[{p.name, p.step}] = p.value;
  int64_t differing = 0, missing = 0;
  double max_abs_diff = 0;
  for (const auto& [key, value] : before) {
    const auto it = after.find(key);
    if (it == after.end()) {
      ++missing;
      continue;
    }
    if (it->second != value && !(std::isnan(value) && std::isnan(it->second))) {
      ++differing;
      max_abs_diff = std::max(max_abs_diff, std::abs(it->second - value));
    }
  }
  const int64_t extra = static_cast<int64_t>(after.size()) - (static_cast<int64_t>(before.size()) - missing);
  const bool identical =
      outcome.status == core::RunStatus::Completed && differing == 0 && missing == 0 && extra == 0;
  nlohmann::json result = {{"run_id", outcome.run_id},
                           {"original", original.id},
                           {"status", core::toString(outcome.status)},
                           {"compared_points", before.size()},
                           {"differing_points", differing},
                           {"missing_points", missing},
                           {"extra_points", extra},
                           {"max_abs_diff", max_abs_diff},
                           {"identical", identical},
                           {"reproducible_kind", kind.reproducible}};
  std::ostringstream text;
  text << "rerun " << outcome.run_id << " of " << original.id << ": " << core::toString(outcome.status)
       << "\n";
  if (identical) {
    text << "metrics identical (" << before.size() << " points)\n";
  } else {
    text << "metrics differ: " << differing << " of " << before.size() << " points, max |diff| "
         << max_abs_diff << ", " << missing << " missing, " << extra << " extra";
    text << (kind.reproducible ? "\n" : " (expected: this job's metrics are measurements)\n");
  }
  cli.emit(result, text.str());
  if (outcome.status != core::RunStatus::Completed) return exitCodeFor(outcome.status);
  if (expect_identical && !identical) {
    std::cerr << "error: rerun " << outcome.run_id << " does not reproduce run " << original.id << "\n";
    return kExitError;
  }
  return kExitOk;
}

int deleteRuns(CliContext& cli, const std::vector<std::string>& ids) {
  std::vector<core::RunRecord> runs;
  for (const auto& id : ids) runs.push_back(cli.store().run(id));  // all resolve before any goes
  nlohmann::json deleted = nlohmann::json::array();
  std::string text;
  for (const auto& run : runs) {
    if (run.status == core::RunStatus::Running)
      throw core::Error("run " + run.id + ": still running; cancel it first");
    cli.store().deleteRun(run.id);
    deleted.push_back(run.id);
    text += "deleted run " + run.id + "\n";
  }
  cli.emit({{"deleted", deleted}}, text);
  return kExitOk;
}

int exportMetrics(CliContext& cli, const std::string& id, const std::string& format) {
  const core::RunRecord run = cli.store().run(id);
  const auto points = cli.store().metrics(run.id);
  std::ostringstream out;
  out.precision(17);
  if (format == "csv") {
    out << "run_id,name,step,value\n";
    for (const auto& p : points) out << run.id << "," << p.name << "," << p.step << "," << p.value << "\n";
  } else if (format == "json") {
    nlohmann::json series = nlohmann::json::object();
    for (const auto& p : points) series[p.name].push_back({{"step", p.step}, {"value", p.value}});
    out << nlohmann::json{{"run_id", run.id}, {"metrics", series}}.dump(2) << "\n";
  } else {
    throw core::Error("--format '" + format + "': expected csv or json");
  }
  writeOutput(cli, out.str());
  if (!cli.options.out.empty() && !cli.options.json) {
    std::cerr << "wrote " << points.size() << " points to " << cli.options.out << "\n";
  }
  return kExitOk;
}

int exportBundleCommand(CliContext& cli, const std::vector<std::string>& ids) {
  if (cli.options.out.empty()) throw core::Error("export-bundle: give the bundle file with --out FILE");
  std::vector<std::string> full_ids;
  for (const auto& id : ids) full_ids.push_back(cli.store().run(id).id);
  core::exportBundle(cli.store(), full_ids, cli.options.out);
  cli.emit({{"bundle", cli.options.out}, {"runs", full_ids}},
           "wrote " + std::to_string(full_ids.size()) + " run(s) to " + cli.options.out);
  return kExitOk;
}

int importBundleCommand(CliContext& cli, const std::string& file) {
  const auto result = core::importBundle(cli.store(), file);
  std::string text =
      "imported " + std::to_string(result.imported.size()) + " run(s) into " + cli.store().path();
  if (!result.skipped.empty()) text += "; " + std::to_string(result.skipped.size()) + " already present";
  cli.emit({{"imported", result.imported}, {"skipped", result.skipped}}, text);
  return kExitOk;
}

}  // namespace routescope::cli
