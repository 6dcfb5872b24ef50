#include "app/gui/app_settings.h"

#include <QSettings>
#include <QThread>

#include "backend/core/paths.h"

namespace routescope::gui {

AppSettings AppSettings::load() {
  QSettings s;
  AppSettings a;
  a.threads = s.value("jobs/threads", QThread::idealThreadCount()).toInt();
  a.device = s.value("jobs/device", "auto").toString();
  // $ROUTESCOPE_DB wins over the saved location, as in the CLI, so scripts and tests can redirect it.
  const QString fallback = QString::fromStdString(core::defaultRunStorePath());
  a.run_store_path =
      qEnvironmentVariableIsSet("ROUTESCOPE_DB") ? fallback : s.value("store/path", fallback).toString();
  a.language = static_cast<LanguageChoice>(s.value("view/language", 0).toInt());
  a.palette = static_cast<PaletteChoice>(s.value("view/palette", 0).toInt());
  a.decimals = s.value("view/decimals", 3).toInt();
  a.scientific = s.value("view/scientific", false).toBool();
  a.durations = static_cast<widgets::DurationStyle>(s.value("view/durations", 0).toInt());
  return a;
}

void AppSettings::save() const {
  QSettings s;
  s.setValue("jobs/threads", threads);
  s.setValue("jobs/device", device);
  s.setValue("store/path", run_store_path);
  s.setValue("view/language", static_cast<int>(language));
  s.setValue("view/palette", static_cast<int>(palette));
  s.setValue("view/decimals", decimals);
  s.setValue("view/scientific", scientific);
  s.setValue("view/durations", static_cast<int>(durations));
}

}  // namespace routescope::gui
