#pragma once
// Reference data (TNTP, TSPLIB, CVRPLIB, ...) is read from ../shared/data, never copied into the
// project. A test that needs it starts with ROUTESCOPE_REQUIRE_SHARED_DATA(paths...): when a path
// is absent that test alone is skipped (GTEST_SKIP), so the binary's other tests still run and
// still fail when they fail; with ROUTESCOPE_REQUIRE_DATA=1 (set by CI, which has the data) a
// missing path fails the test instead. A binary in which no test passed or failed and at least
// one skipped exits with ctest's skip code (SKIP_RETURN_CODE), so ctest reports it skipped.

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace routescope::testing {

// Path of `relative` inside the shared data folder ($ROUTESCOPE_SHARED_DATA or the configured
// default). Throws std::runtime_error naming the path when it does not exist (a test failure, not
// the end of the binary): guard the test with ROUTESCOPE_REQUIRE_SHARED_DATA first.
std::string requireSharedData(const std::string& relative);

// The first of `relatives` that does not exist as a full path, or "" when all do.
std::string missingSharedData(std::initializer_list<std::string> relatives);

// ROUTESCOPE_REQUIRE_DATA=1: a missing data folder is a failure, not a skip.
bool sharedDataRequired();

}  // namespace routescope::testing

// At the top of a test body or SetUp: skips (or, with ROUTESCOPE_REQUIRE_DATA=1, fails) the
// current test when any of the shared-data paths is absent.
#define ROUTESCOPE_REQUIRE_SHARED_DATA(...)                                                              \
  do {                                                                                                   \
    const std::string routescope_missing_data = ::routescope::testing::missingSharedData({__VA_ARGS__}); \
    if (!routescope_missing_data.empty()) {                                                              \
      if (::routescope::testing::sharedDataRequired())                                                   \
        GTEST_FAIL() << "reference data " << routescope_missing_data                                     \
                     << " is missing and ROUTESCOPE_REQUIRE_DATA=1";                                     \
      GTEST_SKIP() << "reference data " << routescope_missing_data                                       \
                   << " is not present (set ROUTESCOPE_SHARED_DATA)";                                    \
    }                                                                                                    \
  } while (0)
