#include "widgets/figure/figure.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace routescope::widgets {
namespace {

constexpr double kCssDpi = 96.0;
constexpr const char* kProvenanceKey = "RouteScope-Provenance";

QString fail(const QString& path, const QString& why) {
  return path + ": " + why;
}

QString exportPng(Figure& figure, const QString& path, const FigureRequest& request) {
  const double scale = request.dpi / kCssDpi;
  const QSize pixels(qRound(request.size.width() * scale), qRound(request.size.height() * scale));
  if (pixels.width() > 32768 || pixels.height() > 32768) return fail(path, "figure larger than 32768 px");
  QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  const int dots_per_metre = qRound(request.dpi / 0.0254);
  image.setDotsPerMeterX(dots_per_metre);
  image.setDotsPerMeterY(dots_per_metre);
  {
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    figure.paintFigure(painter, QRectF(QPointF(0, 0), QSizeF(request.size)));
  }
  if (!request.title.isEmpty()) image.setText("Title", request.title);
  image.setText("Software", "RouteScope");
  if (!request.provenance.isEmpty()) image.setText(kProvenanceKey, request.provenance.toJson());
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return fail(path, "cannot write: " + file.errorString());
  QImageWriter writer(&file, "png");
  if (!writer.write(image)) return fail(path, "PNG encoding failed: " + writer.errorString());
  if (!file.commit()) return fail(path, "cannot write: " + file.errorString());
  return {};
}

// QSvgGenerator has no metadata element; the provenance goes in a <metadata> block inserted after
// the opening <svg> tag (and in <desc>, which every SVG viewer shows as the description).
QString exportSvg(Figure& figure, const QString& path, const FigureRequest& request) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  {
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(request.size);
    generator.setViewBox(QRect(QPoint(0, 0), request.size));
    generator.setResolution(qRound(kCssDpi));
    generator.setTitle(request.title.isEmpty() ? figure.figureName() : request.title);
    generator.setDescription(request.provenance.isEmpty() ? QStringLiteral("RouteScope figure")
                                                          : request.provenance.toJson());
    QPainter painter(&generator);
    painter.setRenderHint(QPainter::Antialiasing);
    figure.paintFigure(painter, QRectF(QPointF(0, 0), QSizeF(request.size)));
  }
  QByteArray svg = buffer.data();
  if (!request.provenance.isEmpty()) {
    const int open_end = svg.indexOf('>', svg.indexOf("<svg"));
    const QByteArray metadata = "\n<metadata id=\"routescope-provenance\">" +
                                request.provenance.toJson().toHtmlEscaped().toUtf8() + "</metadata>";
    if (open_end > 0) svg.insert(open_end + 1, metadata);
  }
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return fail(path, "cannot write: " + file.errorString());
  file.write(svg);
  if (!file.commit()) return fail(path, "cannot write: " + file.errorString());
  return {};
}

QByteArray xmpPacket(const FigureRequest& request) {
  const QString description = request.provenance.toJson().toHtmlEscaped();
  return QStringLiteral(
             "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
             "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
             "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
             "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
             "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:description>"
             "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>")
      .arg(description)
      .toUtf8();
}

QString exportPdf(Figure& figure, const QString& path, const FigureRequest& request) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return fail(path, "cannot write: " + file.errorString());
  {
    QPdfWriter writer(&file);
    // The page is the figure: size in points (1/72 in) from CSS pixels (1/96 in), no margins.
    const QSizeF points(request.size.width() * 72.0 / kCssDpi, request.size.height() * 72.0 / kCssDpi);
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                     QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setResolution(qRound(kCssDpi));
    writer.setTitle(request.title.isEmpty() ? figure.figureName() : request.title);
    writer.setCreator(request.provenance.isEmpty() ? QStringLiteral("RouteScope")
                                                   : "RouteScope " + request.provenance.toJson());
    if (!request.provenance.isEmpty()) writer.setDocumentXmpMetadata(xmpPacket(request));
    QPainter painter(&writer);
    painter.setRenderHint(QPainter::Antialiasing);
    figure.paintFigure(painter, QRectF(QPointF(0, 0), QSizeF(request.size)));
  }
  if (!file.commit()) return fail(path, "cannot write: " + file.errorString());
  return {};
}

}  // namespace

QString FigureProvenance::toJson() const {
  QJsonObject object{{"run_id", run_id}, {"config_hash", config_hash}, {"command", command}};
  return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool parseFigureFormat(const QString& name, FigureFormat* format) {
  const QString lower = name.toLower();
  if (lower == "png")
    *format = FigureFormat::Png;
  else if (lower == "svg")
    *format = FigureFormat::Svg;
  else if (lower == "pdf")
    *format = FigureFormat::Pdf;
  else
    return false;
  return true;
}

bool figureFormatFromPath(const QString& path, FigureFormat* format) {
  return parseFigureFormat(QFileInfo(path).suffix(), format);
}

QString Figure::exportFigure(const QString& path, const FigureRequest& request) {
  return exportPaintedFigure(*this, path, request);
}

QString exportPaintedFigure(Figure& figure, const QString& path, const FigureRequest& request) {
  if (request.size.width() < 1 || request.size.height() < 1)
    return fail(path, "figure size must be positive");
  if (request.dpi < 10 || request.dpi > 2400) return fail(path, "DPI must be between 10 and 2400");
  switch (request.format) {
    case FigureFormat::Png:
      return exportPng(figure, path, request);
    case FigureFormat::Svg:
      return exportSvg(figure, path, request);
    case FigureFormat::Pdf:
      return exportPdf(figure, path, request);
  }
  return fail(path, "unknown format");
}

}  // namespace routescope::widgets
