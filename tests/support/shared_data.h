#pragma once
// Reference data (TNTP, TSPLIB, CVRPLIB, ...) is read from ../shared/data, never copied into the
// project. When it is absent a test skips with ctest's skip code; with ROUTESCOPE_REQUIRE_DATA=1
// (set by CI, which has the data) a missing folder fails instead.

#include <string>

namespace routescope::testing {

// Path of `relative` inside the shared data folder ($ROUTESCOPE_SHARED_DATA or the configured
// default). Exits the process with the skip code, or fails, when it does not exist.
std::string requireSharedData(const std::string& relative);

}  // namespace routescope::testing
