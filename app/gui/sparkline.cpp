#include "app/gui/sparkline.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace routescope::gui {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent) {
  setMinimumSize(60, 18);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void Sparkline::addValue(double value) {
  values_.append(value);
  if (values_.size() > kMaxValues) values_.removeFirst();
  update();
}

void Sparkline::paintEvent(QPaintEvent*) {
  if (values_.size() < 2) return;
  const auto [lo, hi] = std::minmax_element(values_.begin(), values_.end());
  const double span = *hi - *lo > 0 ? *hi - *lo : 1.0;
  const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
  QPainterPath path;
  for (int i = 0; i < values_.size(); ++i) {
    const QPointF p(area.left() + area.width() * i / (values_.size() - 1),
                    area.bottom() - area.height() * (values_[i] - *lo) / span);
    if (i == 0)
      path.moveTo(p);
    else
      path.lineTo(p);
  }
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
  painter.drawPath(path);
}

}  // namespace routescope::gui
