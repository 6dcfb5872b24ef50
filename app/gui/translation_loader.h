#pragma once
// Installs the German translation (embedded at :/i18n) when the settings or the system locale ask
// for it; switching at run time sends QEvent::LanguageChange so open windows re-translate.

#include "app/gui/app_settings.h"

namespace routescope::gui {

// Returns true when a translation is installed after the call.
bool applyLanguage(LanguageChoice choice);

}  // namespace routescope::gui
