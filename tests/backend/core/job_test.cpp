#include "backend/core/job.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "backend/core/error.h"
#include "backend/core/job_runner.h"
#include "backend/core/run_store.h"
#include "backend/core/sha256.h"
#include "tests/support/cli_runner.h"

using namespace routescope::core;
namespace fs = std::filesystem;

namespace {

// A job whose behaviour each test chooses.
class ScriptedJob : public Job {
 public:
  explicit ScriptedJob(std::function<void(JobContext&)> body) : body_(std::move(body)) {}
  void run(JobContext& context) override { body_(context); }

 private:
  std::function<void(JobContext&)> body_;
};

class RecordingObserver : public JobObserver {
 public:
  void onProgress(const ProgressUpdate& u) override { updates.push_back(u); }
  void onMetric(const MetricPoint& p) override { metrics.push_back(p); }
  std::vector<ProgressUpdate> updates;
  std::vector<MetricPoint> metrics;
};

class JobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = routescope::testing::makeTempDir();
    store_ = std::make_unique<RunStore>(dir_ + "/runs.sqlite");
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  RunRequest request() const {
    RunRequest r;
    r.study = "test";
    r.kind = "scripted";
    r.settings.seed = 5;
    r.settings.config = {{"x", 1}};
    r.command_line = "routescope-cli test scripted --seed 5";
    return r;
  }
  std::string dir_;
  std::unique_ptr<RunStore> store_;
};

}  // namespace

TEST_F(JobTest, CompletedRunKeepsMetricsArtifactsAndProvenance) {
  const std::string input = dir_ + "/input.txt";
  std::ofstream(input) << "reference input";
  ScriptedJob job([&](JobContext& ctx) {
    ctx.recordInput(input);
    for (int step = 0; step < 5000; ++step) ctx.metric("loss", step, 1.0 / (step + 1));
    ctx.artifactText("note.txt", "hello");
    ctx.progress(1.0, "done");
  });
  RecordingObserver observer;
  const RunOutcome outcome = runJob(*store_, job, request(), CancelToken{}, &observer);
  EXPECT_EQ(outcome.status, RunStatus::Completed);
  EXPECT_EQ(store_->metrics(outcome.run_id, "loss").size(), 5000u);
  EXPECT_EQ(observer.metrics.size(), 5000u);
  const RunRecord run = store_->run(outcome.run_id);
  EXPECT_EQ(run.status, RunStatus::Completed);
  EXPECT_EQ(run.seed, 5u);
  EXPECT_EQ(run.provenance["command"], "routescope-cli test scripted --seed 5");
  EXPECT_FALSE(run.provenance["app_version"].get<std::string>().empty());
  EXPECT_FALSE(run.provenance["cpu_model"].get<std::string>().empty());
  ASSERT_EQ(run.provenance["inputs"].size(), 1u);
  EXPECT_EQ(run.provenance["inputs"][0]["sha256"], sha256Hex("reference input"));
  EXPECT_EQ(run.provenance["inputs"][0]["path"], fs::absolute(input).string());
  const auto note = store_->readArtifact(outcome.run_id, "note.txt");
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(note.data()), note.size()), "hello");
}

TEST_F(JobTest, FailureIsRecordedAsOneLineAndKeepsEarlierMetrics) {
  ScriptedJob job([](JobContext& ctx) {
    ctx.metric("loss", 1, 2.0);
    throw Error("data.json: field 'nodes'\nis missing");
  });
  const RunOutcome outcome = runJob(*store_, job, request(), CancelToken{});
  EXPECT_EQ(outcome.status, RunStatus::Failed);
  EXPECT_EQ(outcome.error, "data.json: field 'nodes' is missing");
  const RunRecord run = store_->run(outcome.run_id);
  EXPECT_EQ(run.status, RunStatus::Failed);
  EXPECT_EQ(run.error, "data.json: field 'nodes' is missing");
  EXPECT_EQ(store_->metrics(outcome.run_id).size(), 1u);
}

TEST_F(JobTest, CancellationEndsTheRunAsCancelledPromptly) {
  CancelToken cancel;
  ScriptedJob job([](JobContext& ctx) {
    for (int64_t step = 0;; ++step) {
      ctx.throwIfCancelled();
      ctx.metric("step", step, static_cast<double>(step));
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  std::chrono::steady_clock::time_point cancelled_at;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    cancelled_at = std::chrono::steady_clock::now();
    cancel.cancel();
  });
  const RunOutcome outcome = runJob(*store_, job, request(), cancel);
  const auto ended = std::chrono::steady_clock::now();
  canceller.join();
  EXPECT_EQ(outcome.status, RunStatus::Cancelled);
  EXPECT_EQ(store_->run(outcome.run_id).status, RunStatus::Cancelled);
  EXPECT_GT(store_->metrics(outcome.run_id).size(), 0u);  // what it measured is kept
  // Generous slack for a loaded CI machine; the latency itself is benchmarked in bench/.
  EXPECT_LT(std::chrono::duration<double>(ended - cancelled_at).count(), 1.0);
}

TEST_F(JobTest, RngIsSeededFromTheRun) {
  uint64_t first = 0, second = 0;
  ScriptedJob a([&](JobContext& ctx) { first = ctx.rng()(); });
  ScriptedJob b([&](JobContext& ctx) { second = ctx.rng()(); });
  runJob(*store_, a, request(), CancelToken{});
  runJob(*store_, b, request(), CancelToken{});
  EXPECT_EQ(first, second);
  EXPECT_EQ(first, std::mt19937_64(5)());
}

TEST(EtaEstimator, ExtrapolatesFromTheRateAfterTheFirstReport) {
  using Clock = EtaEstimator::Clock;
  const auto t0 = Clock::time_point{};
  EtaEstimator eta(t0);
  // 10 s of set-up, then 10 % per second.
  EXPECT_FALSE(eta.update(0.0, "start", t0 + std::chrono::seconds(10)).eta_s.has_value());
  const auto u = eta.update(0.5, "half", t0 + std::chrono::seconds(15));
  ASSERT_TRUE(u.eta_s.has_value());
  EXPECT_NEAR(*u.eta_s, 5.0, 1e-9);
  EXPECT_NEAR(u.elapsed_s, 15.0, 1e-9);
  EXPECT_EQ(*eta.update(1.0, "done", t0 + std::chrono::seconds(20)).eta_s, 0.0);
  EXPECT_EQ(formatDuration(3723), "1:02:03");
  EXPECT_EQ(formatDuration(65), "1:05");
}
