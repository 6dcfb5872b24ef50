// Checks the application icon as the app and the desktop see it:
//   icon_check --resource             :/icons/routescope.svg is compiled in and renders
//   icon_check <hicolor dir> <size>...  each <n>x<n>/apps PNG has that size and is not blank
#include <QGuiApplication>
#include <QImage>
#include <QSet>
#include <QSvgRenderer>
#include <cstdio>

namespace {

// "Not blank": a fair share of the square is painted, in more than a couple of colours (a
// failed render is transparent or one flat colour).
bool looksPainted(const QImage& image, QString& why) {
  const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
  qsizetype opaque = 0;
  QSet<QRgb> colours;
  for (int y = 0; y < argb.height(); ++y)
    for (int x = 0; x < argb.width(); ++x) {
      const QRgb p = argb.pixel(x, y);
      if (qAlpha(p) > 128) ++opaque;
      colours.insert(p);
    }
  const qsizetype area = qsizetype(argb.width()) * argb.height();
  if (opaque * 2 < area)
    why = QStringLiteral("less than half of the pixels are opaque");
  else if (colours.size() < 3)
    why = QStringLiteral("only %1 colour(s)").arg(colours.size());
  return why.isEmpty();
}

int checkResource() {
  QSvgRenderer svg(QStringLiteral(":/icons/routescope.svg"));
  if (!svg.isValid()) {
    std::fprintf(stderr, "FAIL: :/icons/routescope.svg is missing or not a valid SVG\n");
    return 1;
  }
  std::printf("ok: :/icons/routescope.svg (%dx%d)\n", svg.defaultSize().width(), svg.defaultSize().height());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  const QStringList args = app.arguments().mid(1);
  if (args == QStringList{QStringLiteral("--resource")}) return checkResource();
  if (args.size() < 2) {
    std::fprintf(stderr, "usage: icon_check --resource | <hicolor dir> <size>...\n");
    return 2;
  }
  int failures = 0;
  for (const QString& sizeText : args.mid(1)) {
    const int size = sizeText.toInt();
    const QString path = QStringLiteral("%1/%2x%2/apps/org.routescope.RouteScope.png").arg(args[0]).arg(size);
    const QImage image(path);
    QString why;
    if (image.isNull())
      why = QStringLiteral("missing or unreadable");
    else if (image.size() != QSize(size, size))
      why = QStringLiteral("is %1x%2").arg(image.width()).arg(image.height());
    else
      looksPainted(image, why);
    if (why.isEmpty()) {
      std::printf("ok: %s\n", qPrintable(path));
    } else {
      std::fprintf(stderr, "FAIL: %s: %s\n", qPrintable(path), qPrintable(why));
      ++failures;
    }
  }
  return failures == 0 ? 0 : 1;
}
