// Pixel checks on rendered figures: colours at cell centres, seamless tiles, NaN, marks, labels,
// the colour bar, and export to PNG/SVG/PDF.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <cmath>
#include <memory>

#include "tests/widgets/heatmap/heatmap_test_support.h"
#include "widgets/figure/figure.h"
#include "widgets/heatmap/colormap.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::widgets {
namespace {

using testing::channelDistance;
using testing::renderFigure;
using testing::testApp;

QPointF cellCenter(const QRectF& plot, const QRectF& region, double row, double col) {
  return {plot.left() + (col + 0.5 - region.left()) * plot.width() / region.width(),
          plot.top() + (row + 0.5 - region.top()) * plot.height() / region.height()};
}

QRgb pixelAt(const QImage& image, QPointF p) {
  return image.pixel(int(p.x()), int(p.y()));
}

TEST(HeatmapColormap, PublishedEndpoints) {
  EXPECT_EQ(Colormap(ColormapKind::Viridis).entry(0), qRgb(68, 1, 84));
  EXPECT_EQ(Colormap(ColormapKind::Viridis).entry(255), qRgb(253, 231, 37));
  EXPECT_EQ(Colormap(ColormapKind::Magma).entry(0), qRgb(0, 0, 4));
  EXPECT_EQ(Colormap(ColormapKind::Magma).entry(255), qRgb(252, 253, 191));
  const Colormap diverging(ColormapKind::BlueWhiteRed);
  EXPECT_GT(qBlue(diverging.entry(0)), qRed(diverging.entry(0)));
  EXPECT_GT(qRed(diverging.entry(255)), qBlue(diverging.entry(255)));
  EXPECT_GT(qGray(diverging.entry(128)), 240);  // near white in the middle
  EXPECT_EQ(Colormap::entryIndex(0.0f, 0, 1), 0);
  EXPECT_EQ(Colormap::entryIndex(1.0f, 0, 1), 255);
  EXPECT_EQ(Colormap::entryIndex(0.5f, 0, 1), 128);
  EXPECT_EQ(Colormap::entryIndex(-3.0f, 0, 1), 0);
  EXPECT_EQ(Colormap::entryIndex(7.0f, 0, 1), 255);
}

// 4 rows × 3 columns, value k/11 for cell k: with the range fixed to [0, 1] each cell is one
// known colour-map entry.
TEST(HeatmapRender, KnownMatrixMatchesColormapAtCellCentres) {
  testApp();
  for (ColormapKind kind : {ColormapKind::Viridis, ColormapKind::Magma, ColormapKind::BlueWhiteRed}) {
    std::vector<float> values(12);
    for (int k = 0; k < 12; ++k) values[size_t(k)] = float(k) / 11.0f;
    HeatmapView view;
    view.setSource(std::make_shared<DenseHeatmapSource>(4, 3, values));
    view.setFixedRange(0, 1);
    view.setColormap(kind);
    const QImage image = renderFigure(view, {600, 400});
    const QRectF plot = view.figureLayout(QRectF(0, 0, 600, 400)).plot;
    const Colormap colormap(kind);
    for (int r = 0; r < 4; ++r) {
      for (int c = 0; c < 3; ++c) {
        const QRgb expected = colormap.entry(Colormap::entryIndex(values[size_t(r * 3 + c)], 0, 1));
        const QRgb actual = pixelAt(image, cellCenter(plot, view.visibleRegion(), r, c));
        EXPECT_LE(channelDistance(actual, expected), 2)
            << colormapName(kind).toStdString() << " cell " << r << "," << c;
      }
    }
  }
}

TEST(HeatmapRender, AutoRangeSpansDataMinMax) {
  testApp();
  HeatmapView view;
  view.setSource(std::make_shared<DenseHeatmapSource>(1, 3, std::vector<float>{-2.0f, NAN, 6.0f}));
  EXPECT_TRUE(view.isAutoRange());
  EXPECT_FLOAT_EQ(view.colorRange().min, -2.0f);
  EXPECT_FLOAT_EQ(view.colorRange().max, 6.0f);
  const QImage image = renderFigure(view, {500, 300});
  const QRectF plot = view.figureLayout(QRectF(0, 0, 500, 300)).plot;
  const Colormap viridis(ColormapKind::Viridis);
  EXPECT_LE(channelDistance(pixelAt(image, cellCenter(plot, view.visibleRegion(), 0, 0)), viridis.entry(0)),
            2);
  EXPECT_LE(channelDistance(pixelAt(image, cellCenter(plot, view.visibleRegion(), 0, 2)), viridis.entry(255)),
            2);
}

// A matrix that is not a multiple of the tile size, with 16-cell tiles, zoomed and panned by a
// fraction of a cell: along lines through cell centres, every pixel away from a cell edge has its
// cell's colour, so tile seams add no gaps or lines.
TEST(HeatmapRender, TileSeamsAreInvisible) {
  testApp();
  const int rows = 45, cols = 37;
  std::vector<float> values(size_t(rows * cols));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) values[size_t(r * cols + c)] = float((r * 7 + c * 13) % 97) / 96.0f;
  HeatmapView view;
  view.setSource(std::make_shared<DenseHeatmapSource>(rows, cols, values));
  view.setFixedRange(0, 1);
  view.setTileSize(16);
  const Colormap viridis(ColormapKind::Viridis);
  auto expected = [&](int r, int c) {
    return viridis.entry(Colormap::entryIndex(values[size_t(r * cols + c)], 0, 1));
  };

  for (const QRectF region : {QRectF(0, 0, cols, rows), QRectF(10.3, 9.6, 20, 25)}) {
    view.setVisibleRegion(region);
    const QSize size(900, 900);
    const QImage image = renderFigure(view, size);
    const QRectF plot = view.figureLayout(QRectF(QPointF(0, 0), QSizeF(size))).plot;
    const double ppc = plot.width() / region.width(), ppr = plot.height() / region.height();
    ASSERT_GT(ppc, 8);
    ASSERT_GT(ppr, 8);
    int checked = 0;
    // Horizontal scan lines through each visible row's centre, crossing the column seams at 16, 32.
    for (int r = int(std::ceil(region.top())); r + 1 <= region.bottom(); ++r) {
      const int y = int(cellCenter(plot, region, r, 0).y());
      for (int x = int(plot.left()) + 2; x < int(plot.right()) - 2; ++x) {
        const double col = region.left() + (x + 0.5 - plot.left()) / ppc;
        if (std::abs(col - std::round(col)) * ppc < 1.5) continue;  // on a cell edge
        ASSERT_LE(channelDistance(image.pixel(x, y), expected(r, int(col))), 2) << "row " << r << " x " << x;
        ++checked;
      }
    }
    // Vertical scan lines crossing the row seams.
    for (int c = int(std::ceil(region.left())); c + 1 <= region.right(); ++c) {
      const int x = int(cellCenter(plot, region, 0, c).x());
      for (int y = int(plot.top()) + 2; y < int(plot.bottom()) - 2; ++y) {
        const double row = region.top() + (y + 0.5 - plot.top()) / ppr;
        if (std::abs(row - std::round(row)) * ppr < 1.5) continue;
        ASSERT_LE(channelDistance(image.pixel(x, y), expected(int(row), c)), 2) << "col " << c << " y " << y;
        ++checked;
      }
    }
    EXPECT_GT(checked, 10000);
  }
}

// Zoomed out (several cells per pixel, aggregated tiles of a level > 0) the plot is still filled
// edge to edge: no background shows between tiles.
TEST(HeatmapRender, ZoomedOutTilesLeaveNoGaps) {
  testApp();
  auto source = std::make_shared<testing::ProceduralSource>(5000, 700);
  HeatmapView view;
  view.setSource(source);
  view.setFixedRange(0, 1);
  view.setTileSize(32);
  const QImage image = renderFigure(view, {800, 600});
  const QRectF plot = view.figureLayout(QRectF(0, 0, 800, 600)).plot;
  for (int y = int(plot.top()) + 2; y < int(plot.bottom()) - 2; ++y)
    for (int x = int(plot.left()) + 2; x < int(plot.right()) - 2; ++x)
      ASSERT_NE(image.pixel(x, y), qRgb(255, 255, 255)) << x << "," << y;
}

TEST(HeatmapRender, NanCellsUseTheNanColour) {
  testApp();
  HeatmapView view;
  view.setSource(std::make_shared<DenseHeatmapSource>(2, 2, std::vector<float>{0.0f, NAN, 1.0f, 0.5f}));
  view.setFixedRange(0, 1);
  const QImage image = renderFigure(view, {400, 300});
  const QRectF plot = view.figureLayout(QRectF(0, 0, 400, 300)).plot;
  EXPECT_LE(
      channelDistance(pixelAt(image, cellCenter(plot, view.visibleRegion(), 0, 1)), view.nanColor().rgb()),
      1);
  view.setNanColor(QColor(255, 0, 255));
  const QImage magenta = renderFigure(view, {400, 300});
  EXPECT_EQ(pixelAt(magenta, cellCenter(plot, view.visibleRegion(), 0, 1)), qRgb(255, 0, 255));
  // The swatch beside the colour bar shows it too.
  const QRectF swatch = view.figureLayout(QRectF(0, 0, 400, 300)).nan_swatch;
  EXPECT_EQ(magenta.pixel(swatch.center().toPoint()), qRgb(255, 0, 255));
}

TEST(HeatmapRender, MarksAreDrawnOnTheirCells) {
  testApp();
  HeatmapView view;
  view.setSource(std::make_shared<DenseHeatmapSource>(3, 3, std::vector<float>(9, 0.0f)));
  view.setFixedRange(0, 1);
  view.setMarks({{1, 1, MarkShape::Cross, QColor(255, 0, 0)}, {2, 0, MarkShape::Square, QColor(0, 0, 255)}});
  const QImage image = renderFigure(view, {500, 400});
  const QRectF plot = view.figureLayout(QRectF(0, 0, 500, 400)).plot;
  const QRectF region = view.visibleRegion();
  // A cross passes through its cell's centre.
  EXPECT_LE(channelDistance(pixelAt(image, cellCenter(plot, region, 1, 1)), qRgb(255, 0, 0)), 30);
  // Cells without a mark keep the colour-map colour at the centre.
  const QRgb background = Colormap(ColormapKind::Viridis).entry(0);
  EXPECT_LE(channelDistance(pixelAt(image, cellCenter(plot, region, 0, 0)), background), 2);
  // The square's outline has blue pixels within its cell.
  const QPointF c = cellCenter(plot, region, 2, 0);
  const double half = plot.width() / 3 / 2;
  int blue = 0;
  for (int y = int(c.y() - half); y < int(c.y() + half); ++y)
    for (int x = int(c.x() - half); x < int(c.x() + half); ++x)
      if (channelDistance(image.pixel(x, y), qRgb(0, 0, 255)) < 40) ++blue;
  EXPECT_GT(blue, 20);
}

int darkPixels(const QImage& image, const QRectF& area) {
  int dark = 0;
  for (int y = int(area.top()); y < int(area.bottom()); ++y)
    for (int x = int(area.left()); x < int(area.right()); ++x)
      if (qGray(image.pixel(x, y)) < 128) ++dark;
  return dark;
}

TEST(HeatmapRender, LabelsBandsTitleAndColorbarAppear) {
  testApp();
  auto source = std::make_shared<DenseHeatmapSource>(4, 6, std::vector<float>(24, 0.25f));
  source->setRowLabels({"alpha", "beta", "gamma", "delta"});
  source->setColLabels({"expert 0", "expert 1", "expert 2", "expert 3", "expert 4", "expert 5"});
  HeatmapView view;
  view.setSource(source);
  view.setTitle(QStringLiteral("Router load"));
  view.setRowGroups({{0, 1, "layer 0"}, {2, 3, "layer 1"}});
  view.setColumnGroups({{0, 2, "group A"}, {3, 5, "group B"}});
  const QSize size(900, 600);
  const QImage image = renderFigure(view, size);
  const HeatmapLayout layout = view.figureLayout(QRectF(QPointF(0, 0), QSizeF(size)));
  image.save(QDir::temp().filePath("routescope_heatmap_labels.png"));

  // Text pixels beside each row, in the label margin.
  for (int r = 0; r < 4; ++r) {
    const double y = cellCenter(layout.plot, view.visibleRegion(), r, 0).y();
    EXPECT_GT(darkPixels(image, QRectF(layout.row_labels.left(), y - 6, layout.row_labels.width(), 12)), 10)
        << "row " << r;
  }
  EXPECT_GT(darkPixels(image, layout.column_labels), 50);
  EXPECT_GT(darkPixels(image, layout.title), 30);
  EXPECT_GT(darkPixels(image, layout.colorbar_labels), 20);
  // Bands are shaded.
  EXPECT_NE(image.pixel(layout.row_bands.center().toPoint()), qRgb(255, 255, 255));
  EXPECT_NE(image.pixel(layout.column_bands.center().toPoint()), qRgb(255, 255, 255));
  // Colour bar: max colour at the top, min at the bottom.
  const Colormap viridis(ColormapKind::Viridis);
  const QRectF bar = layout.colorbar;
  EXPECT_LE(channelDistance(image.pixel(int(bar.center().x()), int(bar.top() + 2)), viridis.entry(255)), 12);
  EXPECT_LE(channelDistance(image.pixel(int(bar.center().x()), int(bar.bottom() - 2)), viridis.entry(0)), 12);
}

TEST(HeatmapRender, ExportsPngSvgAndPdf) {
  testApp();
  auto source = std::make_shared<testing::ProceduralSource>(20000, 300);
  HeatmapView view;  // never shown: export must not depend on the screen
  view.setSource(source);
  view.setTitle("export");
  view.setMarks({{10, 10, MarkShape::Circle, Qt::red}});
  EXPECT_EQ(view.figureName(), "heatmap");
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  for (const char* suffix : {"png", "svg", "pdf"}) {
    FigureRequest request;
    ASSERT_TRUE(figureFormatFromPath(QString("x.") + suffix, &request.format));
    request.size = QSize(640, 480);
    request.dpi = 192;
    request.title = "Heatmap export";
    const QString path = dir.filePath(QString("heatmap.") + suffix);
    EXPECT_EQ(exportPaintedFigure(view, path, request), QString()) << suffix;
    ASSERT_TRUE(QFile::exists(path)) << suffix;
    EXPECT_GT(QFile(path).size(), 1000) << suffix;
  }
  QImageReader reader(dir.filePath("heatmap.png"));
  EXPECT_EQ(reader.size(), QSize(1280, 960));
  QFile svg(dir.filePath("heatmap.svg"));
  ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
  EXPECT_TRUE(svg.readAll().contains("<image"));
  view.setFigureName("router_load");
  EXPECT_EQ(view.figureName(), "router_load");
}

}  // namespace
}  // namespace routescope::widgets
