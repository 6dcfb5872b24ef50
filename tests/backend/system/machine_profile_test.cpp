#include "backend/system/machine_profile.h"

#include <gtest/gtest.h>

#include "backend/core/error.h"
#include "backend/system/machine_peak.h"
#include "tests/backend/system/system_test_support.h"

using namespace routescope;

TEST(MachineProfile, MeasuresEveryShapeAndThreadCountAndRecordsThePeak) {
  routescope::testing::SystemJobFixture fixture;
  EXPECT_FALSE(system::machinePeakGflops(fixture.store(), 1).has_value());
  const auto outcome = fixture.run(system::machineProfileJobKind(),
                                   {"seconds=0.5", "shapes=64x64x64,128x256x64", "max_threads=2"}, 1, 2);
  ASSERT_EQ(outcome.status, core::RunStatus::Completed) << outcome.error;
  for (const char* shape : {"sgemm_gflops.64x64x64", "sgemm_gflops.128x256x64"}) {
    const auto points = fixture.store().metrics(outcome.run_id, shape);
    ASSERT_EQ(points.size(), 2u) << shape;
    EXPECT_EQ(points[0].step, 1);
    EXPECT_EQ(points[1].step, 2);
    EXPECT_GT(points[0].value, 0.1) << shape;
  }
  const auto peak = fixture.store().metrics(outcome.run_id, "peak_gflops");
  ASSERT_EQ(peak.size(), 2u);
  EXPECT_EQ(system::machinePeakGflops(fixture.store(), 2), peak[1].value);
  EXPECT_FALSE(system::machinePeakGflops(fixture.store(), 3).has_value());

  const auto bytes = fixture.store().readArtifact(outcome.run_id, "profile.json");
  const auto report =
      nlohmann::json::parse(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  // LibTorch's matmul went through a BLAS library that the profile names.
  EXPECT_NE(report["blas_library"].get<std::string>().find("blas"), std::string::npos)
      << report["blas_library"];
  EXPECT_EQ(report["sgemm"].size(), 4u);
  const auto provenance = fixture.store().run(outcome.run_id).provenance;
  EXPECT_EQ(provenance["blas_library"], report["blas_library"]);
}

TEST(MachineProfile, ShapesAndThreadCounts) {
  const auto shapes = system::parseGemmShapes("512x256x1024,8x8x8");
  ASSERT_EQ(shapes.size(), 2u);
  EXPECT_EQ(shapes[0].m, 512);
  EXPECT_EQ(shapes[0].k, 256);
  EXPECT_EQ(shapes[0].n, 1024);
  EXPECT_THROW(system::parseGemmShapes("512x256"), core::Error);
  EXPECT_THROW(system::parseGemmShapes("0x1x1"), core::Error);
  EXPECT_THROW(system::parseGemmShapes("8x8x8,"), core::Error);
  EXPECT_EQ(system::profileThreadCounts(1), (std::vector<int>{1}));
  EXPECT_EQ(system::profileThreadCounts(6), (std::vector<int>{1, 2, 4, 6}));
  EXPECT_EQ(system::profileThreadCounts(8), (std::vector<int>{1, 2, 4, 8}));
}
