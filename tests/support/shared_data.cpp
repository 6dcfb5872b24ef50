#include "tests/support/shared_data.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace routescope::testing {

std::string requireSharedData(const std::string& relative) {
  const char* configured = std::getenv("ROUTESCOPE_SHARED_DATA");
  const std::string root = configured && *configured ? configured : ROUTESCOPE_SHARED_DATA_DEFAULT;
  const std::filesystem::path path = std::filesystem::path(root) / relative;
  if (std::filesystem::exists(path)) return path.string();
  const char* require = std::getenv("ROUTESCOPE_REQUIRE_DATA");
  if (require && std::string(require) == "1") {
    std::fprintf(stderr, "FAILED: reference data %s is missing and ROUTESCOPE_REQUIRE_DATA=1\n",
                 path.string().c_str());
    std::exit(1);
  }
  std::fprintf(stderr, "SKIPPED: reference data %s is not present (set ROUTESCOPE_SHARED_DATA)\n",
               path.string().c_str());
  std::exit(ROUTESCOPE_SKIP_CODE);
}

}  // namespace routescope::testing
