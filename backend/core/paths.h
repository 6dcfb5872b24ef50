#pragma once
// Where RouteScope keeps the user's data.

#include <string>

namespace routescope::core {

// $ROUTESCOPE_DB, else $XDG_DATA_HOME/routescope/runs.sqlite, else ~/.local/share/routescope/runs.sqlite.
std::string defaultRunStorePath();

}  // namespace routescope::core
