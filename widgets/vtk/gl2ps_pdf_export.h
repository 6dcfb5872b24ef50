#pragma once
// PDF of a VTK scene through vtkGL2PSExporter.
//
// With VTK's OpenGL2 backend GL2PS rasterises all 3D props into the page background (at the
// viewport's resolution) and writes 2D props and text as vectors. SVG does not come through here:
// Debian's gl2ps is built without PNG support, so its SVG loses that raster (see
// svg_snapshot_document.h).

#include <QByteArray>
#include <QSize>
#include <QString>

class vtkRenderWindow;

namespace routescope::widgets {

// Renders `window` at `pixels` through GL2PS and returns the PDF's bytes (empty + `error` on
// failure). GL2PS makes the page one point per viewport pixel; see pdf_metadata_update.h for
// resizing it. The caller makes the context current and lets VTK render.
QByteArray writeGl2psPdf(vtkRenderWindow* window, const QSize& pixels, const QString& title, QString* error);

}  // namespace routescope::widgets
