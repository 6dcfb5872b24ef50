#include "backend/core/bundle.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "tests/support/cli_runner.h"

using namespace routescope::core;
namespace fs = std::filesystem;

namespace {

std::string makeRun(RunStore& store, int64_t big_artifact_bytes) {
  NewRun run;
  run.study = "system";
  run.kind = "train-check";
  run.config = {{"steps", 2}};
  run.seed = 9;
  run.group_id = "g";
  run.name = "gpu run";
  run.provenance = {{"host", "h200"}};
  const std::string id = store.beginRun(run);
  store.addMetrics(id, std::vector<MetricPoint>{{"loss", 1, 0.5}, {"loss", 2, 0.25}});
  store.addEvent(id, "info", "trained");
  std::vector<std::byte> big(static_cast<size_t>(big_artifact_bytes));
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<std::byte>(i % 253);
  store.putArtifact(id, "model.safetensors", big);
  store.finishRun(id, RunStatus::Completed);
  return id;
}

}  // namespace

TEST(Bundle, RoundTripMovesRunsWithAllTheirData) {
  const std::string dir = routescope::testing::makeTempDir();
  const std::string bundle = dir + "/runs.rsbundle";
  std::string id;
  std::vector<std::byte> artifact;
  {
    RunStore gpu_machine(dir + "/gpu.sqlite");
    id = makeRun(gpu_machine, RunStore::kInlineArtifactLimit * 3);  // stored beside the source db
    artifact = gpu_machine.readArtifact(id, "model.safetensors");
    exportBundle(gpu_machine, {id}, bundle);
  }
  EXPECT_FALSE(fs::exists(bundle + ".artifacts"));                                 // one self-contained file
  EXPECT_THROW(exportBundle(RunStore(dir + "/gpu.sqlite"), {id}, bundle), Error);  // never overwrites

  RunStore laptop(dir + "/laptop.sqlite");
  const auto result = importBundle(laptop, bundle);
  ASSERT_EQ(result.imported, std::vector<std::string>{id});
  const RunRecord run = laptop.run(id);
  EXPECT_EQ(run.status, RunStatus::Completed);
  EXPECT_EQ(run.seed, 9u);
  EXPECT_EQ(run.name, "gpu run");
  EXPECT_EQ(run.provenance["host"], "h200");
  EXPECT_EQ(laptop.metrics(id).size(), 2u);
  EXPECT_EQ(laptop.events(id).size(), 1u);
  EXPECT_EQ(laptop.readArtifact(id, "model.safetensors"), artifact);

  // Importing again adds nothing and says so.
  const auto again = importBundle(laptop, bundle);
  EXPECT_TRUE(again.imported.empty());
  EXPECT_EQ(again.skipped, std::vector<std::string>{id});
  fs::remove_all(dir);
}

TEST(Bundle, BadBundlesGiveOneLineErrorsAndLeaveTheStoreIntact) {
  const std::string dir = routescope::testing::makeTempDir();
  RunStore store(dir + "/runs.sqlite");
  const std::string existing = makeRun(store, 10);
  try {
    importBundle(store, dir + "/missing.rsbundle");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), dir + "/missing.rsbundle: no such bundle file");
  }
  std::ofstream(dir + "/junk.rsbundle") << "this is not a bundle";
  try {
    importBundle(store, dir + "/junk.rsbundle");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), dir + "/junk.rsbundle: not a valid RouteScope bundle");
  }
  EXPECT_EQ(store.listRuns().size(), 1u);
  EXPECT_EQ(store.run(existing).status, RunStatus::Completed);
  // Running runs cannot be exported.
  NewRun profile;
  profile.study = "system";
  profile.kind = "profile";
  const std::string running = store.beginRun(profile);
  EXPECT_THROW(exportBundle(store, {running}, dir + "/x.rsbundle"), Error);
  EXPECT_FALSE(fs::exists(dir + "/x.rsbundle"));
  fs::remove_all(dir);
}
