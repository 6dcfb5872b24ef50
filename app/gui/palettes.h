#pragma once
// Light and dark looks. Qt 6.4 cannot ask the desktop for its colour scheme, so both palettes are
// made by hand and applied with the Fusion style, which honours every palette role.

#include <QPalette>

#include "app/gui/app_settings.h"

namespace routescope::gui {

QPalette lightPalette();
QPalette darkPalette();
void applyPalette(PaletteChoice choice);

}  // namespace routescope::gui
