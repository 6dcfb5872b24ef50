#pragma once
// The SVG export of a VTK view: one embedded PNG snapshot in an SVG of the figure's size.
//
// Why not vector: Debian's VTK 9.1 ships vtkSVGExporter, but it only draws vtkContextActor (2D chart)
// scenes and the background, so 3D props are missing; vtkGL2PSExporter's OpenGL2 backend rasterises
// all 3D props into the background, and Debian's gl2ps is built without PNG support, so its SVG
// output drops that raster and comes out empty. A snapshot at twice the CSS resolution is what
// either route could at best deliver for a 3D scene.

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace routescope::widgets {

struct FigureProvenance;

// `size` in CSS pixels; the image is scaled to fill it. The provenance goes in
// <metadata id="routescope-provenance"> right after the <svg> tag.
QByteArray snapshotSvgDocument(const QImage& image, const QSize& size, const QString& title,
                               const FigureProvenance& provenance);

}  // namespace routescope::widgets
