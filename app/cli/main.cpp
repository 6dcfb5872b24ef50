// routescope-cli: every study verb, the run store's verbs and sweeps, without a display.
//   routescope-cli <study> <verb> [--config F] [--set k=v ...] [--seed N] [--device auto|cpu|cuda]
//                  [--threads N] [--db runs.sqlite] [--out FILE] [--json] [--quiet]
// Exit codes: 0 ok, 1 error (one line naming the cause), 2 usage, 130 cancelled by Ctrl-C.

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <map>

#include "app/cli/cli_context.h"
#include "app/cli/figure_commands.h"
#include "app/cli/moe_commands.h"
#include "app/cli/run_commands.h"
#include "app/cli/signals.h"
#include "app/cli/study_commands.h"
#include "app/cli/traffic_commands.h"
#include "backend/core/error.h"
#include "backend/core/provenance.h"
#include "backend/studies/register_studies.h"

namespace rs = routescope;

namespace {

std::string configHelp(const rs::core::JobKind& kind) {
  std::string text = "Config keys (--set key=value):\n";
  for (const auto& field : kind.schema.fields()) {
    text += "  " + field.key + " = " +
            (field.default_value.is_string() ? field.default_value.get<std::string>()
                                             : field.default_value.dump());
    if (!field.choices.empty()) {
      std::string choices;
      for (const auto& c : field.choices) choices += (choices.empty() ? "" : "|") + c;
      text += " (" + choices + ")";
    }
    text += "  " + field.help + "\n";
  }
  return text;
}

void addGlobalOptions(CLI::App& app, rs::cli::GlobalOptions& o) {
  app.add_option("--db", o.db, "Run store file (default: $ROUTESCOPE_DB or the user's data folder)");
  app.add_flag("--json", o.json, "Print results as JSON on stdout");
  app.add_flag("--quiet,-q", o.quiet, "No progress output on stderr");
  app.add_option("--seed", o.seed, "Seed for every random draw of the run");
  app.add_option("--device", o.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  app.add_option("--threads", o.threads, "Threads for LibTorch (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--config", o.config_file, "JSON config file");
  app.add_option("--set", o.overrides, "Override a config key: key=value (repeatable)");
  app.add_option("--out", o.out, "Output file");
}

// Fields a job kind exposes as `--flag VALUE` (or a positional argument) become --set overrides.
// They are appended as CLI11 parses, so a later --set of the same key still wins only if written
// after it; flags are meant for keys users rarely also --set.
void addFieldOptions(CLI::App& verb, const rs::core::JobKind& kind, std::vector<std::string>& overrides) {
  for (const auto& field : kind.schema.fields()) {
    if (field.cli_flag.empty()) continue;
    const std::string key = field.key;
    if (field.type == rs::core::FieldType::Boolean) {
      verb.add_flag_callback("--" + field.cli_flag, [&overrides, key] { overrides.push_back(key + "=true"); },
                             field.help);
      continue;
    }
    const std::string name = field.cli_positional ? field.cli_flag : "--" + field.cli_flag;
    auto* option = verb.add_option_function<std::string>(
        name, [&overrides, key](const std::string& value) { overrides.push_back(key + "=" + value); },
        field.help);
    if (field.cli_positional) option->required();
  }
}

}  // namespace

int main(int argc, char** argv) {
  rs::core::StudyRegistry registry;
  rs::studies::registerAllStudies(registry);
  rs::cli::CliContext cli(registry);

  CLI::App app{
      "RouteScope command line: run studies, inspect and move runs.\n"
      "Exit codes: 0 ok, 1 error, 2 usage, 130 cancelled."};
  app.set_version_flag("--version",
                       "routescope-cli " + rs::core::appVersion() + " (" + rs::core::gitRevision() + ")");
  app.fallthrough();
  app.require_subcommand(1);
  addGlobalOptions(app, cli.options);

  std::function<int()> action;

  // Study verbs from the registry: routescope-cli <study> <kind>.
  std::map<std::string, CLI::App*> studies;
  for (const auto& kind : registry.kinds()) {
    auto& study = studies[kind.study];
    if (!study) {
      study = app.add_subcommand(kind.study, "The " + kind.study + " study");
      study->require_subcommand(1);
    }
    auto* verb = study->add_subcommand(kind.kind, kind.summary);
    verb->footer(configHelp(kind));
    addFieldOptions(*verb, kind, cli.options.overrides);
    if (!kind.presets.empty()) {
      std::string names;
      for (const auto& [name, values] : kind.presets) names += (names.empty() ? "" : ", ") + name;
      verb->add_option("--preset", cli.options.preset, "Start from a preset: " + names);
    }
    const auto* k = &kind;
    verb->callback([&, k] { action = [&, k] { return rs::cli::runStudyVerb(cli, *k); }; });
  }

  // Study verbs that are not jobs (file inspection and conversion).
  auto studyCommand = [&](const std::string& name) -> CLI::App& {
    auto& study = studies[name];
    if (!study) {
      study = app.add_subcommand(name, "The " + name + " study");
      study->require_subcommand(1);
    }
    return *study;
  };
  rs::cli::addMoeCommands(studyCommand("moe"), cli, action);
  rs::cli::addTrafficCommands(studyCommand("traffic"), cli, action);

  // runs ...
  auto* runs = app.add_subcommand("runs", "List, inspect, re-create, export and move runs");
  runs->require_subcommand(1);
  static rs::cli::ListOptions list_options;
  auto* list = runs->add_subcommand("list", "List runs, newest first");
  list->add_option("--study", list_options.study);
  list->add_option("--kind", list_options.kind);
  list->add_option("--status", list_options.status, "running|completed|failed|cancelled|interrupted");
  list->add_option("--group", list_options.group, "Runs of one sweep");
  list->add_option("--search", list_options.text, "Substring of id, name, notes or tags");
  list->add_option("--limit", list_options.limit, "At most this many (0: all)")->capture_default_str();
  list->callback([&] { action = [&] { return rs::cli::listRuns(cli, list_options); }; });

  static std::string run_id;
  static std::vector<std::string> run_ids;
  auto* show = runs->add_subcommand("show", "Show a run: config, provenance, metrics, artifacts");
  show->add_option("ID", run_id, "Run id or unique prefix")->required();
  show->callback([&] { action = [&] { return rs::cli::showRun(cli, run_id); }; });

  static bool expect_identical = false;
  auto* rerun =
      runs->add_subcommand("rerun", "Re-create a run from its config, seed and inputs; compare metrics");
  rerun->add_option("ID", run_id, "Run id or unique prefix")->required();
  rerun->add_flag("--expect-identical", expect_identical, "Exit 1 unless every metric is reproduced exactly");
  rerun->callback([&] { action = [&] { return rs::cli::rerunRun(cli, run_id, expect_identical); }; });

  auto* remove = runs->add_subcommand("delete", "Delete runs with their metrics and artifacts");
  remove->add_option("ID", run_ids, "Run ids")->required();
  remove->callback([&] { action = [&] { return rs::cli::deleteRuns(cli, run_ids); }; });

  static std::string metrics_format = "csv";
  auto* export_metrics = runs->add_subcommand("export-metrics", "Write a run's metrics as CSV or JSON");
  export_metrics->add_option("ID", run_id, "Run id or unique prefix")->required();
  export_metrics->add_option("--format", metrics_format, "csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  export_metrics->callback(
      [&] { action = [&] { return rs::cli::exportMetrics(cli, run_id, metrics_format); }; });

  auto* export_bundle =
      runs->add_subcommand("export-bundle", "Pack runs with their artifacts into one file (--out)");
  export_bundle->add_option("ID", run_ids, "Run ids")->required();
  export_bundle->callback([&] { action = [&] { return rs::cli::exportBundleCommand(cli, run_ids); }; });

  static std::string bundle_file;
  auto* import_bundle = runs->add_subcommand("import-bundle", "Add the runs of a bundle to the store");
  import_bundle->add_option("FILE", bundle_file, "Bundle file")->required();
  import_bundle->callback([&] { action = [&] { return rs::cli::importBundleCommand(cli, bundle_file); }; });

  // sweep <study> <kind> --set k=v1,v2 --seeds 1-5
  static std::string sweep_study, sweep_kind, sweep_seeds;
  auto* sweep = app.add_subcommand(
      "sweep", "Run the product of --set key=v1,v2,... values and --seeds as one group of runs");
  sweep->add_option("STUDY", sweep_study)->required();
  sweep->add_option("KIND", sweep_kind)->required();
  sweep->add_option("--seeds", sweep_seeds, "Seeds, e.g. 1-5 or 1,3,9");
  sweep->callback([&] {
    action = [&] { return rs::cli::runSweep(cli, registry.get(sweep_study, sweep_kind), sweep_seeds); };
  });

  // Figures and reports (need the GUI libraries; a build without them says so).
  static rs::cli::FigureOptions figure_options;
  auto* export_figure = app.add_subcommand("export", "Export a figure of a run (png, svg or pdf) to --out");
  export_figure->add_option("--run", figure_options.runs, "Run id")->required();
  export_figure->add_option("--figure", figure_options.figure, "Figure name (an unknown name lists them)")
      ->required();
  export_figure->add_option("--format", figure_options.format, "png, svg or pdf (default: from --out)");
  export_figure->add_option("--dpi", figure_options.dpi, "PNG resolution")
      ->check(CLI::Range(10, 2400))
      ->capture_default_str();
  export_figure->add_option("--size", figure_options.size, "WxH in px at 96 dpi (default: the figure's own)");
  export_figure->callback(
      [&] { action = [&] { return rs::cli::exportFigureCommand(cli, figure_options, argc, argv); }; });
  auto* report = app.add_subcommand(
      "report", "Write the report of a run (or a comparison of runs) to --out .html or .pdf");
  report->add_option("--run", figure_options.runs, "Run id; ID,ID or repeated --run compares runs")
      ->required();
  report->callback([&] { action = [&] { return rs::cli::reportCommand(cli, figure_options, argc, argv); }; });
  auto* figures = app.add_subcommand("figures", "List the figures a run offers");
  figures->add_option("--run", figure_options.runs, "Run id")->required();
  figures->callback(
      [&] { action = [&] { return rs::cli::listFiguresCommand(cli, figure_options, argc, argv); }; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return rs::cli::kExitUsage;
  }

  rs::cli::installInterruptHandler();
  try {
    return action ? action() : rs::cli::kExitUsage;
  } catch (const rs::core::JobCancelled&) {
    std::cerr << "cancelled\n";
    return rs::cli::kExitCancelled;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return rs::cli::kExitError;
  }
}
