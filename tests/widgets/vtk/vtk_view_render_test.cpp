// VtkView on screen: real pixels, context re-creation, resize/HiDPI and picking.
#include <gtest/gtest.h>
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkRenderer.h>

#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <cmath>
#include <memory>

#include "red_sphere_scene.h"

namespace routescope::widgets::testing {
namespace {

class VtkViewOnScreen : public ::testing::Test {
 protected:
  void SetUp() override {
    QString reason;
    if (!canRender(&reason)) GTEST_SKIP() << reason.toStdString();
    host_ = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(host_.get());
    layout->setContentsMargins(0, 0, 0, 0);
    view_ = new VtkView(host_.get());
    layout->addWidget(view_);
    host_->resize(320, 240);
    sphere_ = addRedSphere(*view_);
    ASSERT_TRUE(showAndWait(*host_));
  }

  // The frame exactly as the widget shows it (device pixels).
  QImage renderedFrame() { return view_->grabFramebuffer(); }

  void expectSphereOnBlack(const QImage& frame) {
    ASSERT_FALSE(frame.isNull());
    EXPECT_TRUE(isRed(centrePixel(frame))) << "centre " << describe(centrePixel(frame)).toStdString();
    EXPECT_TRUE(isBlack(cornerPixel(frame))) << "corner " << describe(cornerPixel(frame)).toStdString();
  }

  std::unique_ptr<QWidget> host_;
  VtkView* view_ = nullptr;
  vtkSmartPointer<vtkActor> sphere_;
};

TEST_F(VtkViewOnScreen, RendersRedSphereOnBlackBackground) {
  VtkErrorLog log;
  const QImage frame = renderedFrame();
  EXPECT_EQ(frame.size(), view_->size() * view_->devicePixelRatio());
  expectSphereOnBlack(frame);
  EXPECT_TRUE(log.errors().isEmpty()) << log.errors().join('\n').toStdString();
}

TEST_F(VtkViewOnScreen, RendersAgainAfterReparentingRecreatesTheContext) {
  VtkErrorLog log;
  expectSphereOnBlack(renderedFrame());
  QOpenGLContext* first_context = view_->context();
  ASSERT_NE(first_context, nullptr);
  QSignalSpy destroyed(first_context, &QOpenGLContext::aboutToBeDestroyed);

  // Moving into another top-level window makes QOpenGLWidget destroy its context and create a new
  // one; VTK's buffers and shaders must be rebuilt in it.
  auto second_host = std::make_unique<QWidget>();
  auto* layout = new QVBoxLayout(second_host.get());
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
  second_host->resize(300, 220);
  ASSERT_TRUE(showAndWait(*second_host));
  host_.reset();
  QCoreApplication::processEvents();
  EXPECT_EQ(destroyed.count(), 1) << "the reparent did not re-create the context";

  expectSphereOnBlack(renderedFrame());

  // And once more as a top-level window of its own.
  view_->setParent(nullptr);
  view_->resize(280, 200);
  ASSERT_TRUE(showAndWait(*view_));
  expectSphereOnBlack(renderedFrame());

  view_->makeCurrent();
  EXPECT_EQ(view_->context()->functions()->glGetError(), static_cast<GLenum>(GL_NO_ERROR));
  view_->doneCurrent();
  EXPECT_TRUE(log.errors().isEmpty()) << log.errors().join('\n').toStdString();
  delete view_;  // now a top-level window owned by nobody
  view_ = nullptr;
}

TEST_F(VtkViewOnScreen, RenderWindowFollowsResizeInDevicePixels) {
  host_->resize(410, 290);
  QCoreApplication::processEvents();
  const QImage frame = renderedFrame();
  const QSize expected = view_->size() * view_->devicePixelRatio();
  EXPECT_EQ(view_->size(), QSize(410, 290));
  EXPECT_EQ(view_->renderWindowSize(), expected);
  const int* interactor_size = view_->interactor()->GetSize();
  EXPECT_EQ(QSize(interactor_size[0], interactor_size[1]), expected);
  EXPECT_EQ(frame.size(), expected);
  expectSphereOnBlack(frame);
}

TEST_F(VtkViewOnScreen, PickAtCentreHitsTheSphereAndCornerHitsNothing) {
  renderedFrame();
  const QPoint centre(view_->width() / 2, view_->height() / 2);
  const VtkPickResult hit = view_->pick(centre);
  ASSERT_TRUE(hit.hit);
  EXPECT_EQ(hit.prop, sphere_.Get());
  EXPECT_GE(hit.cell_id, 0);
  const auto& p = hit.world_position;
  EXPECT_NEAR(std::sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]), kSphereRadius, 0.02);

  const VtkPickResult miss = view_->pick(QPoint(2, 2));
  EXPECT_FALSE(miss.hit);
  EXPECT_EQ(miss.prop, nullptr);
  EXPECT_EQ(miss.cell_id, -1);
}

TEST_F(VtkViewOnScreen, ClickEmitsPickedWithTheHit) {
  renderedFrame();
  QSignalSpy spy(view_, &VtkView::picked);
  const QPoint centre(view_->width() / 2, view_->height() / 2);
  QTest::mouseClick(view_, Qt::LeftButton, Qt::NoModifier, centre);
  ASSERT_EQ(spy.count(), 1);
  const auto result = spy.at(0).at(0).value<VtkPickResult>();
  EXPECT_TRUE(result.hit);
  EXPECT_EQ(result.prop, sphere_.Get());
  EXPECT_EQ(result.widget_position, centre);
}

TEST_F(VtkViewOnScreen, DragRotatesTheCameraThroughTheInteractor) {
  renderedFrame();
  double before[3];
  view_->renderer()->GetActiveCamera()->GetPosition(before);
  const QPoint centre(view_->width() / 2, view_->height() / 2);
  QTest::mousePress(view_, Qt::LeftButton, Qt::NoModifier, centre);
  for (int step = 1; step <= 5; ++step) {
    QMouseEvent move(QEvent::MouseMove, QPointF(centre + QPoint(step * 12, 0)),
                     view_->mapToGlobal(QPointF(centre + QPoint(step * 12, 0))), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(view_, &move);
  }
  QTest::mouseRelease(view_, Qt::LeftButton, Qt::NoModifier, centre + QPoint(60, 0));
  double after[3];
  view_->renderer()->GetActiveCamera()->GetPosition(after);
  EXPECT_GT(std::abs(after[0] - before[0]) + std::abs(after[2] - before[2]), 0.1) << "camera did not move";
  // Still the sphere in the middle: a rotation about its centre keeps it there.
  expectSphereOnBlack(renderedFrame());
}

}  // namespace
}  // namespace routescope::widgets::testing
