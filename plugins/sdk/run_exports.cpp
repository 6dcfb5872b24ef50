#include "plugins/sdk/run_exports.h"

#include "plugins/sdk/run_report.h"
#include "widgets/report/report_writer.h"

namespace routescope::plugins {

QString exportRunFigure(const LoadedPlugins& plugins, const RunData& run, const QString& figure,
                        const QString& path, widgets::FigureFormat format, int dpi, QSize size) {
  const QString study = QString::fromStdString(run.record.study);
  StudyPlugin* plugin = plugins.find(study);
  const QString where = "run " + QString::fromStdString(run.record.id);
  if (!plugin) return where + ": no plugin for study '" + study + "' is loaded";
  const QStringList names = plugin->figureNames(run);
  if (!names.contains(figure)) {
    return where + ": no figure '" + figure + "' (available: " + names.join(", ") + ")";
  }
  auto view = plugin->createFigure(run, figure);
  if (!view) return where + ": figure '" + figure + "' could not be created";
  widgets::FigureRequest request;
  request.format = format;
  request.dpi = dpi;
  request.size = size.isEmpty() ? view->preferredFigureSize() : size;
  request.title = figure;
  request.provenance = provenanceOf(run);
  return view->exportFigure(path, request);
}

QString exportRunReport(const LoadedPlugins& plugins, const std::vector<RunData>& runs, const QString& path) {
  if (runs.empty()) return path + ": no runs to report";
  const widgets::Report report =
      runs.size() == 1
          ? buildRunReport(runs.front(), plugins.find(QString::fromStdString(runs.front().record.study)))
          : buildComparisonReport(runs, plugins);
  return widgets::writeReport(report, path);
}

}  // namespace routescope::plugins
