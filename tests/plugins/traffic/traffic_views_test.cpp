// Traffic views that need no GL (QT_QPA_PLATFORM=offscreen): run artifacts into map data, the
// convergence chart (one series per algorithm), the sortable link table and its CSV, the Braess
// explanation (computed values), the report sections and the plugin's figure list.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <map>
#include <nlohmann/json.hpp>

#include "plugins/traffic/braess_story.h"
#include "plugins/traffic/convergence_chart.h"
#include "plugins/traffic/link_table.h"
#include "plugins/traffic/run_artifacts.h"
#include "plugins/traffic/traffic_plugin.h"
#include "plugins/traffic/traffic_report.h"
#include "plugins/traffic/whatif_panel.h"

namespace routescope::plugins::traffic {
namespace {

// A `traffic compare`-like run held in memory: metrics per algorithm and one stored solution.
RunData fakeCompareRun() {
  RunData run;
  run.record.id = "run-1";
  run.record.study = "traffic";
  run.record.kind = "compare";
  run.record.config = {{"net", "builtin:braess"}, {"algorithms", "fw,bfw,bush"}};
  for (const std::string algorithm : {"fw", "bfw", "bush"}) {
    for (int step = 0; step < 5; ++step) {
      run.metrics[algorithm + "/relative_gap"].push_back(
          {algorithm + "/relative_gap", step, std::pow(10.0, -step)});
      run.metrics[algorithm + "/seconds"].push_back({algorithm + "/seconds", step, 0.01 * step});
    }
  }
  // Not a gap series: must not become a line.
  run.metrics["fw/relative_gap_sptt"].push_back({"fw/relative_gap_sptt", 0, 1.0});
  const nlohmann::json solution = {{"algorithm", "bush"},
                                   {"tstt", 552.0},
                                   {"network",
                                    {{"name", "Braess"},
                                     {"nodes", 4},
                                     {"zones", 2},
                                     {"first_thru_node", 1},
                                     {"coordinates", {{0.0, 0.5}, {1.0, 0.5}, {0.5, 1.0}, {0.5, 0.0}}},
                                     {"coordinates_from", "file"},
                                     {"links",
                                      {{1, 3, 1.0, false},
                                       {1, 4, 1.0, false},
                                       {3, 2, 1.0, false},
                                       {3, 4, 1.0, false},
                                       {4, 2, 1.0, false}}}}},
                                   {"flows", {4.0, 2.0, 2.0, 2.0, 4.0}},
                                   {"costs", {40.0, 52.0, 52.0, 12.0, 40.0}}};
  const std::string csv =
      "link,init_node,term_node,capacity,length,free_flow_time,b,power,toll,type,closed,flow,travel_time,"
      "generalized_cost,volume_capacity\n"
      "1,1,3,1,100,1e-08,1e9,1,0,1,0,4,40,40,4\n2,1,4,1,100,50,0.02,1,0,1,0,2,52,52,2\n"
      "3,3,2,1,100,50,0.02,1,0,1,0,2,52,52,2\n4,3,4,1,100,10,0.1,1,0,1,0,2,12,12,2\n"
      "5,4,2,1,100,1e-08,1e9,1,0,1,0,4,40,40,4\n";
  auto files = std::make_shared<std::map<std::string, std::string>>();
  (*files)["solution.json"] = solution.dump();
  (*files)["links.csv"] = csv;
  (*files)["result.json"] =
      nlohmann::json{
          {"network", "Braess"},
          {"algorithms", {{{"algorithm", "fw"}, {"tstt", 552.0}}, {{"algorithm", "bush"}, {"tstt", 552.0}}}}}
          .dump();
  for (const auto& [name, text] : *files) run.artifacts.push_back({name, "", int64_t(text.size()), false});
  run.read_artifact = [files](const std::string& name) {
    const std::string& text = files->at(name);
    std::vector<std::byte> bytes(text.size());
    std::memcpy(bytes.data(), text.data(), text.size());
    return bytes;
  };
  return run;
}

TEST(TrafficViews, RunArtifactsBecomeMapData) {
  const MapData data = readMapData(fakeCompareRun(), "");
  EXPECT_EQ(data.nodes, 4);
  EXPECT_EQ(data.zones, 2);
  ASSERT_EQ(data.links.size(), 5u);
  EXPECT_EQ(data.links[3].from, 2);
  EXPECT_EQ(data.links[3].to, 3);
  EXPECT_DOUBLE_EQ(data.links[0].flow, 4.0);
  EXPECT_DOUBLE_EQ(data.links[1].free_flow_time, 50.0);
  EXPECT_DOUBLE_EQ(data.links[1].travel_time, 52.0);
  EXPECT_DOUBLE_EQ(linkValue(data, 0, LinkQuantity::VolumeCapacity), 4.0);
}

TEST(TrafficViews, ConvergenceChartHasOneSeriesPerAlgorithm) {
  const RunData run = fakeCompareRun();
  const auto series = convergenceSeries(run);
  ASSERT_EQ(series.size(), 3);
  QStringList names;
  for (const auto& s : series) names << s.name;
  names.sort();
  EXPECT_EQ(names, (QStringList{"bfw", "bush", "fw"}));
  for (const ConvergenceAxis axis : {ConvergenceAxis::Iteration, ConvergenceAxis::Seconds}) {
    const auto chart = convergenceChart(series, axis);
    ASSERT_EQ(chart->seriesCount(), 3);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(chart->pointCount(i), 5);
  }
}

TEST(TrafficViews, LinkTableSortsByAnyColumnAndExportsCsv) {
  LinkTableView view;
  view.model()->setData(readMapData(fakeCompareRun(), ""));
  QSortFilterProxyModel* proxy = view.proxy();
  ASSERT_EQ(proxy->rowCount(), 5);
  const int flow_column = 5, time_column = 7;
  view.table()->sortByColumn(flow_column, Qt::DescendingOrder);
  EXPECT_DOUBLE_EQ(proxy->index(0, flow_column).data(Qt::UserRole).toDouble(), 4.0);
  EXPECT_DOUBLE_EQ(proxy->index(4, flow_column).data(Qt::UserRole).toDouble(), 2.0);
  view.table()->sortByColumn(time_column, Qt::AscendingOrder);
  EXPECT_EQ(proxy->index(0, 0).data().toString(), QStringLiteral("4"));  // the middle link: 12 minutes
  for (int row = 1; row < 5; ++row)
    EXPECT_LE(proxy->index(row - 1, time_column).data(Qt::UserRole).toDouble(),
              proxy->index(row, time_column).data(Qt::UserRole).toDouble());
  const QStringList lines = view.model()->toCsv().split('\n', Qt::SkipEmptyParts);
  ASSERT_EQ(lines.size(), 6);
  EXPECT_TRUE(lines[0].startsWith(QStringLiteral("link,from,to,capacity")));
  EXPECT_EQ(lines[4], QStringLiteral("4,3,4,1,10,2,2,12,0"));
}

TEST(TrafficViews, BraessStoryQuotesComputedTotals) {
  const BraessStory story = computeBraessStory();
  EXPECT_NEAR(story.without_link.final.tstt, 498.0, 1e-6);
  EXPECT_NEAR(story.with_link.final.tstt, 552.0, 1e-6);
  EXPECT_NEAR(story.system_optimum.final.tstt, 498.0, 1e-6);
  EXPECT_TRUE(story.text.contains(QStringLiteral("498"))) << story.text.toStdString();
  EXPECT_TRUE(story.text.contains(QStringLiteral("552"))) << story.text.toStdString();
  // A different demand gives different numbers: nothing is hard-coded.
  const BraessStory other = computeBraessStory(3.0);
  EXPECT_FALSE(other.text.contains(QStringLiteral("552"))) << other.text.toStdString();
}

TEST(TrafficViews, ReportSectionsHaveHeadlinesAlgorithmsAndBraess) {
  const auto sections = trafficReportSections(fakeCompareRun());
  ASSERT_EQ(sections.size(), 2);
  ASSERT_GE(sections[0].tables.size(), 2);
  EXPECT_EQ(sections[0].tables[0].rows.size(), 2);                             // fw and bush
  EXPECT_EQ(sections[0].tables[1].rows.front().front(), QStringLiteral("1"));  // v/c 4: link 1 (or 5)
  EXPECT_TRUE(sections[1].paragraphs.join(' ').contains(QStringLiteral("552")));
}

TEST(TrafficViews, PluginOffersMapAndConvergenceFigures) {
  TrafficPlugin plugin;
  const RunData run = fakeCompareRun();
  EXPECT_EQ(plugin.figureNames(run), (QStringList{"network-map", "convergence", "convergence-time"}));
  EXPECT_TRUE(plugin.figureNeedsDisplay(run, "network-map"));
  EXPECT_FALSE(plugin.figureNeedsDisplay(run, "convergence"));
  EXPECT_NE(plugin.createFigure(run, "convergence"), nullptr);
  ASSERT_TRUE(plugin.guidedDemo().has_value());
  EXPECT_EQ(plugin.guidedDemo()->job.kind, QStringLiteral("whatif"));
  RunData other = run;
  other.record.study = "system";
  EXPECT_TRUE(plugin.figureNames(other).isEmpty());
}

TEST(TrafficViews, WhatIfPanelResolvesWarmInTheBackground) {
  WhatIfPanel panel(problemFromConfig({{"net", "builtin:braess"}}));
  QSignalSpy solved(&panel, &WhatIfPanel::solved);
  panel.addEdit(QStringLiteral("close 3-4"));
  panel.resolve();
  EXPECT_TRUE(panel.busy());  // the GUI thread returned at once
  ASSERT_TRUE(solved.wait(10000)) << panel.status().toStdString();
  const auto before = solved.at(0).at(0).value<MapData>();
  const auto after = solved.at(0).at(1).value<MapData>();
  EXPECT_NEAR(before.links[3].flow, 2.0, 1e-6);
  EXPECT_TRUE(after.links[3].closed);
  EXPECT_NEAR(after.links[3].flow, 0.0, 1e-9);
  EXPECT_TRUE(panel.status().contains(QStringLiteral("552.00 → 498.00"))) << panel.status().toStdString();
}

}  // namespace
}  // namespace routescope::plugins::traffic
