#include "app/gui/number_format.h"

#include <QLocale>

#include "app/gui/app_settings.h"

namespace routescope::gui {

QString formatNumber(double value, const AppSettings& settings) {
  return QLocale().toString(value, settings.scientific ? 'e' : 'f', settings.decimals);
}

}  // namespace routescope::gui
