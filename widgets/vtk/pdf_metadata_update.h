#pragma once
// Finishes a GL2PS PDF without re-writing it: provenance metadata and the page size.
//
// GL2PS writes the PDF itself and has no hook for document metadata, so everything goes in through
// a PDF incremental update (ISO 32000-1, 7.5.6): new objects and a new trailer are appended after
// %%EOF and the original bytes stay untouched. The update adds an Info dictionary (title, creator,
// provenance) and an XMP metadata stream referenced from a re-issued Catalog. GL2PS also makes the
// page one point per viewport pixel; the update can re-issue the page at another size, its content
// scaled by a `cm` operator in streams placed before and after the original content.

#include <QByteArray>
#include <QSizeF>
#include <QString>

#include "widgets/figure/figure.h"

namespace routescope::widgets {

struct PdfUpdate {
  QString title;
  FigureProvenance provenance;
  // When valid: the new MediaBox size in points (the content is scaled to fill it).
  QSizeF page_points;
};

// Returns `pdf` with the update appended, or an empty array and `error` set when the file's
// structure is not understood (only classic cross-reference tables, which GL2PS writes).
QByteArray appendPdfUpdate(const QByteArray& pdf, const PdfUpdate& update, QString* error);

// A PDF text string: a literal "(...)" for printable ASCII, else UTF-16BE hex with a byte order mark.
QByteArray pdfTextString(const QString& text);

}  // namespace routescope::widgets
