#include "widgets/heatmap/colorbar.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <cmath>

namespace routescope::widgets {

std::vector<double> niceTicks(double lo, double hi, int max_ticks) {
  std::vector<double> ticks;
  if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 1) return ticks;
  if (hi <= lo) return {lo};
  const double raw = (hi - lo) / max_ticks;
  const double decade = std::pow(10.0, std::floor(std::log10(raw)));
  double step = decade * 10;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * decade >= raw) {
      step = m * decade;
      break;
    }
  }
  const double eps = step * 1e-9;
  for (double v = std::ceil((lo - eps) / step) * step; v <= hi + eps; v += step)
    ticks.push_back(std::abs(v) < eps ? 0.0 : v);  // no "-0"
  return ticks;
}

void paintColorbar(QPainter& painter, const ColorbarGeometry& geometry, const Colormap& colormap,
                   ValueRange range, const QColor& nan_color, const QFont& font, const QColor& text) {
  if (geometry.bar.height() < 4) return;
  painter.save();
  QImage gradient(1, Colormap::kEntries, QImage::Format_ARGB32_Premultiplied);
  for (int i = 0; i < Colormap::kEntries; ++i)
    gradient.setPixel(0, Colormap::kEntries - 1 - i, colormap.entry(i));  // max at the top
  painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
  painter.drawImage(geometry.bar, gradient);
  painter.setPen(QPen(text, 0.8));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(geometry.bar);

  painter.setFont(font);
  const QFontMetricsF metrics(font);
  const int max_ticks = std::max(2, int(geometry.bar.height() / (metrics.height() * 3.5)));
  const double span = double(range.max) - double(range.min);
  for (double v : niceTicks(range.min, range.max, max_ticks)) {
    const double t = span > 0 ? (v - range.min) / span : 0.5;
    const double y = geometry.bar.bottom() - t * geometry.bar.height();
    painter.drawLine(QPointF(geometry.bar.right(), y), QPointF(geometry.bar.right() + 4, y));
    const QRectF box(geometry.labels.left(), y - metrics.height() / 2, geometry.labels.width(),
                     metrics.height());
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(QString::number(v, 'g', 4), Qt::ElideRight, box.width()));
  }

  if (!geometry.nan_swatch.isEmpty()) {
    painter.fillRect(geometry.nan_swatch, nan_color);
    painter.drawRect(geometry.nan_swatch);
    const QRectF box(geometry.labels.left(), geometry.nan_swatch.top(), geometry.labels.width(),
                     geometry.nan_swatch.height());
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("NaN"));
  }
  painter.restore();
}

}  // namespace routescope::widgets
