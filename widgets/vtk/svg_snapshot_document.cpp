#include "widgets/vtk/svg_snapshot_document.h"

#include <QBuffer>

#include "widgets/figure/figure.h"

namespace routescope::widgets {

QByteArray snapshotSvgDocument(const QImage& image, const QSize& size, const QString& title,
                               const FigureProvenance& provenance) {
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  const QByteArray width = QByteArray::number(size.width());
  const QByteArray height = QByteArray::number(size.height());
  QByteArray svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      "version=\"1.1\" width=\"" +
      width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + ' ' + height + "\">\n";
  if (!provenance.isEmpty()) {
    svg += "<metadata id=\"routescope-provenance\">" + provenance.toJson().toHtmlEscaped().toUtf8() +
           "</metadata>\n";
  }
  svg += "<title>" + title.toHtmlEscaped().toUtf8() + "</title>\n";
  // xlink:href rather than SVG 2's plain href: Qt's SVG renderer and older viewers only know the
  // SVG 1.1 spelling, and SVG 2 readers still accept it.
  const QByteArray data_url = "data:image/png;base64," + png.toBase64();
  svg += "<image x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height +
         "\" preserveAspectRatio=\"none\" xlink:href=\"" + data_url + "\"/>\n</svg>\n";
  return svg;
}

}  // namespace routescope::widgets
