#pragma once
// Renders a VTK render window at an arbitrary pixel size and reads the result back as a QImage.
// The caller owns the GL context state (current, VTK allowed to render); see VtkView.

#include <QImage>
#include <QSize>
#include <QString>

class vtkImageData;
class vtkRenderWindow;

namespace routescope::widgets {

// Renders `window` at exactly `pixels` (its own size is restored afterwards). With `magnification`
// k > 1 the window renders at pixels/k and vtkWindowToImageFilter tiles it k times in each direction,
// so pixel-sized 2D props (text, legends) grow with the image, as a higher DPI expects. Sizes above
// `max_render_side` are tiled the same way. Returns a null image and sets `error` on failure.
QImage renderWindowImage(vtkRenderWindow* window, const QSize& pixels, int magnification, int max_render_side,
                         QString* error);

// RGB or RGBA unsigned-char image data (VTK's rows run bottom-up) to an opaque QImage.
QImage vtkImageToQImage(vtkImageData* image);

}  // namespace routescope::widgets
