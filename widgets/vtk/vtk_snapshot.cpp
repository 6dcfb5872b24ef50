#include "widgets/vtk/vtk_snapshot.h"

#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <algorithm>

namespace routescope::widgets {
namespace {

int ceilDiv(int value, int divisor) {
  return (value + divisor - 1) / divisor;
}

}  // namespace

QImage vtkImageToQImage(vtkImageData* image) {
  if (image == nullptr || image->GetScalarType() != VTK_UNSIGNED_CHAR) return {};
  const int* dims = image->GetDimensions();
  const int components = image->GetNumberOfScalarComponents();
  if (dims[0] < 1 || dims[1] < 1 || (components != 3 && components != 4)) return {};
  QImage result(dims[0], dims[1], QImage::Format_RGB32);
  const auto* pixels = static_cast<const unsigned char*>(image->GetScalarPointer());
  for (int y = 0; y < dims[1]; ++y) {
    // VTK's first row is the bottom one.
    const unsigned char* source = pixels + static_cast<qsizetype>(dims[1] - 1 - y) * dims[0] * components;
    auto* target = reinterpret_cast<QRgb*>(result.scanLine(y));
    for (int x = 0; x < dims[0]; ++x, source += components) target[x] = qRgb(source[0], source[1], source[2]);
  }
  return result;
}

QImage renderWindowImage(vtkRenderWindow* window, const QSize& pixels, int magnification, int max_render_side,
                         QString* error) {
  if (pixels.width() < 1 || pixels.height() < 1) {
    *error = QStringLiteral("snapshot size must be positive");
    return {};
  }
  // One pass when the GL implementation can hold the whole image in VTK's framebuffer; otherwise
  // render s*s tiles of a window 1/s of the size (the camera is split, not the scene rescaled).
  const int scale = std::max(
      {magnification, ceilDiv(pixels.width(), max_render_side), ceilDiv(pixels.height(), max_render_side)});
  const int* old_size = window->GetSize();
  const int saved_width = old_size[0];
  const int saved_height = old_size[1];
  // The generic window renders into VTK's own framebuffer objects, which are resized on the next
  // Render(); the Qt framebuffer only receives a (clipped) blit, so any size works here.
  window->SetSize(ceilDiv(pixels.width(), scale), ceilDiv(pixels.height(), scale));

  vtkNew<vtkWindowToImageFilter> grabber;
  grabber->SetInput(window);
  grabber->SetScale(scale, scale);
  grabber->SetInputBufferTypeToRGB();
  // The back buffer is VTK's render framebuffer, which holds the frame right after Render().
  grabber->ReadFrontBufferOff();
  grabber->ShouldRerenderOn();
  // The filter caches its output by modification time; a re-rendered window is not "modified".
  grabber->Modified();
  grabber->Update();
  QImage image = vtkImageToQImage(grabber->GetOutput());

  window->SetSize(saved_width, saved_height);
  if (image.isNull()) {
    *error = QStringLiteral("VTK returned no pixels (render window not initialised?)");
    return {};
  }
  if (image.size() != pixels) image = image.copy(QRect(QPoint(0, 0), pixels));
  return image;
}

}  // namespace routescope::widgets
