#include "app/cli/figure_commands.h"

#include <iostream>

#include "backend/core/error.h"

#ifdef ROUTESCOPE_HAVE_GUI
#include <QApplication>

#include "plugins/sdk/plugin_loader.h"
#include "plugins/sdk/run_exports.h"
#endif

namespace routescope::cli {

#ifdef ROUTESCOPE_HAVE_GUI
namespace {

// Charts need a QApplication; without a display Qt's offscreen platform renders them.
std::unique_ptr<QApplication> makeApplication(int& argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  return std::make_unique<QApplication>(argc, argv);
}

std::unique_ptr<plugins::LoadedPlugins> loadPluginsReporting() {
  auto loaded = plugins::loadPlugins(plugins::defaultPluginDirectories());
  for (const QString& error : loaded->errors)
    std::cerr << "warning: plugin skipped: " << error.toStdString() << "\n";
  return loaded;
}

}  // namespace

int exportFigureCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv) {
  if (cli.options.out.empty()) throw core::Error("export: give the output file with --out FILE");
  if (options.runs.size() != 1) throw core::Error("export: give exactly one --run");
  widgets::FigureFormat format;
  const QString out = QString::fromStdString(cli.options.out);
  const bool known = options.format.empty()
                         ? widgets::figureFormatFromPath(out, &format)
                         : widgets::parseFigureFormat(QString::fromStdString(options.format), &format);
  if (!known) throw core::Error("export: format must be png, svg or pdf (from --format or the --out suffix)");
  auto app = makeApplication(argc, argv);
  const auto loaded = loadPluginsReporting();
  const auto run = plugins::loadRunData(cli.store(), options.runs.front());
  const QString error = plugins::exportRunFigure(*loaded, run, QString::fromStdString(options.figure), out,
                                                 format, options.dpi, QSize(options.width, options.height));
  if (!error.isEmpty()) throw core::Error(error.toStdString());
  cli.emit({{"run_id", run.record.id}, {"figure", options.figure}, {"file", cli.options.out}},
           "wrote " + cli.options.out);
  return kExitOk;
}

int reportCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv) {
  if (cli.options.out.empty()) throw core::Error("report: give the output file with --out report.html|pdf");
  if (options.runs.empty()) throw core::Error("report: give at least one --run");
  auto app = makeApplication(argc, argv);
  const auto loaded = loadPluginsReporting();
  std::vector<plugins::RunData> runs;
  for (const auto& id : options.runs) runs.push_back(plugins::loadRunData(cli.store(), id));
  const QString error = plugins::exportRunReport(*loaded, runs, QString::fromStdString(cli.options.out));
  if (!error.isEmpty()) throw core::Error(error.toStdString());
  cli.emit({{"file", cli.options.out}, {"runs", options.runs}}, "wrote " + cli.options.out);
  return kExitOk;
}

#else

int exportFigureCommand(CliContext&, const FigureOptions&, int, char**) {
  throw core::Error(
      "export: this routescope-cli was built without the GUI libraries (-DROUTESCOPE_GUI=OFF); "
      "figures need Qt and the study plugins");
}

int reportCommand(CliContext&, const FigureOptions&, int, char**) {
  throw core::Error(
      "report: this routescope-cli was built without the GUI libraries (-DROUTESCOPE_GUI=OFF); "
      "reports need Qt and the study plugins");
}

#endif

}  // namespace routescope::cli
