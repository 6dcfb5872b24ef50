// The PDF incremental update on a minimal hand-written PDF (no display needed).
#include "widgets/vtk/pdf_metadata_update.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

#include "widgets/figure/figure.h"

namespace routescope::widgets {
namespace {

// A one-page PDF with a correct classic xref table, built with real offsets.
QByteArray minimalPdf() {
  QByteArray pdf = "%PDF-1.4\n";
  QList<qsizetype> offsets;
  const QList<QByteArray> objects = {
      "1 0 obj\n<<\n/Type /Catalog\n/Pages 2 0 R\n>>\nendobj\n",
      "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 225] /Contents 4 0 R >>\nendobj\n",
      "4 0 obj\n<< /Length 8 >>\nstream\n0 0 m S\n\nendstream\nendobj\n"};
  for (const QByteArray& object : objects) {
    offsets << pdf.size();
    pdf += object;
  }
  const qsizetype xref = pdf.size();
  pdf += "xref\n0 5\n0000000000 65535 f \n";
  for (qsizetype offset : offsets) pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
  pdf += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(PdfMetadata, AppendsInfoXmpAndATrailerThatPointsBack) {
  const QByteArray original = minimalPdf();
  FigureProvenance provenance{"run-1", "abc", "routescope-cli x (y)"};
  QString error;
  const QByteArray updated = appendPdfUpdate(original, {"Title", provenance, QSizeF()}, &error);
  ASSERT_FALSE(updated.isEmpty()) << error.toStdString();
  EXPECT_TRUE(updated.startsWith(original)) << "an incremental update never rewrites bytes";
  const QByteArray tail = updated.mid(original.size());
  // Parentheses in the JSON are escaped in the PDF literal string.
  EXPECT_TRUE(tail.contains("routescope-cli x \\(y\\)"));
  EXPECT_TRUE(tail.contains("/Info 5 0 R"));
  EXPECT_TRUE(tail.contains("/Prev " + QByteArray::number(original.indexOf("xref"))));
  EXPECT_TRUE(tail.contains("/Size 7"));
  EXPECT_TRUE(tail.contains("/Metadata 6 0 R"));
  // Every xref entry points at the object it names.
  const QRegularExpression section(
      R"(xref\n(\d+) 1\n(\d{10}) 00000 n \n(\d+) 2\n(\d{10}) 00000 n \n(\d{10}))");
  const auto match = section.match(QString::fromLatin1(tail));
  ASSERT_TRUE(match.hasMatch());
  EXPECT_TRUE(updated.mid(match.captured(2).toLongLong()).startsWith("1 0 obj"));
  EXPECT_TRUE(updated.mid(match.captured(4).toLongLong()).startsWith("5 0 obj"));
  EXPECT_TRUE(updated.mid(match.captured(5).toLongLong()).startsWith("6 0 obj"));
  const auto start = QRegularExpression(R"(startxref\n(\d+)\n%%EOF\n$)").match(QString::fromLatin1(tail));
  ASSERT_TRUE(start.hasMatch());
  EXPECT_TRUE(updated.mid(start.captured(1).toLongLong()).startsWith("xref"));
}

TEST(PdfMetadata, ReissuesThePageAtTheRequestedSizeWithScaledContent) {
  QString error;
  const QByteArray original = minimalPdf();
  const QByteArray updated = appendPdfUpdate(original, {"T", {}, QSizeF(225, 168.75)}, &error);
  ASSERT_FALSE(updated.isEmpty()) << error.toStdString();
  const QByteArray tail = updated.mid(original.size());
  EXPECT_TRUE(tail.contains("3 0 obj")) << "the page is re-issued under its own number";
  EXPECT_TRUE(tail.contains("/MediaBox [0 0 225 168.75]"));
  EXPECT_TRUE(tail.contains("/Contents [7 0 R 4 0 R 8 0 R]")) << tail.toStdString();
  EXPECT_TRUE(tail.contains("q 0.7500 0 0 0.7500 0.0000 0.0000 cm"));
  EXPECT_TRUE(tail.contains("/Size 9"));
}

TEST(PdfMetadata, RejectsFilesWithoutAClassicTrailer) {
  QString error;
  EXPECT_TRUE(appendPdfUpdate("%PDF-1.5\nno trailer here", {}, &error).isEmpty());
  EXPECT_FALSE(error.isEmpty());
}

TEST(PdfMetadata, NonAsciiTextBecomesUtf16Hex) {
  EXPECT_EQ(pdfTextString("a(b)"), QByteArray("(a\\(b\\))"));
  EXPECT_EQ(pdfTextString(QString::fromUtf8("é")), QByteArray("<feff00e9>"));
}

}  // namespace
}  // namespace routescope::widgets
