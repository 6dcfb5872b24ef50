#include "backend/system/train_check.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "backend/core/safetensors.h"
#include "tests/backend/system/system_test_support.h"

using namespace routescope;

TEST(TrainCheck, LearnsAndSavesLoadableWeights) {
  routescope::testing::SystemJobFixture fixture;
  const auto outcome = fixture.run(system::trainCheckJobKind(), {"steps=400"}, 3, 2);
  ASSERT_EQ(outcome.status, core::RunStatus::Completed) << outcome.error;
  const auto valid = fixture.store().metrics(outcome.run_id, "valid_loss");
  ASSERT_EQ(valid.size(), 8u);  // every 50 steps
  EXPECT_LT(valid.back().value, 0.5 * valid.front().value) << "the MLP did not learn";
  EXPECT_EQ(fixture.store().metrics(outcome.run_id, "train_loss").size(), 400u);

  const auto bytes = fixture.store().readArtifact(outcome.run_id, "model.safetensors");
  const std::string path = routescope::testing::makeTempDir() + "/model.safetensors";
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  const auto file = core::SafetensorsFile::open(path);
  ASSERT_NE(file.find("0.weight"), nullptr);
  EXPECT_EQ(file.find("0.weight")->shape, (std::vector<int64_t>{64, 16}));
  EXPECT_EQ(file.find("4.bias")->shape, (std::vector<int64_t>{1}));
  EXPECT_EQ(file.tensors().size(), 6u);
}

TEST(TrainCheck, SameSeedAndThreadsReproduceEveryMetricExactly) {
  routescope::testing::SystemJobFixture fixture;
  const auto a = fixture.run(system::trainCheckJobKind(), {"steps=60"}, 11, 2);
  const auto b = fixture.run(system::trainCheckJobKind(), {"steps=60"}, 11, 2);
  const auto c = fixture.run(system::trainCheckJobKind(), {"steps=60"}, 12, 2);
  const auto ma = fixture.store().metrics(a.run_id);
  const auto mb = fixture.store().metrics(b.run_id);
  const auto mc = fixture.store().metrics(c.run_id);
  ASSERT_EQ(ma.size(), mb.size());
  for (size_t i = 0; i < ma.size(); ++i) {
    EXPECT_EQ(ma[i].name, mb[i].name);
    EXPECT_EQ(ma[i].value, mb[i].value) << ma[i].name << " step " << ma[i].step;
  }
  EXPECT_NE(ma.front().value, mc.front().value) << "the seed has no effect";
}

TEST(TrainCheck, CancellationStopsWithinASecond) {
  routescope::testing::SystemJobFixture fixture;
  core::CancelToken cancel;
  std::chrono::steady_clock::time_point cancelled_at;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    cancelled_at = std::chrono::steady_clock::now();
    cancel.cancel();
  });
  const auto outcome = fixture.run(system::trainCheckJobKind(), {"steps=100000000"}, 1, 1, cancel);
  const auto ended = std::chrono::steady_clock::now();
  canceller.join();
  EXPECT_EQ(outcome.status, core::RunStatus::Cancelled);
  EXPECT_EQ(fixture.store().run(outcome.run_id).status, core::RunStatus::Cancelled);
  EXPECT_LT(std::chrono::duration<double>(ended - cancelled_at).count(), 1.0);
}
