#include "widgets/format/display_format.h"

#include <QLocale>
#include <cmath>

namespace routescope::widgets {

QString DisplayFormat::number(double value) const {
  if (std::isnan(value)) return QStringLiteral("NaN");
  return QLocale().toString(value, scientific ? 'e' : 'f', decimals);
}

QString DisplayFormat::duration(double seconds) const {
  const long long total = std::llround(std::max(0.0, seconds));
  if (durations == DurationStyle::Seconds) return QStringLiteral("%1 s").arg(QLocale().toString(total));
  const long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QChar('0')).arg(s, 2, 10, QChar('0'))
               : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QChar('0'));
}

}  // namespace routescope::widgets
