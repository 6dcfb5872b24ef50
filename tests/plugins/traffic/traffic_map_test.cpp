// The network map under a real X server (xvfb-run): the Braess network's colours read back from
// a snapshot, picking with the attribute panel, exports, the Braess demo view, the design map's
// outlined candidates, and screenshots (of Braess, of a network design, and of Sioux Falls when
// ../shared/data has it) for the docs.
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <algorithm>
#include <cmath>

#include "backend/traffic/braess.h"
#include "backend/traffic/coordinates.h"
#include "backend/traffic/tntp_reader.h"
#include "plugins/traffic/attribute_panel.h"
#include "plugins/traffic/braess_story.h"
#include "plugins/traffic/braess_view.h"
#include "plugins/traffic/design_map.h"
#include "plugins/traffic/figure_data_tab.h"
#include "plugins/traffic/map_panel.h"
#include "plugins/traffic/network_map_view.h"
#include "plugins/traffic/traffic_plugin.h"
#include "tests/plugins/traffic/ndp_fake_run.h"
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

// Distance from `p` to the segment a–b.
double toSegment(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a;
  const double length2 = QPointF::dotProduct(ab, ab);
  const double t = length2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

// The outlines are where the built candidates are and nowhere else: every pixel the highlight
// changes (inside the network's extent, so the legend's extra entry does not count) lies along a
// built link (within a third of its length of the line between its nodes, where its arrow and
// outline are), and every built link has its outline.
TEST_F(TrafficMap, DesignMapOutlinesTheBuiltCandidatesAndNothingElse) {
  const fake::FakeNdpRun run = fake::fakeNdpRun();
  const auto map = designMap(run.run());
  ASSERT_EQ(map->highlightedLinks(), run.built_links);
  const QImage outlined = map->snapshot(kShot);
  ASSERT_FALSE(outlined.isNull()) << map->lastError().toStdString();
  const std::vector<int> built = map->highlightedLinks();
  const QString label = map->highlightLabel();
  map->setHighlightedLinks({}, label);
  const QImage plain = map->snapshot(kShot);
  map->setHighlightedLinks(built, label);
  ASSERT_EQ(plain.size(), outlined.size());

  const MapData& data = map->data();
  QRectF extent;
  for (int n = 0; n < data.nodes; ++n) extent |= QRectF(map->nodeInImage(n, kShot), QSizeF(1, 1));
  std::vector<int> along(built.size(), 0);
  int elsewhere = 0;
  for (int y = int(extent.top()); y <= int(extent.bottom()); ++y) {
    for (int x = int(extent.left()); x <= int(extent.right()); ++x) {
      if (outlined.pixel(x, y) == plain.pixel(x, y)) continue;
      bool near_built = false;
      for (size_t i = 0; i < built.size(); ++i) {
        const MapLink& l = data.links[size_t(built[i])];
        const QPointF a = map->nodeInImage(l.from, kShot), b = map->nodeInImage(l.to, kShot);
        if (toSegment(QPointF(x, y), a, b) <= std::hypot(b.x() - a.x(), b.y() - a.y()) / 3.0) {
          ++along[i];
          near_built = true;
        }
      }
      if (!near_built) ++elsewhere;
    }
  }
  EXPECT_EQ(elsewhere, 0) << "pixels changed away from the built links";
  for (size_t i = 0; i < built.size(); ++i)
    EXPECT_GE(along[i], 100) << "built link " << built[i] + 1 << " has no outline";
}

TEST_F(TrafficMap, DesignMapExportHasTheRequestedSize) {
  const fake::FakeNdpRun run = fake::fakeNdpRun();
  TrafficPlugin plugin;
  const auto figure = plugin.createFigure(run.run(), QStringLiteral("design-map"));
  ASSERT_NE(figure, nullptr);
  const QString path = QDir::temp().filePath(QStringLiteral("routescope-design-map-test.png"));
  widgets::FigureRequest request;
  request.size = QSize(800, 500);
  request.dpi = 192;
  ASSERT_EQ(figure->exportFigure(path, request), QString());
  EXPECT_EQ(QImage(path).size(), QSize(1600, 1000));
  QFile::remove(path);
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

  // A network design: the map alone, and the run view's design tab as the app shows it.
  const fake::FakeNdpRun design = fake::fakeNdpRun();
  const auto design_map = designMap(design.run());
  const QImage design_image = design_map->snapshot(QSize(1200, 800));
  ASSERT_FALSE(design_image.isNull()) << design_map->lastError().toStdString();
  EXPECT_TRUE(design_image.save(dir + QStringLiteral("/traffic-ndp-design-map.png")));
  TrafficPlugin plugin;
  std::unique_ptr<QWidget> run_view(plugin.createRunView(design.run(), nullptr));
  auto* tabs = qobject_cast<QTabWidget*>(run_view.get());
  ASSERT_NE(tabs, nullptr);
  tabs->setCurrentWidget(run_view->findChild<FigureDataTab*>(QStringLiteral("design-map-tab")));
  run_view->resize(1300, 900);
  run_view->show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(run_view.get(), 5000));
  QTest::qWait(300);
  EXPECT_TRUE(run_view->grab().save(dir + QStringLiteral("/traffic-ndp-run-view.png")));

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
