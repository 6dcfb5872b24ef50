#include "widgets/vtk/vtk_context_bridge.h"

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>

#include <QOpenGLContext>

namespace routescope::widgets {

VtkContextBridge::VtkContextBridge(vtkGenericOpenGLRenderWindow* window) : window_(window) {
  observer_tags_.push_back(
      window_->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkContextBridge::onMakeCurrent));
  observer_tags_.push_back(
      window_->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkContextBridge::onIsCurrent));
  // VTK asks these before choosing code paths (e.g. vtkRenderWindow::SupportsOpenGL); an unanswered
  // query reads as "no OpenGL".
  observer_tags_.push_back(window_->AddObserver(vtkCommand::WindowSupportsOpenGLEvent, this,
                                                &VtkContextBridge::onCapabilityQuery));
  observer_tags_.push_back(
      window_->AddObserver(vtkCommand::WindowIsDirectEvent, this, &VtkContextBridge::onCapabilityQuery));
}

VtkContextBridge::~VtkContextBridge() {
  for (unsigned long tag : observer_tags_) window_->RemoveObserver(tag);
}

void VtkContextBridge::attach(QOpenGLContext* context, QSurface* surface) {
  context_ = context;
  surface_ = surface;
}

void VtkContextBridge::detach() {
  context_ = nullptr;
  surface_ = nullptr;
}

void VtkContextBridge::onMakeCurrent(vtkObject*, unsigned long, void*) {
  if (context_.isNull() || surface_ == nullptr) return;
  // Re-making a current context current is not free on GLX and gains nothing.
  if (QOpenGLContext::currentContext() != context_) context_->makeCurrent(surface_);
}

void VtkContextBridge::onIsCurrent(vtkObject*, unsigned long, void* call_data) {
  auto* current = static_cast<bool*>(call_data);
  *current = !context_.isNull() && QOpenGLContext::currentContext() == context_;
}

void VtkContextBridge::onCapabilityQuery(vtkObject*, unsigned long, void* call_data) {
  *static_cast<int*>(call_data) = context_.isNull() ? 0 : 1;
}

}  // namespace routescope::widgets
