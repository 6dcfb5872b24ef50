#include "plugins/traffic/traffic_plugin.h"

#include <QLabel>
#include <QTabWidget>

#include "plugins/traffic/braess_view.h"
#include "plugins/traffic/convergence_chart.h"
#include "plugins/traffic/figure_data_tab.h"
#include "plugins/traffic/link_table.h"
#include "plugins/traffic/map_panel.h"
#include "plugins/traffic/ndp_artifacts.h"
#include "plugins/traffic/ndp_demo.h"
#include "plugins/traffic/ndp_figures.h"
#include "plugins/traffic/ndp_report.h"
#include "plugins/traffic/network_map_view.h"
#include "plugins/traffic/run_artifacts.h"
#include "plugins/traffic/traffic_report.h"
#include "plugins/traffic/whatif_panel.h"

namespace routescope::plugins::traffic {
namespace {

constexpr const char* kMap = "network-map";
constexpr const char* kDifferenceMap = "difference-map";
constexpr const char* kConvergence = "convergence";
constexpr const char* kConvergenceTime = "convergence-time";
constexpr const char* kDesignMap = "design-map";

bool isWhatIf(const RunData& run) {
  return run.record.kind == "whatif" && hasSolution(run, "before_");
}

bool isBraess(const RunData& run) {
  return run.record.config.value("net", std::string()) == "builtin:braess";
}

std::unique_ptr<NetworkMapView> mapFigure(const RunData& run, bool difference) {
  auto map = std::make_unique<NetworkMapView>();
  map->setFigureName(QString::fromLatin1(difference ? kDifferenceMap : kMap));
  map->setData(readMapData(run, mainSolutionPrefix(run)));
  if (difference) map->setBase(readMapData(run, "before_"));
  return map;
}

QWidget* errorLabel(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  return label;
}

// A network-design run: its figures, each with how to read it and its data as CSV, then the link
// table of the design against the no-build network. No what-if panel: the run's problem (a design
// instance) is not a plain network the panel could re-solve.
void addNetworkDesignTabs(const RunData& run, QTabWidget* tabs) {
  for (const QString& name : networkDesignFigureNames(run)) {
    auto figure = createNetworkDesignFigure(run, name);
    auto* widget = dynamic_cast<QWidget*>(figure.get());
    if (!widget) continue;
    figure.release();
    tabs->addTab(new FigureDataTab(widget, name, networkDesignFigureCsv(run, name),
                                   networkDesignFigureExplanation(name), tabs),
                 name);
  }
  if (hasSolution(run, "after_") && hasSolution(run, "before_")) {
    try {
      MapData after = readMapData(run, "after_");
      MapData before = readMapData(run, "before_");
      auto* table = new LinkTableView(tabs);
      table->model()->setData(std::move(after), std::move(before));
      tabs->addTab(table, TrafficPlugin::tr("Links"));
    } catch (const std::exception& e) {
      tabs->addTab(errorLabel(QString::fromStdString(e.what()), tabs), TrafficPlugin::tr("Links"));
    }
  }
}

}  // namespace

QList<JobLauncher> TrafficPlugin::jobLaunchers() const {
  return {{tr("Traffic: assign Braess (user equilibrium)"), "assign", {"net=builtin:braess"}},
          {tr("Traffic: compare algorithms on Braess"), "compare", {"net=builtin:braess"}},
          {tr("Traffic: generate a demo city"), "generate", {}}};
}

std::optional<GuidedDemo> TrafficPlugin::guidedDemo() const {
  return GuidedDemo{
      tr("Braess paradox"),
      tr("Solves the user equilibrium of the four-node Braess network with and without its middle link, and "
         "the system optimum. Adding a road makes every driver slower: the view quotes the computed total "
         "travel times and shows the flows on the map."),
      {tr("Braess paradox: close the middle link"), "whatif", {"net=builtin:braess", "edits=close 3-4"}},
      {kMap, kDifferenceMap}};
}

QList<GuidedDemo> TrafficPlugin::guidedDemos() const {
  return {*guidedDemo(), networkDesignDemo()};
}

QStringList TrafficPlugin::figureNames(const RunData& run) const {
  if (!isTrafficRun(run)) return {};
  QStringList names;
  if (hasSolution(run, mainSolutionPrefix(run))) names << kMap;
  if (isWhatIf(run)) names << kDifferenceMap;
  if (!convergenceSeries(run).isEmpty()) names << kConvergence << kConvergenceTime;
  names << networkDesignFigureNames(run);
  return names;
}

std::unique_ptr<widgets::Figure> TrafficPlugin::createFigure(const RunData& run, const QString& name) {
  if (isNetworkDesignFigure(name)) return createNetworkDesignFigure(run, name);
  if (!figureNames(run).contains(name)) return nullptr;
  try {
    if (name == kMap) return mapFigure(run, false);
    if (name == kDifferenceMap) return mapFigure(run, true);
  } catch (const std::exception&) {
    return nullptr;  // a malformed artifact: the figure is not offered
  }
  return convergenceChart(convergenceSeries(run),
                          name == kConvergenceTime ? ConvergenceAxis::Seconds : ConvergenceAxis::Iteration);
}

bool TrafficPlugin::figureNeedsDisplay(const RunData&, const QString& name) const {
  return name == kMap || name == kDifferenceMap || name == kDesignMap;
}

QList<widgets::ReportSection> TrafficPlugin::reportSections(const RunData& run) {
  if (!isTrafficRun(run)) return {};
  return isNetworkDesignRun(run) ? networkDesignReportSections(run) : trafficReportSections(run);
}

QStringList TrafficPlugin::openFileFilters() const {
  return {tr("TNTP networks (*_net.tntp)")};
}

QWidget* TrafficPlugin::openFile(const QString& path, QWidget* parent, QString* error) {
  const ProblemLoader loader = problemFromNetFile(path);
  TrafficProblem problem;
  try {
    problem = loader();
  } catch (const std::exception& e) {
    *error = QString::fromStdString(e.what());
    return nullptr;
  }
  auto* tabs = new QTabWidget(parent);
  tabs->setObjectName(QStringLiteral("trafficFileView"));
  auto* panel = new MapPanel(loader, tabs);
  auto* table = new LinkTableView(tabs);
  tabs->addTab(panel, tr("Map"));
  tabs->addTab(table, tr("Links"));
  connect(panel, &MapPanel::dataChanged, table,
          [table](const MapData& data, const std::optional<MapData>& base) {
            table->model()->setData(data, base);
          });
  // The network at once (no flows yet); the equilibrium follows from a background solve.
  panel->setData(mapDataFromSolution(problem.network, {}, problem.cost));
  if (!problem.demand.origins.empty()) {
    connect(panel->whatIf(), &WhatIfPanel::baseSolved, panel,
            [panel](const MapData& base) { panel->setData(base); });
    panel->whatIf()->solveBase();
  }
  return tabs;
}

QWidget* TrafficPlugin::createRunView(const RunData& run, QWidget* parent) {
  auto* tabs = new QTabWidget(parent);
  tabs->setObjectName(QStringLiteral("trafficRunView"));
  if (isBraess(run)) tabs->addTab(new BraessView(tabs), tr("Braess paradox"));
  if (isNetworkDesignRun(run)) {
    addNetworkDesignTabs(run, tabs);
    if (tabs->count() == 0)
      tabs->addTab(errorLabel(tr("This run has no results to show yet."), tabs), tr("Run"));
    return tabs;
  }
  const std::string prefix = mainSolutionPrefix(run);
  if (hasSolution(run, prefix)) {
    try {
      const MapData data = readMapData(run, prefix);
      std::optional<MapData> base;
      if (isWhatIf(run)) base = readMapData(run, "before_");
      auto* panel = new MapPanel(problemFromConfig(run.record.config), tabs);
      auto* table = new LinkTableView(tabs);
      connect(panel, &MapPanel::dataChanged, table,
              [table](const MapData& d, const std::optional<MapData>& b) { table->model()->setData(d, b); });
      panel->setData(data, base);
      tabs->addTab(panel, tr("Map"));
      tabs->addTab(table, tr("Links"));
    } catch (const std::exception& e) {
      tabs->addTab(errorLabel(QString::fromStdString(e.what()), tabs), tr("Map"));
    }
  }
  const auto series = convergenceSeries(run);
  if (!series.isEmpty()) {
    tabs->addTab(convergenceChart(series, ConvergenceAxis::Iteration).release(), tr("Convergence"));
    tabs->addTab(convergenceChart(series, ConvergenceAxis::Seconds).release(), tr("Convergence (time)"));
  }
  if (tabs->count() == 0) tabs->addTab(errorLabel(tr("This run has no solution to show."), tabs), tr("Run"));
  return tabs;
}

}  // namespace routescope::plugins::traffic
