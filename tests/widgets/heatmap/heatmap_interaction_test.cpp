// Interaction on a shown widget (offscreen platform): clicks emit the selection signals, keys and
// the wheel zoom and pan, dragging pans, tooltips name the cell.

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <memory>

#include "tests/widgets/heatmap/heatmap_test_support.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::widgets {
namespace {

using testing::testApp;

class HeatmapInteraction : public ::testing::Test {
 protected:
  void SetUp() override {
    source_ = std::make_shared<DenseHeatmapSource>(10, 8, std::vector<float>(80, 0.5f));
    QStringList rows, cols;
    for (int i = 0; i < 10; ++i) rows << QStringLiteral("token %1").arg(i);
    for (int j = 0; j < 8; ++j) cols << QStringLiteral("e%1").arg(j);
    source_->setRowLabels(rows);
    source_->setColLabels(cols);
    view_.setSource(source_);
    view_.resize(800, 600);
    view_.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view_));
  }

  QPoint cellCenter(int row, int col) const {
    const QRectF plot = view_.currentLayout().plot;
    const QRectF region = view_.visibleRegion();
    return QPointF(plot.left() + (col + 0.5 - region.left()) * plot.width() / region.width(),
                   plot.top() + (row + 0.5 - region.top()) * plot.height() / region.height())
        .toPoint();
  }

  QApplication& app_ = testApp();  // first member: widgets need the application
  std::shared_ptr<DenseHeatmapSource> source_;
  HeatmapView view_;
};

TEST_F(HeatmapInteraction, ClickingACellSelectsIt) {
  QSignalSpy spy(&view_, &HeatmapView::cellSelected);
  QTest::mouseClick(&view_, Qt::LeftButton, Qt::NoModifier, cellCenter(3, 5));
  ASSERT_EQ(spy.count(), 1);
  EXPECT_EQ(spy.at(0).at(0).toInt(), 3);
  EXPECT_EQ(spy.at(0).at(1).toInt(), 5);
  ASSERT_TRUE(view_.selectedCell().has_value());
  EXPECT_EQ(*view_.selectedCell(), QPoint(5, 3));
}

TEST_F(HeatmapInteraction, ClickingLabelsSelectsRowsAndColumns) {
  QSignalSpy rows(&view_, &HeatmapView::rowSelected);
  QSignalSpy cols(&view_, &HeatmapView::columnSelected);
  QSignalSpy cells(&view_, &HeatmapView::cellSelected);
  const HeatmapLayout layout = view_.currentLayout();
  QTest::mouseClick(&view_, Qt::LeftButton, Qt::NoModifier,
                    QPoint(int(layout.row_labels.center().x()), cellCenter(7, 0).y()));
  QTest::mouseClick(&view_, Qt::LeftButton, Qt::NoModifier,
                    QPoint(cellCenter(0, 2).x(), int(layout.column_labels.top() + 10)));
  ASSERT_EQ(rows.count(), 1);
  EXPECT_EQ(rows.at(0).at(0).toInt(), 7);
  ASSERT_EQ(cols.count(), 1);
  EXPECT_EQ(cols.at(0).at(0).toInt(), 2);
  EXPECT_EQ(cells.count(), 0);
}

TEST_F(HeatmapInteraction, KeysZoomPanAndReset) {
  const QRectF full = view_.visibleRegion();
  EXPECT_EQ(full, QRectF(0, 0, 8, 10));
  QTest::keyClick(&view_, Qt::Key_Plus);
  const QRectF zoomed = view_.visibleRegion();
  EXPECT_LT(zoomed.width(), full.width());
  EXPECT_LT(zoomed.height(), full.height());
  EXPECT_NEAR(zoomed.center().x(), full.center().x(), 1e-9);

  QTest::keyClick(&view_, Qt::Key_Right);
  EXPECT_GT(view_.visibleRegion().left(), zoomed.left());
  QTest::keyClick(&view_, Qt::Key_Down);
  EXPECT_GT(view_.visibleRegion().top(), zoomed.top());
  QTest::keyClick(&view_, Qt::Key_Minus);
  EXPECT_GT(view_.visibleRegion().width(), zoomed.width());
  QTest::keyClick(&view_, Qt::Key_Plus);
  QTest::keyClick(&view_, Qt::Key_Home);
  EXPECT_EQ(view_.visibleRegion(), full);
  // Never zoomed out past the matrix, nor panned off it.
  QTest::keyClick(&view_, Qt::Key_Minus);
  QTest::keyClick(&view_, Qt::Key_Left);
  EXPECT_EQ(view_.visibleRegion(), full);
}

TEST_F(HeatmapInteraction, WheelZoomsAroundTheCursor) {
  const QPoint at = cellCenter(2, 6);
  const QRectF plot = view_.currentLayout().plot;
  auto cellUnder = [&](QPoint p) {
    const QRectF r = view_.visibleRegion();
    return QPointF(r.left() + (p.x() - plot.left()) / plot.width() * r.width(),
                   r.top() + (p.y() - plot.top()) / plot.height() * r.height());
  };
  const QPointF before = cellUnder(at);
  QWheelEvent wheel(at, view_.mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(&view_, &wheel);
  EXPECT_LT(view_.visibleRegion().width(), 8);
  const QPointF after = cellUnder(at);
  EXPECT_NEAR(after.x(), before.x(), 1e-6);
  EXPECT_NEAR(after.y(), before.y(), 1e-6);
}

TEST_F(HeatmapInteraction, DraggingPansWithoutSelecting) {
  view_.zoomBy(2);
  const QRectF before = view_.visibleRegion();
  QSignalSpy cells(&view_, &HeatmapView::cellSelected);
  const QPoint start = cellCenter(5, 4);
  QTest::mousePress(&view_, Qt::LeftButton, Qt::NoModifier, start);
  QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(-60, -40)), view_.mapToGlobal(QPointF(start)),
                   Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&view_, &move);
  QTest::mouseRelease(&view_, Qt::LeftButton, Qt::NoModifier, start + QPoint(-60, -40));
  EXPECT_EQ(cells.count(), 0);
  EXPECT_GT(view_.visibleRegion().left(), before.left());  // dragged left: later columns come in
  EXPECT_GT(view_.visibleRegion().top(), before.top());
}

TEST_F(HeatmapInteraction, TooltipNamesRowColumnAndValue) {
  const QString text = view_.toolTipAt(cellCenter(4, 1));
  EXPECT_TRUE(text.contains("token 4")) << text.toStdString();
  EXPECT_TRUE(text.contains("e1")) << text.toStdString();
  EXPECT_TRUE(text.contains("0.5")) << text.toStdString();
  EXPECT_TRUE(view_.toolTipAt(QPoint(2, 2)).isEmpty());
}

TEST_F(HeatmapInteraction, ZoomedOutTooltipShowsTheBlockAggregate) {
  auto big = std::make_shared<testing::ProceduralSource>(100000, 64);
  view_.setSource(big);
  const QString text = view_.toolTipAt(cellCenter(50000, 10));
  EXPECT_TRUE(text.contains("shown: mean of rows")) << text.toStdString();
}

}  // namespace
}  // namespace routescope::widgets
