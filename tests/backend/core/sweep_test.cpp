#include "backend/core/sweep.h"

#include <gtest/gtest.h>

#include "backend/core/error.h"

using namespace routescope::core;

TEST(Sweep, SeedListsAndRanges) {
  EXPECT_EQ(parseSeedList("1-5"), (std::vector<uint64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(parseSeedList("2-3,9"), (std::vector<uint64_t>{2, 3, 9}));
  EXPECT_EQ(parseSeedList("7"), (std::vector<uint64_t>{7}));
  EXPECT_THROW(parseSeedList("5-1"), Error);
  EXPECT_THROW(parseSeedList("a-b"), Error);
  EXPECT_THROW(parseSeedList("1,,2"), Error);
  EXPECT_THROW(parseSeedList("1-100000"), Error);
}

TEST(Sweep, ProductOfAxesTimesSeeds) {
  const std::vector<SweepAxis> axes = {parseSweepAxis("a=1,2"), parseSweepAxis("b=x,y,z")};
  const auto points = expandSweep(axes, {10, 11});
  ASSERT_EQ(points.size(), 2u * 3u * 2u);
  EXPECT_EQ(points.front().overrides, (std::vector<std::string>{"a=1", "b=x"}));
  EXPECT_EQ(points.front().seed, 10u);
  EXPECT_EQ(points.back().overrides, (std::vector<std::string>{"a=2", "b=z"}));
  EXPECT_EQ(points.back().seed, 11u);
}

TEST(Sweep, NoAxesMeansOnePointPerSeed) {
  const auto points = expandSweep({}, {1, 2, 3});
  ASSERT_EQ(points.size(), 3u);
  EXPECT_TRUE(points[0].overrides.empty());
}

TEST(Sweep, EmptyValueIsAnError) {
  EXPECT_THROW(parseSweepAxis("a=1,,2"), Error);
}
