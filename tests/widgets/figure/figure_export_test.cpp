// Figure export: requested pixel size and DPI, SVG that parses, PDF page = figure, provenance in
// every format's metadata; hidden Qt Charts are not blank.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <filesystem>

#include "tests/support/cli_runner.h"
#include "widgets/charts/chart_view.h"

using namespace routescope::widgets;

namespace {

class FigureExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = QString::fromStdString(routescope::testing::makeTempDir());
    chart_ = std::make_unique<ChartView>();  // never shown
    chart_->setTitle("loss");
    const int s = chart_->addSeries("train");
    for (int i = 1; i <= 100; ++i) chart_->append(s, i, 1.0 / i);
    request_.provenance = {"abc123def456", "0f0f0f0f0f0f", "routescope-cli system train-check --seed 1"};
    request_.title = "Training loss";
  }
  void TearDown() override { std::filesystem::remove_all(dir_.toStdString()); }
  QByteArray read(const QString& path) {
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
  }
  QString dir_;
  std::unique_ptr<ChartView> chart_;
  FigureRequest request_;
};

int nonWhitePixels(const QImage& image) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) count += image.pixelColor(x, y) != QColor(Qt::white);
  }
  return count;
}

}  // namespace

TEST_F(FigureExportTest, PngHasRequestedPixelsDpiAndProvenance) {
  request_.format = FigureFormat::Png;
  request_.size = QSize(600, 400);
  request_.dpi = 192;
  const QString path = dir_ + "/loss.png";
  ASSERT_EQ(chart_->exportFigure(path, request_), QString());
  QImageReader reader(path);
  const QImage image = reader.read();
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(1200, 800));
  EXPECT_NEAR(image.dotsPerMeterX() * 0.0254, 192.0, 0.5);
  const auto provenance = QJsonDocument::fromJson(image.text("RouteScope-Provenance").toUtf8()).object();
  EXPECT_EQ(provenance["run_id"].toString(), "abc123def456");
  EXPECT_EQ(provenance["command"].toString(), "routescope-cli system train-check --seed 1");
  // A hidden chart must not export blank (Qt Charts needs the resize first).
  EXPECT_GT(nonWhitePixels(image), 5000);
}

TEST_F(FigureExportTest, SvgParsesAndCarriesMetadata) {
  request_.format = FigureFormat::Svg;
  request_.size = QSize(640, 480);
  const QString path = dir_ + "/loss.svg";
  ASSERT_EQ(chart_->exportFigure(path, request_), QString());
  QXmlStreamReader xml(read(path));
  QString metadata, width, height, view_box;
  int paths = 0;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement() && xml.name() == u"svg") {
      width = xml.attributes().value("width").toString();
      height = xml.attributes().value("height").toString();
      view_box = xml.attributes().value("viewBox").toString();
    }
    if (xml.isStartElement() && xml.name() == u"metadata") metadata = xml.readElementText();
    if (xml.isStartElement() && (xml.name() == u"path" || xml.name() == u"polyline")) ++paths;
  }
  ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  // The figure's size in physical units (640 px and 480 px at 96 dpi) over a 640×480 user space.
  EXPECT_EQ(width, QString::number(640 / 96.0 * 25.4, 'f', 3) + "mm");
  EXPECT_EQ(height, QString::number(480 / 96.0 * 25.4) + "mm");
  EXPECT_EQ(view_box, "0 0 640 480");
  EXPECT_EQ(QJsonDocument::fromJson(metadata.toUtf8()).object()["config_hash"].toString(), "0f0f0f0f0f0f");
  EXPECT_GT(paths, 3);  // vector content, not an embedded bitmap
}

TEST_F(FigureExportTest, PdfPageEqualsTheFigureAndCarriesProvenance) {
  request_.format = FigureFormat::Pdf;
  request_.size = QSize(600, 400);  // 6.25 x 4.17 in = 450 x 300 pt
  const QString path = dir_ + "/loss.pdf";
  ASSERT_EQ(chart_->exportFigure(path, request_), QString());
  const QByteArray pdf = read(path);
  ASSERT_TRUE(pdf.startsWith("%PDF"));
  const QRegularExpression media("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]");
  const auto match = media.match(QString::fromLatin1(pdf));
  ASSERT_TRUE(match.hasMatch());
  EXPECT_NEAR(match.captured(1).toDouble(), 450.0, 0.5);
  EXPECT_NEAR(match.captured(2).toDouble(), 300.0, 0.5);
  EXPECT_TRUE(pdf.contains("abc123def456")) << "provenance missing from the PDF metadata";
}

TEST_F(FigureExportTest, BadRequestsGiveOneLineErrors) {
  request_.size = QSize(0, 10);
  EXPECT_EQ(chart_->exportFigure(dir_ + "/x.png", request_), dir_ + "/x.png: figure size must be positive");
  request_.size = QSize(100, 100);
  EXPECT_TRUE(chart_->exportFigure("/nonexistent/dir/x.png", request_)
                  .startsWith("/nonexistent/dir/x.png: cannot write"));
  FigureFormat format;
  EXPECT_TRUE(figureFormatFromPath("a/b.PDF", &format));
  EXPECT_EQ(format, FigureFormat::Pdf);
  EXPECT_FALSE(parseFigureFormat("jpeg", &format));
}
