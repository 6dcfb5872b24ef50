#pragma once
// Figures of the MoE views also export the numbers they draw as CSV, so a user can re-plot them
// elsewhere. The widgets' Figure interface knows PNG/SVG/PDF only; this is the study-side add-on.

#include <QString>

#include "widgets/figure/figure.h"

namespace routescope::plugins::moe {

class CsvFigure {
 public:
  virtual ~CsvFigure() = default;
  // The figure's data, one header line then one line per row, comma-separated, '\n' endings.
  virtual QString toCsv() const = 0;
};

// Writes `figure`'s CSV to `path`; a one-line error naming the file or the figure, else empty.
QString exportFigureCsv(widgets::Figure& figure, const QString& path);
// Exports by suffix: .csv as data, .png/.svg/.pdf through Figure::exportFigure at `size`.
QString exportFigureFile(widgets::Figure& figure, const QString& path, QSize size = {});

// A CSV field, quoted when it holds a comma, quote or line break.
QString csvField(const QString& text);

}  // namespace routescope::plugins::moe
