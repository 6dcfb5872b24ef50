#include "backend/core/paths.h"

#include <cstdlib>
#include <string>

namespace routescope::core {

std::string defaultRunStorePath() {
  if (const char* explicit_path = std::getenv("ROUTESCOPE_DB"); explicit_path && *explicit_path) {
    return explicit_path;
  }
  std::string base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::string(home) + "/.local/share";
  } else {
    base = ".";
  }
  return base + "/routescope/runs.sqlite";
}

}  // namespace routescope::core
