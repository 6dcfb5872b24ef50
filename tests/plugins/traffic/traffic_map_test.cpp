// The network map under a real X server (xvfb-run): the Braess network's colours read back from
// a snapshot, picking with the attribute panel, exports, the Braess demo view, and screenshots
// (of Braess, and of Sioux Falls when ../shared/data has it) for the docs.
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "backend/traffic/braess.h"
#include "backend/traffic/coordinates.h"
#include "backend/traffic/tntp_reader.h"
#include "plugins/traffic/attribute_panel.h"
#include "plugins/traffic/braess_story.h"
#include "plugins/traffic/braess_view.h"
#include "plugins/traffic/map_panel.h"
#include "plugins/traffic/network_map_view.h"
#include "plugins/traffic/traffic_plugin.h"
#include "widgets/vtk/x_display_check.h"

namespace routescope::plugins::traffic {
namespace {

namespace rt = routescope::traffic;

const QSize kShot(900, 600);

// Mean colour of the 3×3 pixels around `p`.
QColor around(const QImage& image, QPointF p) {
  int r = 0, g = 0, b = 0;
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) {
      const QRgb c = image.pixel(int(p.x()) + dx, int(p.y()) + dy);
      r += qRed(c);
      g += qGreen(c);
      b += qBlue(c);
    }
  return QColor(r / 9, g / 9, b / 9);
}

bool near(const QColor& a, QRgb b, int tolerance = 14) {
  return std::abs(a.red() - qRed(b)) <= tolerance && std::abs(a.green() - qGreen(b)) <= tolerance &&
         std::abs(a.blue() - qBlue(b)) <= tolerance;
}

std::string describe(const QColor& c) {
  return c.name().toStdString();
}

class TrafficMap : public ::testing::Test {
 protected:
  void SetUp() override {
    const QString problem = widgets::vtkDisplayProblem();
    if (!problem.isEmpty()) GTEST_SKIP() << problem.toStdString();
  }
};

TEST_F(TrafficMap, BraessFlowsHaveTheColourMapsEndsOnTheHighestAndLowestFlowLinks) {
  const BraessStory story = computeBraessStory();
  NetworkMapView map;
  map.setData(story.with_map);  // UE with the middle link: flows 4, 2, 2, 2, 4
  const QImage image = map.snapshot(kShot);
  ASSERT_FALSE(image.isNull()) << map.lastError().toStdString();
  const auto& links = story.with_map.links;
  int highest = 0, lowest = 0;
  for (int a = 0; a < int(links.size()); ++a) {
    if (links[size_t(a)].flow > links[size_t(highest)].flow) highest = a;
    if (links[size_t(a)].flow < links[size_t(lowest)].flow) lowest = a;
  }
  ASSERT_GT(links[size_t(highest)].flow, links[size_t(lowest)].flow + 1.0);
  const QRgb high_end = map.colormap().entry(widgets::Colormap::kEntries - 1);
  const QRgb low_end = map.colormap().entry(0);
  const QColor at_highest = around(image, map.linkCentreInImage(highest, kShot));
  const QColor at_lowest = around(image, map.linkCentreInImage(lowest, kShot));
  EXPECT_TRUE(near(at_highest, high_end))
      << "highest-flow link " << highest + 1 << " is " << describe(at_highest) << ", expected "
      << describe(QColor(high_end));
  EXPECT_TRUE(near(at_lowest, low_end)) << "lowest-flow link " << lowest + 1 << " is " << describe(at_lowest)
                                        << ", expected " << describe(QColor(low_end));
  // The background stays white, a zone disc orange.
  EXPECT_TRUE(near(QColor(image.pixel(kShot.width() / 2, 3)), qRgb(255, 255, 255)));
  EXPECT_TRUE(near(around(image, map.nodeInImage(0, kShot) + QPointF(0, 6)), qRgb(245, 140, 33), 20));
}

TEST_F(TrafficMap, DifferenceMapIsDivergingAroundZero) {
  const BraessStory story = computeBraessStory();
  NetworkMapView map;
  map.setData(story.with_map);
  map.setBase(story.without_map);
  EXPECT_EQ(map.quantity(), LinkQuantity::Difference);
  EXPECT_DOUBLE_EQ(map.rangeLow(), -map.rangeHigh());
  const QImage image = map.snapshot(kShot);
  ASSERT_FALSE(image.isNull());
  // Link 1→3 gained a vehicle (3 → 4): red side; link 1→4 lost one (3 → 2): blue side.
  const QColor gained = around(image, map.linkCentreInImage(0, kShot));
  const QColor lost = around(image, map.linkCentreInImage(1, kShot));
  EXPECT_GT(gained.red(), gained.blue() + 40) << describe(gained);
  EXPECT_GT(lost.blue(), lost.red() + 40) << describe(lost);
}

TEST_F(TrafficMap, ClickingALinkShowsItsAttributes) {
  const BraessStory story = computeBraessStory();
  MapPanel panel(std::nullopt);
  panel.resize(1100, 700);
  panel.setData(story.with_map);
  panel.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel, 5000));
  NetworkMapView* map = panel.map();
  map->grabFramebuffer();
  const QSize size = map->size();
  // linkCentreInImage maps for any size with the same camera: use the widget's logical size.
  const QPoint at = map->linkCentreInImage(rt::kBraessMiddleLink, size).toPoint();
  QSignalSpy spy(map, &NetworkMapView::linkPicked);
  QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, at);
  ASSERT_EQ(spy.count(), 1);
  EXPECT_EQ(spy.at(0).at(0).toInt(), rt::kBraessMiddleLink);
  const QStringList rows = panel.attributes()->rows();
  EXPECT_TRUE(rows.contains(QStringLiteral("from: 3"))) << rows.join(" | ").toStdString();
  EXPECT_TRUE(rows.contains(QStringLiteral("to: 4"))) << rows.join(" | ").toStdString();
  EXPECT_TRUE(rows.contains(QStringLiteral("flow: 2"))) << rows.join(" | ").toStdString();
}

TEST_F(TrafficMap, ExportsPngSvgAndPdf) {
  NetworkMapView map;
  map.setData(computeBraessStory().with_map);
  const QString dir = QDir::temp().filePath(QStringLiteral("routescope-traffic-map-test"));
  QDir().mkpath(dir);
  for (const char* suffix : {"png", "svg", "pdf"}) {
    const QString path = dir + QStringLiteral("/map.") + QLatin1String(suffix);
    widgets::FigureRequest request;
    ASSERT_TRUE(widgets::figureFormatFromPath(path, &request.format));
    request.size = QSize(600, 400);
    EXPECT_EQ(map.exportFigure(path, request), QString()) << suffix;
    EXPECT_GT(QFileInfo(path).size(), 1000) << suffix;
  }
}

TEST_F(TrafficMap, BraessDemoViewQuotesTheComputedTotals) {
  BraessView view;
  EXPECT_TRUE(view.text().contains(QStringLiteral("498"))) << view.text().toStdString();
  EXPECT_TRUE(view.text().contains(QStringLiteral("552"))) << view.text().toStdString();
  EXPECT_EQ(view.map(1)->data().links.size(), 5u);
}

TEST_F(TrafficMap, OpensATntpNetworkFile) {
  const QString net = QStringLiteral(ROUTESCOPE_TEST_SHARED_DATA "/tntp/SiouxFalls/SiouxFalls_net.tntp");
  if (!QFileInfo::exists(net)) GTEST_SKIP() << "no Sioux Falls data";
  TrafficPlugin plugin;
  QString error;
  std::unique_ptr<QWidget> view(plugin.openFile(net, nullptr, &error));
  ASSERT_NE(view, nullptr) << error.toStdString();
  auto* map = view->findChild<NetworkMapView*>();
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(map->data().nodes, 24);
  EXPECT_EQ(map->data().links.size(), 76u);
  // The equilibrium arrives from the background solve.
  EXPECT_TRUE(QTest::qWaitFor([&] { return map->data().links[0].flow > 0.0; }, 20000));
  EXPECT_EQ(plugin.openFile(QStringLiteral("/nonexistent_net.tntp"), nullptr, &error), nullptr);
  EXPECT_TRUE(error.contains(QStringLiteral("nonexistent_net.tntp"))) << error.toStdString();
}

// Screenshots for docs/screenshots when ROUTESCOPE_TRAFFIC_SCREENSHOTS names a folder.
TEST_F(TrafficMap, Screenshots) {
  const QString dir = qEnvironmentVariable("ROUTESCOPE_TRAFFIC_SCREENSHOTS");
  if (dir.isEmpty()) GTEST_SKIP() << "ROUTESCOPE_TRAFFIC_SCREENSHOTS not set";
  QDir().mkpath(dir);
  BraessView braess;
  braess.resize(1500, 560);
  braess.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&braess, 5000));
  QTest::qWait(200);
  EXPECT_TRUE(braess.grab().save(dir + QStringLiteral("/traffic-braess-demo.png")));

  const QString sioux = QStringLiteral(ROUTESCOPE_TEST_SHARED_DATA "/tntp/SiouxFalls/SiouxFalls_net.tntp");
  if (!QFileInfo::exists(sioux)) return;
  rt::Network network = rt::readNetworkFile(sioux.toStdString());
  network.coordinates = rt::readCoordinates(
      QString(sioux).replace(QStringLiteral("_net"), QStringLiteral("_node")).toStdString(), network.nodes);
  const rt::Demand demand = rt::readTripsFile(
      QString(sioux).replace(QStringLiteral("_net"), QStringLiteral("_trips")).toStdString(), &network);
  rt::SolverOptions options;
  options.target_gap = 1e-8;
  const rt::AssignmentResult result = rt::solve(network, demand, options);
  NetworkMapView map;
  map.setData(mapDataFromSolution(network, result));
  map.setQuantity(LinkQuantity::VolumeCapacity);
  const QImage image = map.snapshot(QSize(1200, 800));
  ASSERT_FALSE(image.isNull());
  EXPECT_TRUE(image.save(dir + QStringLiteral("/traffic-siouxfalls-map.png")));
}

}  // namespace
}  // namespace routescope::plugins::traffic
