// Provenance of real input files: a run that reads a reference network records its absolute path
// and a SHA-256 that agrees with coreutils' sha256sum (an independent implementation).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include "backend/core/job_runner.h"
#include "backend/core/run_store.h"
#include "tests/support/cli_runner.h"
#include "tests/support/shared_data.h"

using namespace routescope::core;

namespace {

std::string sha256sumOf(const std::string& path) {
  std::string command = "sha256sum '" + path + "'";
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 65> digest{};
  if (!pipe || !fgets(digest.data(), digest.size(), pipe)) return {};
  pclose(pipe);
  return std::string(digest.data(), 64);
}

class ReadsInputs : public Job {
 public:
  explicit ReadsInputs(std::vector<std::string> paths) : paths_(std::move(paths)) {}
  void run(JobContext& ctx) override {
    for (const auto& p : paths_) ctx.recordInput(p);
  }

 private:
  std::vector<std::string> paths_;
};

}  // namespace

TEST(InputProvenance, SiouxFallsNetworkChecksumMatchesSha256sum) {
  ROUTESCOPE_REQUIRE_SHARED_DATA("tntp/SiouxFalls/SiouxFalls_net.tntp",
                                 "tntp/SiouxFalls/SiouxFalls_trips.tntp");
  const std::string net = routescope::testing::requireSharedData("tntp/SiouxFalls/SiouxFalls_net.tntp");
  const std::string trips = routescope::testing::requireSharedData("tntp/SiouxFalls/SiouxFalls_trips.tntp");
  const std::string dir = routescope::testing::makeTempDir();
  RunStore store(dir + "/runs.sqlite");
  ReadsInputs job({net, trips});
  RunRequest request;
  request.study = "traffic";
  request.kind = "inputs";
  const auto outcome = runJob(store, job, request, CancelToken{});
  ASSERT_EQ(outcome.status, RunStatus::Completed) << outcome.error;
  const auto inputs = store.run(outcome.run_id).provenance["inputs"];
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0]["path"], std::filesystem::absolute(net).string());
  EXPECT_EQ(inputs[0]["sha256"], sha256sumOf(net));
  EXPECT_EQ(inputs[1]["sha256"], sha256sumOf(trips));
  EXPECT_EQ(inputs[0]["bytes"], static_cast<int64_t>(std::filesystem::file_size(net)));
  std::filesystem::remove_all(dir);
}
