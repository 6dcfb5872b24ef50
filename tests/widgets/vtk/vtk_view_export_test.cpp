// VtkView export: re-rendered PNG/SVG/PDF at the requested size with the provenance embedded.
#include <gtest/gtest.h>
#include <vtkActor.h>

#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <memory>

#include "red_sphere_scene.h"

namespace routescope::widgets::testing {
namespace {

FigureProvenance sampleProvenance() {
  return {QStringLiteral("run-42"), QStringLiteral("cfg-9f1c"),
          QStringLiteral("routescope-cli traffic assign --seed 7")};
}

FigureRequest request(FigureFormat format, QSize size, int dpi = 96) {
  FigureRequest r;
  r.format = format;
  r.size = size;
  r.dpi = dpi;
  r.title = QStringLiteral("Sphere");
  r.provenance = sampleProvenance();
  return r;
}

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class VtkViewExport : public ::testing::Test {
 protected:
  void SetUp() override {
    QString reason;
    if (!canRender(&reason)) GTEST_SKIP() << reason.toStdString();
    ASSERT_TRUE(folder_.isValid());
    view_ = std::make_unique<VtkView>();
    view_->resize(320, 240);
    addRedSphere(*view_);
  }
  QString path(const QString& name) const { return folder_.filePath(name); }

  QTemporaryDir folder_;
  std::unique_ptr<VtkView> view_;
};

TEST_F(VtkViewExport, SnapshotRendersAtAnySizeWithoutBeingShown) {
  // Never shown, and a different aspect ratio from the widget: a re-render, not a screen grab.
  const QImage wide = view_->snapshot(QSize(500, 180));
  ASSERT_FALSE(wide.isNull()) << view_->lastError().toStdString();
  EXPECT_EQ(wide.size(), QSize(500, 180));
  EXPECT_TRUE(isRed(centrePixel(wide))) << describe(centrePixel(wide)).toStdString();
  EXPECT_TRUE(isBlack(cornerPixel(wide)));
  // Near the left edge at mid height is background for a wide image (the sphere fits the height).
  EXPECT_TRUE(isBlack(wide.pixel(10, 90)));
}

TEST_F(VtkViewExport, SnapshotLargerThanOnePassIsTiled) {
  ASSERT_TRUE(showAndWait(*view_));
  const QImage big = view_->snapshot(QSize(9000, 300));
  ASSERT_FALSE(big.isNull()) << view_->lastError().toStdString();
  EXPECT_EQ(big.size(), QSize(9000, 300));
  EXPECT_TRUE(isRed(centrePixel(big))) << describe(centrePixel(big)).toStdString();
  EXPECT_TRUE(isBlack(cornerPixel(big)));
  // The widget still renders at its own size afterwards.
  EXPECT_EQ(view_->grabFramebuffer().size(), view_->size() * view_->devicePixelRatio());
  EXPECT_TRUE(isRed(centrePixel(view_->grabFramebuffer())));
}

TEST_F(VtkViewExport, PaintFigureDrawsTheSceneAtTheTargetResolution) {
  QImage canvas(QSize(400, 300), QImage::Format_ARGB32_Premultiplied);
  canvas.fill(Qt::white);
  {
    QPainter painter(&canvas);
    painter.scale(2.0, 2.0);  // like a 192-DPI PNG export: the figure must fill the scaled rect
    view_->paintFigure(painter, QRectF(0, 0, 200, 150));
  }
  EXPECT_TRUE(view_->lastError().isEmpty()) << view_->lastError().toStdString();
  EXPECT_TRUE(isRed(centrePixel(canvas))) << describe(centrePixel(canvas)).toStdString();
  EXPECT_TRUE(isBlack(cornerPixel(canvas)));
  EXPECT_TRUE(isBlack(canvas.pixel(397, 297)));
}

TEST_F(VtkViewExport, PngHasRequestedPixelsAndProvenance) {
  const QString file = path("sphere.png");
  ASSERT_EQ(view_->exportFigure(file, request(FigureFormat::Png, QSize(300, 200), 192)), QString());
  QImageReader reader(file);
  EXPECT_EQ(reader.size(), QSize(600, 400));
  EXPECT_EQ(reader.text("RouteScope-Provenance"), sampleProvenance().toJson());
  EXPECT_EQ(reader.text("Title"), QStringLiteral("Sphere"));
  const QImage image = reader.read();
  ASSERT_FALSE(image.isNull());
  EXPECT_TRUE(isRed(centrePixel(image))) << describe(centrePixel(image)).toStdString();
  EXPECT_TRUE(isBlack(cornerPixel(image)));
  EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 192.0, 0.5);
  // The tEXt chunk itself, as other tools read it.
  EXPECT_TRUE(readAll(file).contains("tEXtRouteScope-Provenance"));
}

TEST_F(VtkViewExport, SvgParsesAndCarriesProvenanceMetadata) {
  const QString file = path("sphere.svg");
  ASSERT_EQ(view_->exportFigure(file, request(FigureFormat::Svg, QSize(360, 240))), QString());
  const QByteArray svg = readAll(file);
  QXmlStreamReader xml(svg);
  QString root_width;
  QString root_height;
  QString first_child;
  QString metadata_id;
  QString metadata_text;
  int depth = 0;
  int images = 0;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      ++depth;
      const QString name = xml.name().toString();
      if (depth == 1) {
        EXPECT_EQ(name, QStringLiteral("svg"));
        root_width = xml.attributes().value("width").toString();
        root_height = xml.attributes().value("height").toString();
      } else if (depth == 2 && first_child.isEmpty()) {
        first_child = name;
        if (name == QStringLiteral("metadata")) {
          metadata_id = xml.attributes().value("id").toString();
          metadata_text = xml.readElementText();
          --depth;
        }
      }
      if (name == QStringLiteral("image")) ++images;
    } else if (xml.isEndElement()) {
      --depth;
    }
  }
  ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  EXPECT_EQ(root_width, QStringLiteral("360"));
  EXPECT_EQ(root_height, QStringLiteral("240"));
  EXPECT_EQ(first_child, QStringLiteral("metadata"));
  EXPECT_EQ(metadata_id, QStringLiteral("routescope-provenance"));
  EXPECT_EQ(metadata_text, sampleProvenance().toJson());
  EXPECT_EQ(images, 1) << "expected the embedded snapshot";

  // Rendered by Qt's SVG renderer, the sphere is red in the middle on black.
  QSvgRenderer renderer(svg);
  ASSERT_TRUE(renderer.isValid());
  QImage raster(360, 240, QImage::Format_RGB32);
  raster.fill(Qt::white);
  QPainter painter(&raster);
  renderer.render(&painter);
  painter.end();
  EXPECT_TRUE(isRed(centrePixel(raster))) << describe(centrePixel(raster)).toStdString();
  EXPECT_TRUE(isBlack(cornerPixel(raster))) << describe(cornerPixel(raster)).toStdString();
}

TEST_F(VtkViewExport, PdfPageIsTheFigureSizeInPointsAndCarriesProvenance) {
  const QString file = path("sphere.pdf");
  // 400 x 300 CSS px = 300 x 225 pt.
  ASSERT_EQ(view_->exportFigure(file, request(FigureFormat::Pdf, QSize(400, 300))), QString());
  const QByteArray pdf = readAll(file);
  ASSERT_TRUE(pdf.startsWith("%PDF-"));
  const QRegularExpression media_box(R"(/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\])");
  // The last MediaBox is the one in force: the incremental update re-issues the page.
  QRegularExpressionMatch match;
  for (auto it = media_box.globalMatch(QString::fromLatin1(pdf)); it.hasNext();) match = it.next();
  ASSERT_TRUE(match.hasMatch());
  EXPECT_DOUBLE_EQ(match.captured(1).toDouble(), 300.0);
  EXPECT_DOUBLE_EQ(match.captured(2).toDouble(), 225.0);
  EXPECT_TRUE(pdf.contains("/RouteScopeProvenance (" + sampleProvenance().toJson().toLatin1() + ')'));
  EXPECT_TRUE(pdf.contains("/Type /Metadata"));
  EXPECT_TRUE(pdf.contains("/Subtype /Image")) << "GL2PS puts the 3D scene in as a raster";
  EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
}

TEST_F(VtkViewExport, RejectsBadRequestsWithOneLineErrors) {
  const QString file = path("bad.png");
  const QString too_small = view_->exportFigure(file, request(FigureFormat::Png, QSize(0, 10)));
  EXPECT_TRUE(too_small.startsWith(file)) << too_small.toStdString();
  EXPECT_FALSE(too_small.contains('\n'));
  EXPECT_FALSE(view_->exportFigure(file, request(FigureFormat::Png, QSize(10, 10), 5)).isEmpty());
  EXPECT_FALSE(
      view_->exportFigure(path("missing/dir/x.svg"), request(FigureFormat::Svg, QSize(50, 50))).isEmpty());
}

}  // namespace
}  // namespace routescope::widgets::testing
