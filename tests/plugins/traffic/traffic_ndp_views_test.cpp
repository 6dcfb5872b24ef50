// Network-design views without GL (QT_QPA_PLATFORM=offscreen): which figures a run offers (only
// with their artifacts, never from a malformed one), the surrogate scatter's R² against an
// independent computation, one Pareto point per budget, GA and gap-versus-time series, the design
// map's highlighted links and budget use, export sizes, the figures' CSV data, report sections,
// the guided demos, and chart screenshots when ROUTESCOPE_TRAFFIC_SCREENSHOTS names a folder.
#include <gtest/gtest.h>

#include <QChart>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <tuple>

#include "backend/core/error.h"
#include "plugins/traffic/design_map.h"
#include "plugins/traffic/figure_data_tab.h"
#include "plugins/traffic/ndp_artifacts.h"
#include "plugins/traffic/ndp_charts.h"
#include "plugins/traffic/ndp_figures.h"
#include "plugins/traffic/traffic_plugin.h"
#include "plugins/traffic/traffic_report.h"
#include "tests/plugins/traffic/ndp_fake_run.h"
#include "widgets/charts/chart_view.h"

namespace routescope::plugins::traffic {
namespace {

using fake::fakeNdpRun;
using fake::FakeNdpRun;

const QStringList kAll{"gap-vs-time",    "design-map",  "surrogate-scatter", "surrogate-flow-scatter",
                       "ga-convergence", "pareto-front"};

// The fake is solved once (two UE solves of the grid city) and copied by each test.
const FakeNdpRun& solved() {
  static const FakeNdpRun run = fakeNdpRun();
  return run;
}

widgets::ChartView* asChart(widgets::Figure* figure) {
  return dynamic_cast<widgets::ChartView*>(figure);
}

TEST(TrafficNdpViews, EveryFigureIsOfferedWhenItsArtifactsExist) {
  TrafficPlugin plugin;
  const RunData run = solved().run();
  const QStringList names = plugin.figureNames(run);
  for (const QString& name : kAll) EXPECT_TRUE(names.contains(name)) << name.toStdString();
  EXPECT_FALSE(names.contains("difference-map"));  // what-if only; the design map replaces it
  EXPECT_TRUE(plugin.figureNeedsDisplay(run, "design-map"));
  EXPECT_FALSE(plugin.figureNeedsDisplay(run, "gap-vs-time"));
}

TEST(TrafficNdpViews, EachFigureIsOfferedOnlyWithItsArtifact) {
  const std::vector<std::pair<QString, std::vector<std::string>>> needs{
      {"design-map", {"candidates.csv"}},
      {"design-map", {"before_solution.json"}},
      {"design-map", {"after_solution.json"}},
      {"ga-convergence", {"ga_exact_ga_history.csv", "ga_gnn_ga_history.csv"}},
      {"surrogate-scatter", {"surrogate_validation.csv"}},
      {"surrogate-flow-scatter", {"surrogate_flows.csv"}},
      {"pareto-front", {"pareto.csv"}},
      {"gap-vs-time", {"gap_vs_time.csv"}}};
  TrafficPlugin plugin;
  for (const auto& [figure, artifacts] : needs) {
    FakeNdpRun without = solved();
    for (const std::string& artifact : artifacts) without.drop(artifact);
    const QStringList names = plugin.figureNames(without.run());
    EXPECT_FALSE(names.contains(figure)) << figure.toStdString() << " without " << artifacts.front();
    EXPECT_EQ(plugin.createFigure(without.run(), figure), nullptr);
    for (const QString& other : kAll) {
      if (other == figure) continue;
      EXPECT_TRUE(names.contains(other)) << other.toStdString() << " lost with " << artifacts.front();
    }
  }
  // One GA history is enough for the chart.
  FakeNdpRun one = solved();
  one.drop("ga_gnn_ga_history.csv");
  EXPECT_TRUE(plugin.figureNames(one.run()).contains("ga-convergence"));
}

TEST(TrafficNdpViews, ParetoFrontNeedsTwoBudgets) {
  FakeNdpRun single = solved();
  single.files["pareto.csv"] =
      "budget_fraction,budget,best_tstt,design,design_cost,ue_solves,seconds\n0.5,100,12345,1010,90,20,1.5\n";
  EXPECT_FALSE(TrafficPlugin().figureNames(single.run()).contains("pareto-front"));
}

TEST(TrafficNdpViews, ScatterTitleQuotesTheComputedRSquared) {
  const RunData run = solved().run();
  const double expected =
      fake::rSquaredOfCsv(solved().files.at("surrogate_validation.csv"), "true_tstt", "predicted_tstt");
  ASSERT_GT(expected, 0.5);
  ASSERT_LT(expected, 1.0);
  TrafficPlugin plugin;
  const auto figure = plugin.createFigure(run, "surrogate-scatter");
  auto* chart = asChart(figure.get());
  ASSERT_NE(chart, nullptr);
  const QString title = chart->chart()->title();
  EXPECT_TRUE(title.contains(QStringLiteral("R² = ") + QString::number(expected, 'f', 4)))
      << title.toStdString();
  EXPECT_NEAR(surrogateTsttScatter(run).r2, expected, 1e-12);
  ASSERT_EQ(chart->seriesCount(), 2);  // y = x and the samples
  EXPECT_EQ(chart->pointCount(0), 2);
  EXPECT_EQ(chart->pointCount(1), 60);
  // The flow scatter: its own R², over every sample and link.
  const auto flows = plugin.createFigure(run, "surrogate-flow-scatter");
  const double flow_r2 =
      fake::rSquaredOfCsv(solved().files.at("surrogate_flows.csv"), "true_flow", "predicted_flow");
  EXPECT_TRUE(asChart(flows.get())->chart()->title().contains(rSquaredText(flow_r2)));
}

TEST(TrafficNdpViews, RSquaredOfAPerfectAndAConstantPrediction) {
  EXPECT_DOUBLE_EQ(rSquared({{1, 1}, {2, 2}, {3, 3}}), 1.0);
  EXPECT_DOUBLE_EQ(rSquared({{1, 2}, {2, 2}, {3, 2}}), 0.0);  // the mean: explains nothing
  EXPECT_DOUBLE_EQ(rSquared({}), 0.0);
}

TEST(TrafficNdpViews, ParetoChartHasOnePointPerRow) {
  const auto figure = TrafficPlugin().createFigure(solved().run(), "pareto-front");
  auto* chart = asChart(figure.get());
  ASSERT_NE(chart, nullptr);
  ASSERT_EQ(chart->seriesCount(), 1);
  EXPECT_EQ(chart->pointCount(0), solved().pareto_rows);
}

TEST(TrafficNdpViews, GaConvergenceHasBestAndMeanPerSearch) {
  const auto figure = TrafficPlugin().createFigure(solved().run(), "ga-convergence");
  auto* chart = asChart(figure.get());
  ASSERT_NE(chart, nullptr);
  ASSERT_EQ(chart->seriesCount(), 4);  // ga_exact best/mean, ga_gnn best/mean
  for (int i = 0; i < 4; ++i) EXPECT_EQ(chart->pointCount(i), solved().generations);
  const auto series = chart->chart()->series();
  EXPECT_TRUE(series[2]->name().contains("ga_gnn")) << series[2]->name().toStdString();
  EXPECT_TRUE(series[2]->name().contains("surrogate")) << series[2]->name().toStdString();
  EXPECT_FALSE(series[0]->name().contains("surrogate"));
}

TEST(TrafficNdpViews, GapVersusTimeHasOneSeriesPerMethod) {
  const auto figure = TrafficPlugin().createFigure(solved().run(), "gap-vs-time");
  auto* chart = asChart(figure.get());
  ASSERT_NE(chart, nullptr);
  const QList<GapSeries> series = gapVsTime(solved().run());
  ASSERT_EQ(series.size(), 4);  // exact, ga-exact, ga-gnn (predicted), ga-gnn
  EXPECT_EQ(series[1].method, QStringLiteral("ga-exact"));
  ASSERT_EQ(chart->seriesCount(), 4);
  EXPECT_EQ(chart->pointCount(0), 1);
  EXPECT_EQ(chart->pointCount(1), 4);
}

// gap_vs_time.csv is read by the backend's anytime-trace reader: its errors name the artifact,
// line and column, and a trace without a reference (no gap to draw) offers no figure.
TEST(TrafficNdpViews, GapVersusTimeReadsTheAnytimeTraceFormat) {
  FakeNdpRun bad = solved();
  std::string text = solved().files.at("gap_vs_time.csv");
  text.insert(text.find('\n', text.find('\n') + 1) + 1, "ga-exact,0.5,twenty,1,1,0\n");
  bad.files["gap_vs_time.csv"] = text;
  try {
    gapVsTime(bad.run());
    ADD_FAILURE() << "read a malformed trace";
  } catch (const core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("gap_vs_time.csv: line 3, column 3: evaluations"), std::string::npos)
        << e.what();
  }
  FakeNdpRun plain = solved();
  plain.files["gap_vs_time.csv"] = "method,seconds,evaluations,best_objective\nga,1,20,5\n";
  EXPECT_THROW(gapVsTime(plain.run()), core::Error);
  EXPECT_FALSE(TrafficPlugin().figureNames(plain.run()).contains("gap-vs-time"));
}

TEST(TrafficNdpViews, DesignMapHighlightsExactlyTheBuiltCandidates) {
  const RunData run = solved().run();
  const DesignSummary summary = designSummary(run);
  EXPECT_EQ(summary.built_links, solved().built_links);
  EXPECT_EQ(summary.design, QStringLiteral("11100000"));
  EXPECT_NEAR(summary.design_cost, solved().design_cost, 1e-6 * solved().design_cost);
  ASSERT_TRUE(summary.budget.has_value());
  const auto figure = TrafficPlugin().createFigure(run, "design-map");
  auto* map = dynamic_cast<NetworkMapView*>(figure.get());
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(map->figureName(), QStringLiteral("design-map"));
  EXPECT_EQ(map->highlightedLinks(), solved().built_links);
  EXPECT_EQ(map->quantity(), LinkQuantity::Difference);
  ASSERT_TRUE(map->base().has_value());
  EXPECT_TRUE(map->highlightLabel().contains(QStringLiteral("3 of 8")))
      << map->highlightLabel().toStdString();
  // The title gives the budget use: cost, budget and the share.
  const QString share = QString::number(100.0 * solved().design_cost / solved().budget, 'f', 1);
  EXPECT_TRUE(map->title().contains(share + QStringLiteral(" %"))) << map->title().toStdString();
  EXPECT_TRUE(map->title().contains(QStringLiteral("ga-gnn"))) << map->title().toStdString();
  // The map compares the widened network with the no-build one (flows may rise or fall: UE).
  for (const int link : solved().built_links)
    EXPECT_GT(map->data().links[size_t(link)].capacity, map->base()->links[size_t(link)].capacity)
        << "link " << link + 1;
}

TEST(TrafficNdpViews, DesignMapRejectsACandidateOutsideTheNetwork) {
  FakeNdpRun bad = solved();
  bad.files["candidates.csv"] = "candidate,link,init_node,term_node,cost,built\n1,9999,1,2,10,1\n";
  EXPECT_FALSE(TrafficPlugin().figureNames(bad.run()).contains("design-map"));
  EXPECT_THROW(designMap(bad.run()), std::exception);
}

TEST(TrafficNdpViews, MalformedCsvYieldsNoFigureAndNoCrash) {
  // Artifact, its figure, and a column the figure draws (made a non-number below).
  const std::vector<std::tuple<std::string, QString, QString>> artifacts{
      {"candidates.csv", "design-map", "link"},
      {"ga_exact_ga_history.csv", "ga-convergence", "best"},
      {"surrogate_validation.csv", "surrogate-scatter", "true_tstt"},
      {"surrogate_flows.csv", "surrogate-flow-scatter", "predicted_flow"},
      {"pareto.csv", "pareto-front", "best_tstt"},
      {"gap_vs_time.csv", "gap-vs-time", "gap_percent"}};
  TrafficPlugin plugin;
  for (const auto& [artifact, figure, column] : artifacts) {
    const QStringList lines = QString::fromStdString(solved().files.at(artifact)).split('\n');
    const QString header = lines[0] + '\n', row = lines[1];
    const qsizetype corrupt = lines[0].split(',').indexOf(column);
    QStringList fields = row.split(','), infinite = fields;
    fields[corrupt] = QStringLiteral("x");
    infinite[corrupt] = QStringLiteral("inf");
    const std::vector<std::pair<const char*, QString>> variants{
        {"empty", ""},
        {"a field short", header + row.left(row.lastIndexOf(',')) + '\n'},
        {"a field too many", header + row + ",7\n"},
        {"not a number", header + fields.join(',') + '\n'},
        {"infinite", header + infinite.join(',') + '\n'},
        {"a column missing", "a,b\n1,2\n"},
        {"binary", QString::fromLatin1("\x01\xff,\x02\n\x03")}};
    for (const auto& [what, text] : variants) {
      FakeNdpRun bad = solved();
      bad.files[artifact] = text.toStdString();
      const RunData run = bad.run();
      EXPECT_FALSE(plugin.figureNames(run).contains(figure)) << artifact << ": " << what;
      EXPECT_EQ(plugin.createFigure(run, figure), nullptr) << artifact << ": " << what;
      EXPECT_TRUE(networkDesignFigureCsv(run, figure).isEmpty()) << artifact << ": " << what;
      EXPECT_FALSE(plugin.reportSections(run).isEmpty());
      std::unique_ptr<QWidget> view(plugin.createRunView(run, nullptr));
      EXPECT_NE(view, nullptr);
    }
  }
  // A malformed solution is no design map either.
  FakeNdpRun bad = solved();
  bad.files["after_solution.json"] = "{\"network\": 3}";
  EXPECT_FALSE(plugin.figureNames(bad.run()).contains("design-map"));
}

TEST(TrafficNdpViews, ExportsHaveTheRequestedSize) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  TrafficPlugin plugin;
  const RunData run = solved().run();
  for (const QString name : {"ga-convergence", "surrogate-scatter", "pareto-front", "gap-vs-time"}) {
    const auto figure = plugin.createFigure(run, name);
    ASSERT_NE(figure, nullptr) << name.toStdString();
    widgets::FigureRequest request;
    request.size = QSize(800, 500);
    request.dpi = 192;
    const QString png = dir.filePath(name + ".png");
    ASSERT_EQ(figure->exportFigure(png, request), QString());
    EXPECT_EQ(QImage(png).size(), QSize(1600, 1000)) << name.toStdString();
    request.format = widgets::FigureFormat::Svg;
    const QString svg = dir.filePath(name + ".svg");
    ASSERT_EQ(figure->exportFigure(svg, request), QString());
    QFile svg_file(svg);
    ASSERT_TRUE(svg_file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg_file);
    QString view_box;
    while (!xml.atEnd() && view_box.isEmpty()) {
      xml.readNext();
      if (xml.isStartElement() && xml.name() == u"svg")
        view_box = xml.attributes().value("viewBox").toString();
    }
    EXPECT_EQ(view_box, QStringLiteral("0 0 800 500")) << name.toStdString();
    request.format = widgets::FigureFormat::Pdf;
    const QString pdf = dir.filePath(name + ".pdf");
    ASSERT_EQ(figure->exportFigure(pdf, request), QString());
    QFile pdf_file(pdf);
    ASSERT_TRUE(pdf_file.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf_file.readAll();
    const auto media = QRegularExpression("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]")
                           .match(QString::fromLatin1(bytes));
    ASSERT_TRUE(media.hasMatch()) << name.toStdString();
    EXPECT_NEAR(media.captured(1).toDouble(), 600.0, 0.5);  // 800 px at 96 dpi = 600 pt
    EXPECT_NEAR(media.captured(2).toDouble(), 375.0, 0.5);
  }
}

TEST(TrafficNdpViews, FigureDataIsCsvOfWhatIsDrawn) {
  const RunData run = solved().run();
  const auto lines = [&](const QString& figure) {
    return networkDesignFigureCsv(run, figure).split('\n', Qt::SkipEmptyParts);
  };
  EXPECT_EQ(lines("pareto-front").size(), 1 + solved().pareto_rows);
  EXPECT_EQ(lines("surrogate-scatter").size(), 1 + 60);
  EXPECT_EQ(lines("surrogate-scatter").front(), QStringLiteral("true_tstt,predicted_tstt"));
  EXPECT_EQ(lines("ga-convergence").size(), 1 + 2 * solved().generations);
  EXPECT_EQ(lines("gap-vs-time").size(), 1 + 9);
  const QStringList map = lines("design-map");
  ASSERT_GT(map.size(), 1);
  EXPECT_EQ(map.front(),
            QStringLiteral("link,init_node,term_node,built,flow_before,flow_after,flow_difference"));
  int built = 0;
  for (qsizetype i = 1; i < map.size(); ++i) built += map[i].split(',')[3].toInt();
  EXPECT_EQ(built, int(solved().built_links.size()));
  EXPECT_TRUE(networkDesignFigureCsv(run, "no-such-figure").isEmpty());
}

TEST(TrafficNdpViews, RunViewShowsEachFigureWithItsDataExport) {
  TrafficPlugin plugin;
  std::unique_ptr<QWidget> view(plugin.createRunView(solved().run(), nullptr));
  auto* tabs = qobject_cast<QTabWidget*>(view.get());
  ASSERT_NE(tabs, nullptr);
  // The demo's three figures first.
  EXPECT_EQ(tabs->tabText(0), QStringLiteral("gap-vs-time"));
  EXPECT_EQ(tabs->tabText(1), QStringLiteral("design-map"));
  EXPECT_EQ(tabs->tabText(2), QStringLiteral("surrogate-scatter"));
  EXPECT_EQ(view->findChildren<FigureDataTab*>().size(), kAll.size());
  auto* pareto = view->findChild<FigureDataTab*>(QStringLiteral("pareto-front-tab"));
  ASSERT_NE(pareto, nullptr);
  QTemporaryDir dir;
  const QString path = dir.filePath("pareto.csv");
  ASSERT_EQ(pareto->exportCsv(path), QString());
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_EQ(QString::fromUtf8(file.readAll()), networkDesignFigureCsv(solved().run(), "pareto-front"));
  EXPECT_TRUE(pareto->exportCsv("/nonexistent/dir/p.csv").startsWith("/nonexistent/dir/p.csv"));
  EXPECT_EQ(tabs->tabText(tabs->count() - 1), QStringLiteral("Links"));
}

TEST(TrafficNdpViews, ReportExplainsEachFigureAndListsTheMethods) {
  TrafficPlugin plugin;
  const auto sections = plugin.reportSections(solved().run());
  ASSERT_EQ(sections.size(), 1);
  const QString text = sections[0].paragraphs.join('\n');
  for (const QString& name : kAll)
    EXPECT_TRUE(text.contains(networkDesignFigureExplanation(name))) << name.toStdString();
  ASSERT_GE(sections[0].tables.size(), 2);
  EXPECT_EQ(sections[0].tables[0].rows.size(), 3);  // exact, ga-exact, ga-gnn
  EXPECT_EQ(sections[0].tables[1].rows.size(), solved().pareto_rows);
  bool has_budget_use = false, has_r2 = false;
  for (const auto& [key, value] : sections[0].key_values) {
    has_budget_use = has_budget_use || value.contains("of budget");
    has_r2 = has_r2 || (key.contains("R²") && value == "0.97");
  }
  EXPECT_TRUE(has_budget_use);
  EXPECT_TRUE(has_r2);
}

TEST(TrafficNdpViews, WhatIfRunsStillOfferTheDifferenceMap) {
  // whatif stores its solutions prefixed before_/after_ (artifact names allow no '/').
  FakeNdpRun whatif = solved();
  whatif.kind = "whatif";
  for (const char* name :
       {"candidates.csv", "ga_exact_ga_history.csv", "ga_gnn_ga_history.csv", "surrogate_validation.csv",
        "surrogate_flows.csv", "pareto.csv", "gap_vs_time.csv"})
    whatif.drop(name);
  TrafficPlugin plugin;
  EXPECT_EQ(plugin.figureNames(whatif.run()), (QStringList{"network-map", "difference-map"}));
}

TEST(TrafficNdpViews, TheNetworkDesignDemoFollowsBraess) {
  TrafficPlugin plugin;
  const QList<GuidedDemo> demos = plugin.guidedDemos();
  ASSERT_EQ(demos.size(), 2);
  EXPECT_EQ(demos[0].job.kind, QStringLiteral("whatif"));
  EXPECT_EQ(plugin.guidedDemo()->title, demos[0].title);  // guidedDemo() stays the first
  const GuidedDemo& design = demos[1];
  EXPECT_EQ(design.job.kind, QStringLiteral("ndp-experiment"));
  EXPECT_TRUE(design.job.overrides.contains("instance=builtin:grid"));
  EXPECT_TRUE(design.job.overrides.contains("problem=lanes"));
  EXPECT_EQ(design.figures, (QStringList{"gap-vs-time", "design-map", "surrogate-scatter"}));
  // The demo's figures are ones the plugin offers for such a run.
  const QStringList offered = plugin.figureNames(solved().run());
  for (const QString& figure : design.figures) EXPECT_TRUE(offered.contains(figure)) << figure.toStdString();
}

// A plugin that knows only the single-demo interface still lists its demo.
class OneDemoPlugin : public StudyPlugin {
 public:
  QString studyName() const override { return "one"; }
  QString displayName() const override { return "One"; }
  std::optional<GuidedDemo> guidedDemo() const override { return GuidedDemo{"only", "", {}, {}}; }
  QStringList figureNames(const RunData&) const override { return {}; }
  std::unique_ptr<widgets::Figure> createFigure(const RunData&, const QString&) override { return nullptr; }
};

TEST(TrafficNdpViews, GuidedDemosDefaultsToTheSingleDemo) {
  OneDemoPlugin plugin;
  ASSERT_EQ(plugin.guidedDemos().size(), 1);
  EXPECT_EQ(plugin.guidedDemos().front().title, QStringLiteral("only"));
}

// Chart screenshots for docs/screenshots (the design map needs X: traffic_map_test).
TEST(TrafficNdpViews, Screenshots) {
  const QString dir = qEnvironmentVariable("ROUTESCOPE_TRAFFIC_SCREENSHOTS");
  if (dir.isEmpty()) GTEST_SKIP() << "ROUTESCOPE_TRAFFIC_SCREENSHOTS not set";
  TrafficPlugin plugin;
  const RunData run = solved().run();
  for (const QString name : {"gap-vs-time", "surrogate-scatter", "ga-convergence", "pareto-front"}) {
    const auto figure = plugin.createFigure(run, name);
    widgets::FigureRequest request;
    request.size = QSize(900, 560);
    EXPECT_EQ(figure->exportFigure(dir + "/traffic-ndp-" + name + ".png", request), QString());
  }
}

}  // namespace
}  // namespace routescope::plugins::traffic
