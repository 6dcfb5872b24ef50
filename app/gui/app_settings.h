#pragma once
// The user's preferences, kept in QSettings: how jobs run, where runs are stored, and how the
// window looks. One struct so the dialog, the job factory and the headless demo read the same keys.

#include <QString>

#include "widgets/format/display_format.h"

namespace routescope::gui {

enum class PaletteChoice { Light, Dark };
enum class LanguageChoice { System, English, German };

struct AppSettings {
  int threads = 1;
  QString device = QStringLiteral("auto");  // auto | cpu | cuda
  QString run_store_path;
  LanguageChoice language = LanguageChoice::System;
  PaletteChoice palette = PaletteChoice::Light;
  int decimals = 3;
  bool scientific = false;
  widgets::DurationStyle durations = widgets::DurationStyle::Clock;

  widgets::DisplayFormat displayFormat() const { return {decimals, scientific, durations}; }
  static AppSettings load();
  void save() const;
};

}  // namespace routescope::gui
