#include "widgets/report/report_writer.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QUrl>
#include <functional>

namespace routescope::widgets {
namespace {

QString esc(const QString& text) {
  return text.toHtmlEscaped();
}

// Renders a figure through its own exporter (so VTK views work too) into a temporary file.
QByteArray renderedFigure(const ReportFigure& item, FigureFormat format, int dpi,
                          const FigureProvenance& provenance, QString* error) {
  QTemporaryDir dir;
  const QString path = dir.filePath(format == FigureFormat::Svg ? "figure.svg" : "figure.png");
  FigureRequest request;
  request.format = format;
  request.size = item.size;
  request.dpi = dpi;
  request.title = item.caption;
  request.provenance = provenance;
  *error = item.figure->exportFigure(path, request);
  QFile file(path);
  if (!error->isEmpty() || !file.open(QIODevice::ReadOnly)) return {};
  return file.readAll();
}

QString tableHtml(const ReportTable& table) {
  QString html = "<table>";
  if (!table.caption.isEmpty()) html += "<caption>" + esc(table.caption) + "</caption>";
  html += "<tr>";
  for (const auto& h : table.header) html += "<th>" + esc(h) + "</th>";
  html += "</tr>";
  for (const auto& row : table.rows) {
    html += "<tr>";
    for (const auto& cell : row) html += "<td>" + esc(cell) + "</td>";
    html += "</tr>";
  }
  return html + "</table>\n";
}

// The body shared by HTML and PDF; `figure_html` produces each figure's markup.
QString bodyHtml(const Report& report, const std::function<QString(const ReportFigure&, int)>& figure_html) {
  QString html = "<h1>" + esc(report.title) + "</h1>\n";
  if (!report.subtitle.isEmpty()) html += "<p class=\"subtitle\">" + esc(report.subtitle) + "</p>\n";
  int figure_number = 0;
  for (const auto& section : report.sections) {
    html += "<h2>" + esc(section.heading) + "</h2>\n";
    for (const auto& p : section.paragraphs) html += "<p>" + esc(p) + "</p>\n";
    if (!section.key_values.isEmpty()) {
      html += "<table class=\"kv\">";
      for (const auto& [key, value] : section.key_values) {
        html += "<tr><th>" + esc(key) + "</th><td>" + esc(value) + "</td></tr>";
      }
      html += "</table>\n";
    }
    for (const auto& table : section.tables) html += tableHtml(table);
    for (const auto& figure : section.figures) html += figure_html(figure, ++figure_number);
  }
  return html;
}

constexpr const char* kStyle =
    "body{font-family:'DejaVu Sans',sans-serif;max-width:1000px;margin:2em auto;color:#222}"
    "table{border-collapse:collapse;margin:0.8em 0}th,td{border:1px solid #bbb;padding:3px 8px;"
    "text-align:left;font-size:90%}th{background:#eee}caption{font-weight:bold;text-align:left}"
    "figure{margin:1em 0}figcaption{font-size:90%;color:#555}.subtitle{color:#555}";

}  // namespace

QString writeHtmlReport(const Report& report, const QString& path) {
  QString error;
  const QString body = bodyHtml(report, [&](const ReportFigure& figure, int number) -> QString {
    QString figure_error;
    const QByteArray svg = renderedFigure(figure, FigureFormat::Svg, 96, report.provenance, &figure_error);
    if (!figure_error.isEmpty()) {
      if (error.isEmpty()) error = figure_error;
      return {};
    }
    // Embedded as data URL: the report is one file and the SVG keeps its own metadata.
    return QStringLiteral(
               "<figure id=\"figure-%1\" data-figure=\"%2\"><img alt=\"%3\" "
               "src=\"data:image/svg+xml;base64,%4\"/>"
               "<figcaption>Figure %1. %3</figcaption></figure>\n")
        .arg(number)
        .arg(esc(figure.figure->figureName()), esc(figure.caption), QString::fromLatin1(svg.toBase64()));
  });
  if (!error.isEmpty()) return error;
  const QString html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(report.title) +
                       "</title>\n<meta name=\"generator\" content=\"RouteScope\">\n"
                       "<meta name=\"routescope-provenance\" content=\"" +
                       esc(report.provenance.toJson()) + "\">\n<style>" + kStyle + "</style></head><body>\n" +
                       body + "</body></html>\n";
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return path + ": cannot write: " + file.errorString();
  file.write(html.toUtf8());
  if (!file.commit()) return path + ": cannot write: " + file.errorString();
  return {};
}

QString writePdfReport(const Report& report, const QString& path) {
  QTextDocument document;
  QString error;
  const QString body = bodyHtml(report, [&](const ReportFigure& figure, int number) -> QString {
    QString figure_error;
    const QByteArray png = renderedFigure(figure, FigureFormat::Png, 192, report.provenance, &figure_error);
    if (!figure_error.isEmpty()) {
      if (error.isEmpty()) error = figure_error;
      return {};
    }
    const QString name = QStringLiteral("figure%1.png").arg(number);
    document.addResource(QTextDocument::ImageResource, QUrl(name), QImage::fromData(png, "PNG"));
    // A4 text width is about 180 mm = 680 px at 96 dpi; figures are scaled to it.
    return QStringLiteral("<p><img src=\"%1\" width=\"640\"/><br/><i>Figure %2. %3</i></p>")
        .arg(name)
        .arg(number)
        .arg(esc(figure.caption));
  });
  if (!error.isEmpty()) return error;
  document.setDefaultStyleSheet(
      "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:2px 6px}"
      "th{background:#eee}");
  document.setHtml(body);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return path + ": cannot write: " + file.errorString();
  {
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(report.title);
    writer.setCreator("RouteScope " + report.provenance.toJson());
    document.print(&writer);
  }
  if (!file.commit()) return path + ": cannot write: " + file.errorString();
  return {};
}

QString writeReport(const Report& report, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == "html" || suffix == "htm") return writeHtmlReport(report, path);
  if (suffix == "pdf") return writePdfReport(report, path);
  return path + ": report must end in .html or .pdf";
}

}  // namespace routescope::widgets
