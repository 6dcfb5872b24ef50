#include "tests/support/shared_data.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace routescope::testing {
namespace {

std::filesystem::path fullPath(const std::string& relative) {
  const char* configured = std::getenv("ROUTESCOPE_SHARED_DATA");
  const std::string root = configured && *configured ? configured : ROUTESCOPE_SHARED_DATA_DEFAULT;
  return std::filesystem::path(root) / relative;
}

// When the run ends with tests skipped and none passed or failed (every test needed absent data),
// the binary exits with ctest's skip code instead of gtest's 0, so ctest says "Skipped", as it
// did when the first missing file ended the binary. Registered when this file is linked in (every
// binary that reads shared data); end events run in reverse order, after the XML report is written.
class SkipCodeListener : public ::testing::EmptyTestEventListener {
  void OnTestProgramEnd(const ::testing::UnitTest& unit) override {
    if (unit.skipped_test_count() > 0 && unit.successful_test_count() == 0 && unit.failed_test_count() == 0 &&
        !unit.ad_hoc_test_result().Failed()) {
      std::fflush(stdout);
      std::fflush(stderr);
      std::exit(ROUTESCOPE_SKIP_CODE);
    }
  }
};

[[maybe_unused]] const bool kListenerInstalled = [] {
  ::testing::UnitTest::GetInstance()->listeners().Append(new SkipCodeListener);
  return true;
}();

}  // namespace

bool sharedDataRequired() {
  const char* require = std::getenv("ROUTESCOPE_REQUIRE_DATA");
  return require && std::string(require) == "1";
}

std::string missingSharedData(std::initializer_list<std::string> relatives) {
  for (const std::string& relative : relatives) {
    const std::filesystem::path path = fullPath(relative);
    if (!std::filesystem::exists(path)) return path.string();
  }
  return "";
}

std::string requireSharedData(const std::string& relative) {
  const std::filesystem::path path = fullPath(relative);
  if (std::filesystem::exists(path)) return path.string();
  throw std::runtime_error("reference data " + path.string() + " is missing" +
                           (sharedDataRequired()
                                ? " and ROUTESCOPE_REQUIRE_DATA=1"
                                : " (the test has no ROUTESCOPE_REQUIRE_SHARED_DATA guard)"));
}

}  // namespace routescope::testing
