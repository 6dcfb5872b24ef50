#pragma once
// Numbers shown in the window (job values, comparison tables) follow the user's format settings.

#include <QString>

namespace routescope::gui {

struct AppSettings;

QString formatNumber(double value, const AppSettings& settings);

}  // namespace routescope::gui
