#include "app/cli/figure_commands.h"

#include <iostream>

#include "backend/core/error.h"

#ifdef ROUTESCOPE_HAVE_GUI
#include <QApplication>
#include <functional>

#include "app/cli/private_x_server.h"
#include "plugins/sdk/plugin_loader.h"
#include "plugins/sdk/run_exports.h"
#endif

namespace routescope::cli {

#ifdef ROUTESCOPE_HAVE_GUI
namespace {

// "a,b" and repeated --run alike.
std::vector<std::string> splitRunIds(const std::vector<std::string>& given) {
  std::vector<std::string> ids;
  for (const auto& item : given) {
    for (const QString& id : QString::fromStdString(item).split(',', Qt::SkipEmptyParts)) {
      ids.push_back(id.trimmed().toStdString());
    }
  }
  return ids;
}

QSize parseSize(const std::string& text) {
  if (text.empty()) return {};
  const QStringList parts = QString::fromStdString(text).split('x');
  bool ok_w = false, ok_h = false;
  const int w = parts.value(0).toInt(&ok_w), h = parts.value(1).toInt(&ok_h);
  if (parts.size() != 2 || !ok_w || !ok_h || w < 1 || h < 1 || w > 20000 || h > 20000) {
    throw core::Error("--size '" + text + "': expected WxH in pixels, e.g. 1200x800");
  }
  return {w, h};
}

// Everything export and report need, set up in the order Qt requires: plugins (to learn whether
// a VTK figure is involved), then the display, then the QApplication.
struct FigureSession {
  std::unique_ptr<plugins::LoadedPlugins> plugins;
  std::vector<plugins::RunData> runs;
  std::unique_ptr<PrivateXServer> x_server;
  std::unique_ptr<QApplication> app;
};

FigureSession openSession(CliContext& cli, const std::vector<std::string>& run_ids, int& argc, char** argv,
                          const std::function<bool(const FigureSession&)>& needs_display) {
  FigureSession session;
  session.plugins = plugins::loadPlugins(plugins::defaultPluginDirectories());
  for (const QString& error : session.plugins->errors) {
    std::cerr << "warning: plugin skipped: " << error.toStdString() << "\n";
  }
  for (const auto& id : run_ids) session.runs.push_back(plugins::loadRunData(cli.store(), id));
  const bool no_display = qEnvironmentVariableIsEmpty("DISPLAY") &&
                          qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
                          qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
  if (no_display) {
    if (needs_display(session)) {
      session.x_server = PrivateXServer::start();
    } else {
      qputenv("QT_QPA_PLATFORM", "offscreen");  // 2-D views render without any X server
    }
  }
  session.app = std::make_unique<QApplication>(argc, argv);
  return session;
}

plugins::StudyPlugin* pluginFor(const FigureSession& session, const plugins::RunData& run) {
  return session.plugins->find(QString::fromStdString(run.record.study));
}

}  // namespace

int exportFigureCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv) {
  if (cli.options.out.empty()) throw core::Error("export: give the output file with --out FILE");
  const auto run_ids = splitRunIds(options.runs);
  if (run_ids.size() != 1) throw core::Error("export: give exactly one --run");
  widgets::FigureFormat format;
  const QString out = QString::fromStdString(cli.options.out);
  const bool known = options.format.empty()
                         ? widgets::figureFormatFromPath(out, &format)
                         : widgets::parseFigureFormat(QString::fromStdString(options.format), &format);
  if (!known) throw core::Error("export: format must be png, svg or pdf (from --format or the --out suffix)");
  const QSize size = parseSize(options.size);
  const QString figure = QString::fromStdString(options.figure);
  FigureSession session = openSession(cli, run_ids, argc, argv, [&](const FigureSession& s) {
    const auto* plugin = pluginFor(s, s.runs.front());
    return plugin && plugin->figureNeedsDisplay(s.runs.front(), figure);
  });
  const auto& run = session.runs.front();
  const QString error =
      plugins::exportRunFigure(*session.plugins, run, figure, out, format, options.dpi, size);
  if (!error.isEmpty()) throw core::Error(error.toStdString());
  cli.emit({{"run_id", run.record.id}, {"figure", options.figure}, {"file", cli.options.out}},
           "wrote " + cli.options.out);
  return kExitOk;
}

int reportCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv) {
  if (cli.options.out.empty()) throw core::Error("report: give the output file with --out report.html|pdf");
  const auto run_ids = splitRunIds(options.runs);
  if (run_ids.empty()) throw core::Error("report: give at least one --run");
  FigureSession session = openSession(cli, run_ids, argc, argv, [](const FigureSession& s) {
    for (const auto& run : s.runs) {
      const auto* plugin = pluginFor(s, run);
      if (!plugin) continue;
      for (const QString& name : plugin->figureNames(run)) {
        if (plugin->figureNeedsDisplay(run, name)) return true;
      }
    }
    return false;
  });
  const QString error =
      plugins::exportRunReport(*session.plugins, session.runs, QString::fromStdString(cli.options.out));
  if (!error.isEmpty()) throw core::Error(error.toStdString());
  cli.emit({{"file", cli.options.out}, {"runs", run_ids}}, "wrote " + cli.options.out);
  return kExitOk;
}

int listFiguresCommand(CliContext& cli, const FigureOptions& options, int argc, char** argv) {
  const auto run_ids = splitRunIds(options.runs);
  if (run_ids.size() != 1) throw core::Error("figures: give exactly one --run");
  qputenv("QT_QPA_PLATFORM", "offscreen");  // nothing is drawn
  QCoreApplication app(argc, argv);
  const auto loaded = plugins::loadPlugins(plugins::defaultPluginDirectories());
  const auto run = plugins::loadRunData(cli.store(), run_ids.front());
  const auto* plugin = loaded->find(QString::fromStdString(run.record.study));
  if (!plugin)
    throw core::Error("run " + run.record.id + ": no plugin for study '" + run.record.study + "' is loaded");
  nlohmann::json names = nlohmann::json::array();
  std::string text;
  for (const QString& name : plugin->figureNames(run)) {
    names.push_back(name.toStdString());
    text += name.toStdString() + "\n";
  }
  cli.emit({{"run_id", run.record.id}, {"figures", names}},
           text.empty() ? "no figures for this run\n" : text);
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

int listFiguresCommand(CliContext&, const FigureOptions&, int, char**) {
  throw core::Error(
      "figures: this routescope-cli was built without the GUI libraries (-DROUTESCOPE_GUI=OFF); "
      "figures come from the study plugins, which need Qt");
}

#endif

}  // namespace routescope::cli
