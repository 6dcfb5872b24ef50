#include "plugins/moe/csv_figure.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>

namespace routescope::plugins::moe {

QString exportFigureCsv(widgets::Figure& figure, const QString& path) {
  const auto* csv = dynamic_cast<const CsvFigure*>(&figure);
  if (!csv) return QObject::tr("%1: the figure %2 has no data export").arg(path, figure.figureName());
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
    return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
  const QByteArray bytes = csv->toCsv().toUtf8();
  if (file.write(bytes) != bytes.size())
    return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
  return {};
}

QString exportFigureFile(widgets::Figure& figure, const QString& path, QSize size) {
  if (QFileInfo(path).suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0)
    return exportFigureCsv(figure, path);
  widgets::FigureRequest request;
  if (!widgets::figureFormatFromPath(path, &request.format))
    return QObject::tr("%1: unknown figure format (use .png, .svg, .pdf or .csv)").arg(path);
  request.size = size.isEmpty() ? figure.preferredFigureSize() : size;
  return figure.exportFigure(path, request);
}

QString csvField(const QString& text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
      !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
    return text;
  QString quoted = text;
  quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
  return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace routescope::plugins::moe
