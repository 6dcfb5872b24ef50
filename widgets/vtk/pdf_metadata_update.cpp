#include "widgets/vtk/pdf_metadata_update.h"

#include <QRegularExpression>
#include <map>

namespace routescope::widgets {
namespace {

struct Trailer {
  long long start_xref = -1;
  int size = 0;
  int root_number = -1;
  int root_generation = 0;
};

struct PdfObject {
  int number = -1;
  int generation = 0;
  QString dictionary;  // "<< ... >>"
};

bool readTrailer(const QByteArray& pdf, Trailer* trailer) {
  const qsizetype start_xref_at = pdf.lastIndexOf("startxref");
  const qsizetype trailer_at = pdf.lastIndexOf("trailer");
  if (start_xref_at < 0 || trailer_at < 0 || trailer_at > start_xref_at) return false;
  const QString tail = QString::fromLatin1(pdf.mid(trailer_at));
  const QRegularExpressionMatch offset = QRegularExpression(R"(startxref\s+(\d+))").match(tail);
  const QRegularExpressionMatch size = QRegularExpression(R"(/Size\s+(\d+))").match(tail);
  const QRegularExpressionMatch root = QRegularExpression(R"(/Root\s+(\d+)\s+(\d+)\s+R)").match(tail);
  if (!offset.hasMatch() || !size.hasMatch() || !root.hasMatch()) return false;
  trailer->start_xref = offset.captured(1).toLongLong();
  trailer->size = size.captured(1).toInt();
  trailer->root_number = root.captured(1).toInt();
  trailer->root_generation = root.captured(2).toInt();
  return trailer->size > 0;
}

// The last definition of each object wins, as in a reader. `wanted` picks by number (>= 0) or, with
// -1, the first dictionary matching `content`.
PdfObject findObject(const QString& text, int wanted, const QRegularExpression& content) {
  static const QRegularExpression header(R"((?:^|[\r\n ])(\d+)\s+(\d+)\s+obj\b)");
  PdfObject found;
  for (auto it = header.globalMatch(text); it.hasNext();) {
    const QRegularExpressionMatch match = it.next();
    const int number = match.captured(1).toInt();
    if (wanted >= 0 && number != wanted) continue;
    const qsizetype end = text.indexOf(QLatin1String("endobj"), match.capturedEnd());
    const qsizetype open = text.indexOf(QLatin1String("<<"), match.capturedEnd());
    if (end < 0 || open < 0 || open > end) continue;
    const qsizetype stream = text.indexOf(QLatin1String("stream"), open);
    const qsizetype body_end = stream >= 0 && stream < end ? stream : end;
    const qsizetype close = text.lastIndexOf(QLatin1String(">>"), body_end);
    if (close < open) continue;
    const QString dictionary = text.mid(open, close + 2 - open);
    if (wanted < 0 && !content.match(dictionary).hasMatch()) continue;
    found = {number, match.captured(2).toInt(), dictionary};
    if (wanted < 0) break;
  }
  return found;
}

QByteArray xmpPacket(const QString& title, const FigureProvenance& provenance) {
  return QStringLiteral(
             "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
             "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
             "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
             "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
             "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>"
             "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%2</rdf:li></rdf:Alt>"
             "</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
      .arg(title.toHtmlEscaped(), provenance.toJson().toHtmlEscaped())
      .toUtf8();
}

QByteArray number(double value) {
  return QByteArray::number(value, 'f', 4);
}

QByteArray streamObject(int object, const QByteArray& data, const QByteArray& extra_keys = {}) {
  return QByteArray::number(object) + " 0 obj\n<< " + extra_keys + "/Length " +
         QByteArray::number(data.size()) + " >>\nstream\n" + data + "\nendstream\nendobj\n";
}

// Re-issues the page with the new MediaBox and its content wrapped in "q <scale> cm ... Q".
bool rescaledPage(const PdfObject& page, const QSizeF& points, int prefix_object, int suffix_object,
                  QByteArray* dictionary, QByteArray* prefix) {
  QString text = page.dictionary;
  static const QRegularExpression media_box(
      R"(/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\])");
  const QRegularExpressionMatch box = media_box.match(text);
  if (!box.hasMatch()) return false;
  const double width = box.captured(3).toDouble() - box.captured(1).toDouble();
  const double height = box.captured(4).toDouble() - box.captured(2).toDouble();
  if (width <= 0 || height <= 0) return false;
  text.replace(box.capturedStart(), box.capturedLength(),
               QStringLiteral("/MediaBox [0 0 %1 %2]").arg(points.width()).arg(points.height()));
  const QString before = QStringLiteral("%1 0 R ").arg(prefix_object);
  const QString after = QStringLiteral(" %1 0 R").arg(suffix_object);
  static const QRegularExpression single(R"(/Contents\s+(\d+\s+\d+\s+R))");
  static const QRegularExpression array(R"(/Contents\s*\[([^\]]*)\])");
  if (const auto match = single.match(text); match.hasMatch()) {
    text.replace(match.capturedStart(), match.capturedLength(),
                 "/Contents [" + before + match.captured(1) + after + ']');
  } else if (const auto list = array.match(text); list.hasMatch()) {
    text.replace(list.capturedStart(), list.capturedLength(),
                 "/Contents [" + before + list.captured(1).trimmed() + after + ']');
  } else {
    return false;
  }
  *dictionary = text.toLatin1();
  *prefix = "q " + number(points.width() / width) + " 0 0 " + number(points.height() / height) + " " +
            number(-box.captured(1).toDouble() * points.width() / width) + " " +
            number(-box.captured(2).toDouble() * points.height() / height) + " cm";
  return true;
}

QByteArray xrefEntry(qsizetype offset, int generation) {
  // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, 'n', two-byte EOL.
  return QByteArray::number(offset).rightJustified(10, '0') + ' ' +
         QByteArray::number(generation).rightJustified(5, '0') + " n \n";
}

// Contiguous runs of object numbers become one xref subsection each.
QByteArray xrefTable(const std::map<int, std::pair<qsizetype, int>>& entries) {
  QByteArray table = "xref\n";
  for (auto it = entries.begin(); it != entries.end();) {
    auto run_end = it;
    int count = 0;
    while (run_end != entries.end() && run_end->first == it->first + count) {
      ++run_end;
      ++count;
    }
    table += QByteArray::number(it->first) + ' ' + QByteArray::number(count) + '\n';
    for (; it != run_end; ++it) table += xrefEntry(it->second.first, it->second.second);
  }
  return table;
}

}  // namespace

QByteArray pdfTextString(const QString& text) {
  bool ascii = true;
  for (QChar c : text) ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
  if (ascii) {
    QByteArray literal = text.toLatin1();
    literal.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    return '(' + literal + ')';
  }
  QByteArray utf16be("\xfe\xff", 2);
  for (QChar c : text) {
    utf16be.append(static_cast<char>(c.unicode() >> 8));
    utf16be.append(static_cast<char>(c.unicode() & 0xff));
  }
  return '<' + utf16be.toHex() + '>';
}

QByteArray appendPdfUpdate(const QByteArray& pdf, const PdfUpdate& update, QString* error) {
  Trailer trailer;
  if (!readTrailer(pdf, &trailer)) {
    *error = QStringLiteral("PDF trailer not understood (expected a classic xref table)");
    return {};
  }
  const QString text = QString::fromLatin1(pdf);
  const PdfObject catalog = findObject(text, trailer.root_number, {});
  if (catalog.number < 0) {
    *error = QStringLiteral("PDF catalog object %1 not found").arg(trailer.root_number);
    return {};
  }
  const int info_number = trailer.size;
  const int xmp_number = trailer.size + 1;
  const int prefix_number = trailer.size + 2;
  const int suffix_number = trailer.size + 3;
  int next_free = trailer.size + 2;
  std::map<int, std::pair<qsizetype, int>> xref;  // object -> (offset, generation)

  QByteArray out = pdf;
  if (!out.endsWith('\n')) out.append('\n');

  if (update.page_points.isValid()) {
    const PdfObject page = findObject(text, -1, QRegularExpression(R"(/Type\s*/Page\b)"));
    QByteArray page_dictionary;
    QByteArray prefix;
    if (page.number < 0 ||
        !rescaledPage(page, update.page_points, prefix_number, suffix_number, &page_dictionary, &prefix)) {
      *error = QStringLiteral("PDF page object not understood");
      return {};
    }
    xref[prefix_number] = {out.size(), 0};
    out += streamObject(prefix_number, prefix);
    xref[suffix_number] = {out.size(), 0};
    out += streamObject(suffix_number, "Q");
    xref[page.number] = {out.size(), page.generation};
    out += QByteArray::number(page.number) + ' ' + QByteArray::number(page.generation) + " obj\n" +
           page_dictionary + "\nendobj\n";
    next_free = suffix_number + 1;
  }

  xref[info_number] = {out.size(), 0};
  out += QByteArray::number(info_number) + " 0 obj\n<<\n/Title " + pdfTextString(update.title) +
         "\n/Creator (RouteScope)\n/Producer (VTK GL2PS export)\n/Subject " +
         pdfTextString(update.provenance.toJson()) + "\n/RouteScopeProvenance " +
         pdfTextString(update.provenance.toJson()) + "\n>>\nendobj\n";

  xref[xmp_number] = {out.size(), 0};
  out +=
      streamObject(xmp_number, xmpPacket(update.title, update.provenance), "/Type /Metadata /Subtype /XML ");

  // Re-issue the Catalog with a /Metadata entry (an existing one is replaced, not duplicated).
  QString catalog_text = catalog.dictionary;
  catalog_text.remove(QRegularExpression(R"(/Metadata\s+\d+\s+\d+\s+R)"));
  catalog_text.insert(catalog_text.size() - 2, QStringLiteral(" /Metadata %1 0 R\n").arg(xmp_number));
  xref[catalog.number] = {out.size(), catalog.generation};
  out += QByteArray::number(catalog.number) + ' ' + QByteArray::number(catalog.generation) + " obj\n" +
         catalog_text.toLatin1() + "\nendobj\n";

  const qsizetype xref_offset = out.size();
  out += xrefTable(xref);
  out += "trailer\n<< /Size " + QByteArray::number(next_free) + " /Root " +
         QByteArray::number(catalog.number) + ' ' + QByteArray::number(catalog.generation) + " R /Info " +
         QByteArray::number(info_number) + " 0 R /Prev " + QByteArray::number(trailer.start_xref) +
         " >>\nstartxref\n" + QByteArray::number(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace routescope::widgets
