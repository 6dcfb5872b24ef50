#include "widgets/vtk/vtk_view.h"

#include <vtkCellPicker.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <QBuffer>
#include <QImageWriter>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QPaintEngine>
#include <QPainter>
#include <QSaveFile>
#include <QWheelEvent>
#include <algorithm>

#include "widgets/vtk/gl2ps_pdf_export.h"
#include "widgets/vtk/pdf_metadata_update.h"
#include "widgets/vtk/png_text_chunk.h"
#include "widgets/vtk/svg_snapshot_document.h"
#include "widgets/vtk/vtk_context_bridge.h"
#include "widgets/vtk/vtk_event_forwarding.h"
#include "widgets/vtk/vtk_snapshot.h"
#include "widgets/vtk/x_display_check.h"

namespace routescope::widgets {
namespace {

constexpr double kCssDpi = 96.0;
constexpr int kClickSlop = 4;             // logical px a click may move and still pick
constexpr int kLargestPngSide = 32768;    // as the painted-figure export
constexpr int kLargestSinglePass = 8192;  // bounds VTK's framebuffer memory; larger images tile

constexpr const char* kProvenanceKey = "RouteScope-Provenance";

QString fail(const QString& path, const QString& why) {
  return path + ": " + why;
}

QString writeAtomically(const QString& path, const QByteArray& bytes) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return fail(path, "cannot write: " + file.errorString());
  file.write(bytes);
  if (!file.commit()) return fail(path, "cannot write: " + file.errorString());
  return {};
}

// VTK needs OpenGL 3.2 core; without asking, Qt may hand out a 2.1 compatibility context. Depth and
// stencil live in VTK's own framebuffers, and multisampling too (VTK resolves it itself), so the
// widget's FBO needs neither.
QSurfaceFormat vtkSurfaceFormat() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setRedBufferSize(8);
  format.setGreenBufferSize(8);
  format.setBlueBufferSize(8);
  format.setAlphaBufferSize(8);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  format.setSamples(0);
  return format;
}

}  // namespace

VtkView::VtkView(QWidget* parent)
    : QOpenGLWidget(parent),
      window_(vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New()),
      renderer_(vtkSmartPointer<vtkRenderer>::New()),
      interactor_(vtkSmartPointer<vtkGenericRenderWindowInteractor>::New()),
      picker_(vtkSmartPointer<vtkCellPicker>::New()),
      bridge_(std::make_unique<VtkContextBridge>(window_)),
      forwarder_(std::make_unique<VtkEventForwarder>(interactor_)) {
  setFormat(vtkSurfaceFormat());
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);  // VTK styles and observers see hover moves, not only drags

  // Only render inside paintGL: VTK must not draw until Qt has made the context current and bound
  // the widget's framebuffer.
  window_->SetReadyForRendering(false);
  window_->AddRenderer(renderer_);
  picker_->SetTolerance(0.0005);

  interactor_->SetRenderWindow(window_);
  vtkNew<vtkInteractorStyleTrackballCamera> style;
  interactor_->SetInteractorStyle(style);
  // Interaction asks the interactor to Render(); with rendering disabled it only fires RenderEvent,
  // which becomes a Qt repaint, so all drawing goes through paintGL.
  interactor_->EnableRenderOff();
  render_observer_ = interactor_->AddObserver(vtkCommand::RenderEvent, this, &VtkView::onInteractorRender);
  interactor_->Initialize();
}

VtkView::~VtkView() {
  // Release while this object is whole: QOpenGLWidget's destructor deletes the context later and
  // would otherwise call releaseGraphicsResources() on a half-destroyed VtkView.
  if (QOpenGLContext* gl = context()) {
    disconnect(gl, nullptr, this, nullptr);
    releaseGraphicsResources();
  }
  interactor_->RemoveObserver(render_observer_);
  interactor_->SetRenderWindow(nullptr);
}

vtkRenderer* VtkView::renderer() const {
  return renderer_;
}

vtkGenericOpenGLRenderWindow* VtkView::renderWindow() const {
  return window_;
}

vtkGenericRenderWindowInteractor* VtkView::interactor() const {
  return interactor_;
}

QSize VtkView::renderWindowSize() const {
  const int* size = window_->GetActualSize();
  return {size[0], size[1]};
}

// Same rounding as QOpenGLWidget's own framebuffer (QSize * qreal), so VTK's blit fits it exactly.
QSize VtkView::deviceSize() const {
  return size() * devicePixelRatio();
}

void VtkView::syncRenderWindowSize() {
  const QSize pixels = deviceSize();
  const int* current = window_->GetActualSize();
  if (current[0] != pixels.width() || current[1] != pixels.height())
    window_->SetSize(pixels.width(), pixels.height());
  // The interactor flips y against its own size; keep it in device pixels too.
  interactor_->UpdateSize(pixels.width(), pixels.height());
}

void VtkView::initializeGL() {
  init_error_.clear();
  QOpenGLContext* gl = context();
  bridge_->attach(gl, gl->surface());
  // Re-parenting into another top-level window destroys this context and creates a new one; VTK
  // must free its buffers, textures and shaders in the old one first.
  connect(gl, &QOpenGLContext::aboutToBeDestroyed, this, &VtkView::releaseGraphicsResources,
          Qt::DirectConnection);
  const QSurfaceFormat actual = gl->format();
  if (actual.majorVersion() * 10 + actual.minorVersion() < 32) {
    init_error_ = QStringLiteral("VTK view: needs OpenGL 3.2, got %1.%2")
                      .arg(actual.majorVersion())
                      .arg(actual.minorVersion());
    return;
  }
  // Qt owns the context; VTK renders into its own framebuffers and blits the frame into whatever
  // framebuffer is bound when it finishes (the widget's FBO during paintGL).
  window_->SetOwnContext(false);
  window_->SetFrameBlitModeToBlitToCurrent();
  window_->SetIsCurrent(true);
  if (!window_->InitializeFromCurrentContext()) {
    init_error_ = QStringLiteral("VTK view: VTK could not initialise from the Qt OpenGL context");
    return;
  }
  GLint renderbuffer_side = 0;
  GLint viewport_sides[2] = {0, 0};
  QOpenGLFunctions* functions = gl->functions();
  functions->glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer_side);
  functions->glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport_sides);
  max_render_side_ = std::min({kLargestSinglePass, static_cast<int>(renderbuffer_side),
                               static_cast<int>(viewport_sides[0]), static_cast<int>(viewport_sides[1])});
  if (max_render_side_ < 64) max_render_side_ = 1024;
  syncRenderWindowSize();
  graphics_ready_ = true;
}

void VtkView::resizeGL(int, int) {
  if (graphics_ready_) syncRenderWindowSize();
}

void VtkView::paintGL() {
  if (!graphics_ready_) return;
  // resizeGL does not run when only the device pixel ratio changes (moving to another screen).
  syncRenderWindowSize();
  enterVtkRendering();
  window_->Render();
  window_->SetReadyForRendering(false);
  window_->GetState()->Pop();
  forceOpaqueAlpha();
}

// VTK's frame may carry alpha < 1 (translucent background, depth peeling), and Qt composites the
// widget's FBO with that alpha, which shows whatever lies beneath the widget. Force it to 1.
void VtkView::forceOpaqueAlpha() {
  QOpenGLFunctions* functions = context()->functions();
  functions->glBindFramebuffer(GL_FRAMEBUFFER, defaultFramebufferObject());
  functions->glDisable(GL_SCISSOR_TEST);
  functions->glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
  functions->glClearColor(0.0F, 0.0F, 0.0F, 1.0F);
  functions->glClear(GL_COLOR_BUFFER_BIT);
  functions->glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

void VtkView::releaseGraphicsResources() {
  if (graphics_ready_) {
    // VTK's objects must be deleted in the context that created them; Qt keeps it alive until this
    // slot returns.
    makeCurrent();
    window_->SetIsCurrent(true);
    window_->ReleaseGraphicsResources(window_);
    window_->SetIsCurrent(false);
    doneCurrent();
  }
  graphics_ready_ = false;
  bridge_->detach();
}

bool VtkView::ensureGraphicsReady(QString* error) {
  if (const QString problem = vtkDisplayProblem(); !problem.isEmpty()) {
    *error = problem;
    return false;
  }
  if (!graphics_ready_) {
    // A view that was never shown has no context yet. Grabbing its framebuffer makes Qt create
    // one and run initializeGL/resizeGL/paintGL, after which offscreen renders work while hidden.
    (void)grabFramebuffer();
  }
  if (!graphics_ready_) {
    *error =
        init_error_.isEmpty() ? QStringLiteral("VTK view: no OpenGL context could be created") : init_error_;
    return false;
  }
  return true;
}

void VtkView::enterVtkRendering() {
  vtkOpenGLState* state = window_->GetState();
  // Qt (and anything else painting in this context) changed GL state behind VTK's cache: re-read
  // it, and save Qt's state so the caller can Pop() it afterwards.
  state->Reset();
  state->Push();
  // Qt leaves depth testing at GL_LESS; VTK's coincident-topology handling assumes GL_LEQUAL.
  state->vtkglDepthFunc(GL_LEQUAL);
  window_->SetReadyForRendering(true);
  window_->SetIsCurrent(true);
}

void VtkView::beginExternalRender() {
  // QOpenGLWidget::makeCurrent is right here (outside VTK's render): it also binds the widget's
  // FBO, which receives VTK's blit and is repainted by the next paintGL anyway.
  makeCurrent();
  enterVtkRendering();
  // vtkWindowToImageFilter and the GL2PS exporter render through the interactor when there is one;
  // with the interactor's rendering off (see the constructor) they would read a stale frame.
  interactor_->EnableRenderOn();
}

void VtkView::endExternalRender() {
  interactor_->EnableRenderOff();
  window_->SetReadyForRendering(false);
  window_->GetState()->Pop();
  // Snapshots resize VTK's framebuffers; restore them to the widget's size before the next frame.
  syncRenderWindowSize();
  doneCurrent();
  update();
}

QImage VtkView::renderOffscreen(const QSize& pixels, int magnification, QString* error) {
  if (!ensureGraphicsReady(error)) return {};
  beginExternalRender();
  QImage image = renderWindowImage(window_, pixels, magnification, max_render_side_, error);
  endExternalRender();
  return image;
}

QImage VtkView::snapshot(const QSize& pixels) {
  QString error;
  QImage image = renderOffscreen(pixels, 1, &error);
  last_error_ = error;
  return image;
}

void VtkView::paintFigure(QPainter& painter, const QRectF& target) {
  // Render at the device's resolution for this rectangle (a HiDPI image or scaled PNG export gets
  // more pixels); vector devices get twice their nominal resolution so the raster stays crisp.
  const QRectF device_rect = painter.deviceTransform().mapRect(target);
  const QPaintEngine* engine = painter.paintEngine();
  const bool vector_device =
      engine != nullptr && (engine->type() == QPaintEngine::SVG || engine->type() == QPaintEngine::Pdf ||
                            engine->type() == QPaintEngine::Picture);
  const double oversample = vector_device ? 2.0 : 1.0;
  const QSize pixels(std::max(1, qRound(device_rect.width() * oversample)),
                     std::max(1, qRound(device_rect.height() * oversample)));
  QString error;
  const QImage image = renderOffscreen(pixels, 1, &error);
  last_error_ = error;
  if (image.isNull()) {
    painter.save();
    painter.fillRect(target, QColor(235, 235, 235));
    painter.setPen(Qt::darkRed);
    painter.drawText(target, Qt::AlignCenter | Qt::TextWordWrap, error);
    painter.restore();
    return;
  }
  painter.drawImage(target, image);
}

QString VtkView::exportFigure(const QString& path, const FigureRequest& request) {
  if (request.size.width() < 1 || request.size.height() < 1)
    return fail(path, "figure size must be positive");
  if (request.dpi < 10 || request.dpi > 2400) return fail(path, "DPI must be between 10 and 2400");
  switch (request.format) {
    case FigureFormat::Png:
      return exportPng(path, request);
    case FigureFormat::Svg:
      return exportSvg(path, request);
    case FigureFormat::Pdf:
      return exportPdf(path, request);
  }
  return fail(path, "unknown format");
}

QString VtkView::exportPng(const QString& path, const FigureRequest& request) {
  const double scale = request.dpi / kCssDpi;
  const QSize pixels(qRound(request.size.width() * scale), qRound(request.size.height() * scale));
  if (pixels.width() > kLargestPngSide || pixels.height() > kLargestPngSide)
    return fail(path, "figure larger than 32768 px");
  // Whole multiples of 96 DPI render the figure's CSS size magnified, so text props scale with it.
  const int magnification = request.dpi % qRound(kCssDpi) == 0 ? request.dpi / qRound(kCssDpi) : 1;
  QString error;
  QImage image = renderOffscreen(pixels, magnification, &error);
  if (image.isNull()) return fail(path, error);
  const int dots_per_metre = qRound(request.dpi / 0.0254);
  image.setDotsPerMeterX(dots_per_metre);
  image.setDotsPerMeterY(dots_per_metre);
  if (!request.title.isEmpty()) image.setText("Title", request.title);
  image.setText("Software", "RouteScope");
  const QString provenance = request.provenance.isEmpty() ? QString() : request.provenance.toJson();
  const bool latin1 =
      std::all_of(provenance.begin(), provenance.end(), [](QChar c) { return c.unicode() < 256; });
  // Non-Latin-1 text cannot live in tEXt; Qt then writes it as an iTXt chunk.
  if (!provenance.isEmpty() && !latin1) image.setText(kProvenanceKey, provenance);
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  QImageWriter writer(&buffer, "png");
  if (!writer.write(image)) return fail(path, "PNG encoding failed: " + writer.errorString());
  if (!provenance.isEmpty() && latin1) png = insertPngTextChunk(png, kProvenanceKey, provenance.toLatin1());
  if (png.isEmpty()) return fail(path, "PNG encoding failed");
  return writeAtomically(path, png);
}

QString VtkView::exportSvg(const QString& path, const FigureRequest& request) {
  // A raster inside SVG (see svg_snapshot_document.h for why), at twice the CSS resolution.
  QString error;
  const QImage image = renderOffscreen(request.size * 2, 2, &error);
  if (image.isNull()) return fail(path, error);
  const QString title = request.title.isEmpty() ? figureName() : request.title;
  return writeAtomically(path, snapshotSvgDocument(image, request.size, title, request.provenance));
}

QString VtkView::exportPdf(const QString& path, const FigureRequest& request) {
  QString error;
  if (!ensureGraphicsReady(&error)) return fail(path, error);
  if (request.size.width() > max_render_side_ || request.size.height() > max_render_side_)
    return fail(path, QStringLiteral("PDF figure larger than %1 px").arg(max_render_side_));
  const QString title = request.title.isEmpty() ? figureName() : request.title;
  // GL2PS renders at the figure's CSS size (its 3D raster is then 96 DPI and text keeps its
  // on-screen proportions) and makes a page of as many points; the update scales that page to the
  // figure's real size in points (1 CSS px = 0.75 pt).
  beginExternalRender();
  const QByteArray gl2ps = writeGl2psPdf(window_, request.size, title, &error);
  endExternalRender();
  if (gl2ps.isEmpty()) return fail(path, error);
  PdfUpdate update;
  update.title = title;
  update.provenance = request.provenance;
  update.page_points = QSizeF(request.size) * (72.0 / kCssDpi);
  const QByteArray pdf = appendPdfUpdate(gl2ps, update, &error);
  if (pdf.isEmpty()) return fail(path, error);
  return writeAtomically(path, pdf);
}

VtkPickResult VtkView::pick(const QPoint& position) const {
  VtkPickResult result;
  result.widget_position = position;
  const QSize pixels = deviceSize();
  const qreal ratio = devicePixelRatio();
  // Display coordinates: device pixels, origin at the bottom-left pixel.
  const double x = position.x() * ratio;
  const double y = pixels.height() - 1 - position.y() * ratio;
  if (picker_->Pick(x, y, 0.0, renderer_) == 0) return result;
  result.prop = picker_->GetViewProp();
  result.hit = result.prop != nullptr;
  picker_->GetPickPosition(result.world_position.data());
  result.cell_id = picker_->GetCellId();
  return result;
}

void VtkView::onInteractorRender(vtkObject*, unsigned long, void*) {
  update();
}

void VtkView::mousePressEvent(QMouseEvent* event) {
  press_position_ = event->position().toPoint();
  forwarder_->mousePress(*event, devicePixelRatio(), false);
  event->accept();
}

void VtkView::mouseDoubleClickEvent(QMouseEvent* event) {
  forwarder_->mousePress(*event, devicePixelRatio(), true);
  event->accept();
}

void VtkView::mouseReleaseEvent(QMouseEvent* event) {
  forwarder_->mouseRelease(*event, devicePixelRatio());
  event->accept();
  const QPoint position = event->position().toPoint();
  if (event->button() == Qt::LeftButton && (position - press_position_).manhattanLength() <= kClickSlop)
    Q_EMIT picked(pick(position));
}

void VtkView::mouseMoveEvent(QMouseEvent* event) {
  forwarder_->mouseMove(*event, devicePixelRatio());
  event->accept();
}

void VtkView::wheelEvent(QWheelEvent* event) {
  forwarder_->wheel(*event, devicePixelRatio());
  event->accept();
}

void VtkView::keyPressEvent(QKeyEvent* event) {
  forwarder_->key(*event, true);
  event->accept();
}

void VtkView::keyReleaseEvent(QKeyEvent* event) {
  forwarder_->key(*event, false);
  event->accept();
}

void VtkView::enterEvent(QEnterEvent* event) {
  forwarder_->enter();
  QOpenGLWidget::enterEvent(event);
}

void VtkView::leaveEvent(QEvent* event) {
  forwarder_->leave();
  QOpenGLWidget::leaveEvent(event);
}

}  // namespace routescope::widgets
