#pragma once
// Writes a Report as a self-contained HTML file (figures embedded as SVG, so they stay vector and
// the file needs nothing beside it) or as a PDF through Qt's printing (QTextDocument on
// QPdfWriter, figures as high-resolution images).

#include <QString>

#include "widgets/report/report.h"

namespace routescope::widgets {

// Both return an empty string on success, else a one-line error naming the file.
QString writeHtmlReport(const Report& report, const QString& path);
QString writePdfReport(const Report& report, const QString& path);
// Chooses by suffix (.html/.htm or .pdf).
QString writeReport(const Report& report, const QString& path);

}  // namespace routescope::widgets
