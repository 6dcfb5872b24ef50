#pragma once
// A report as plain content: sections of paragraphs, key/value lists, tables and figures. Knows
// nothing of studies; plugins and the app fill it, ReportWriter turns it into HTML or PDF.

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "widgets/figure/figure.h"

namespace routescope::widgets {

struct ReportTable {
  QString caption;
  QStringList header;
  QList<QStringList> rows;
};

struct ReportFigure {
  std::shared_ptr<Figure> figure;
  QString caption;
  QSize size{960, 600};
};

struct ReportSection {
  QString heading;
  QStringList paragraphs;                     // plain text, escaped on output
  QList<QPair<QString, QString>> key_values;  // e.g. seed, device, provenance entries
  QList<ReportTable> tables;
  QList<ReportFigure> figures;
};

struct Report {
  QString title;
  QString subtitle;
  FigureProvenance provenance;  // embedded in figures and the document metadata
  QList<ReportSection> sections;
};

}  // namespace routescope::widgets
