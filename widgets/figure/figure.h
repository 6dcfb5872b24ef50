#pragma once
// The one interface every exportable view implements. Figures are re-rendered at the requested
// size (never grabbed from the screen), so an exported PNG, SVG or PDF is as sharp as the device
// allows and independent of the window's current size.

#include <QRectF>
#include <QSize>
#include <QString>

class QPainter;

namespace routescope::widgets {

// Where a figure came from; embedded in every exported file (PNG text chunk, SVG <metadata>,
// PDF XMP and info dictionary).
struct FigureProvenance {
  QString run_id;
  QString config_hash;
  QString command;  // the routescope-cli command that recreates the run
  QString toJson() const;
  bool isEmpty() const { return run_id.isEmpty() && config_hash.isEmpty() && command.isEmpty(); }
};

enum class FigureFormat { Png, Svg, Pdf };
// "png" / "svg" / "pdf" (case-insensitive); false for anything else.
bool parseFigureFormat(const QString& name, FigureFormat* format);
// From a file name's suffix.
bool figureFormatFromPath(const QString& path, FigureFormat* format);

struct FigureRequest {
  FigureFormat format = FigureFormat::Png;
  // Logical size in CSS pixels (1/96 inch). PNG: pixels = size * dpi / 96; SVG: width/height in px;
  // PDF: the page is exactly this size (size / 96 inches).
  QSize size{1200, 800};
  int dpi = 96;
  QString title;
  FigureProvenance provenance;
};

class Figure {
 public:
  virtual ~Figure() = default;
  // Stable name used by `routescope-cli export --figure NAME` and in file names.
  virtual QString figureName() const = 0;
  virtual QSize preferredFigureSize() const { return {1200, 800}; }
  // Paints the whole figure into `target` (logical pixels). Called for raster and vector devices,
  // so it must not depend on the widget being visible.
  virtual void paintFigure(QPainter& painter, const QRectF& target) = 0;
  // Writes the figure to `path`. The default renders paintFigure() to PNG/SVG/PDF with the
  // provenance embedded; views that cannot paint into a QPainter (VTK) override it.
  // Returns an empty string on success, else a one-line error naming the file.
  virtual QString exportFigure(const QString& path, const FigureRequest& request);
};

// Renders `figure` through paintFigure() into the requested format (the default export).
QString exportPaintedFigure(Figure& figure, const QString& path, const FigureRequest& request);

}  // namespace routescope::widgets
