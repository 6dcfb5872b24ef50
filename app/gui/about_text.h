#pragma once
// The About box text: app version and the versions of the libraries doing the work.

#include <QString>

namespace routescope::gui {

QString aboutText();

}  // namespace routescope::gui
