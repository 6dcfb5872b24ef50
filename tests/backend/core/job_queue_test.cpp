#include "backend/core/job_queue.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "backend/core/run_store.h"
#include "tests/support/cli_runner.h"

using namespace routescope::core;

namespace {

// Runs until cancelled, recording how many such jobs run at once.
class BusyJob : public Job {
 public:
  BusyJob(std::atomic<int>& running, std::atomic<int>& max_running, std::atomic<int>& nice_seen)
      : running_(running), max_running_(max_running), nice_seen_(nice_seen) {}
  void run(JobContext& ctx) override {
    const int now = ++running_;
    max_running_ = std::max(max_running_.load(), now);
    nice_seen_ = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
    try {
      for (int i = 0; i < 400; ++i) {
        ctx.throwIfCancelled();
        ctx.progress(i / 400.0, "busy");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    } catch (...) {
      --running_;
      throw;
    }
    --running_;
  }

 private:
  std::atomic<int>& running_;
  std::atomic<int>& max_running_;
  std::atomic<int>& nice_seen_;
};

RunRequest request(const std::string& kind) {
  RunRequest r;
  r.study = "test";
  r.kind = kind;
  return r;
}

}  // namespace

TEST(JobQueue, RunsOneHeavyJobAtATimeWithOthersWaitingVisibly) {
  const std::string dir = routescope::testing::makeTempDir();
  RunStore store(dir + "/runs.sqlite");
  std::atomic<int> running{0}, max_running{0}, nice_seen{-100};
  const int base_nice = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
  {
    JobQueue queue(store, 1, 5);
    const auto a = queue.submit(std::make_unique<BusyJob>(running, max_running, nice_seen), request("a"));
    const auto b = queue.submit(std::make_unique<BusyJob>(running, max_running, nice_seen), request("b"));
    const auto c = queue.submit(std::make_unique<BusyJob>(running, max_running, nice_seen), request("c"));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto snapshot = queue.snapshot();
    ASSERT_EQ(snapshot.size(), 3u);
    EXPECT_EQ(snapshot[0].state, QueueState::Running);
    EXPECT_GT(snapshot[0].progress.fraction, 0.0);
    EXPECT_EQ(snapshot[1].state, QueueState::Waiting);
    EXPECT_EQ(snapshot[2].state, QueueState::Waiting);

    queue.cancel(c);  // waiting: removed without ever running
    EXPECT_EQ(queue.entry(c)->state, QueueState::Finished);
    queue.cancel(a);  // running: stops, then b starts
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(queue.entry(a)->outcome.status, RunStatus::Cancelled);
    EXPECT_EQ(queue.entry(b)->state, QueueState::Running);
    queue.cancel(b);
    queue.waitIdle();
    EXPECT_EQ(queue.entry(b)->outcome.status, RunStatus::Cancelled);
    EXPECT_EQ(queue.entry(c)->outcome.status, RunStatus::Cancelled);
    EXPECT_TRUE(queue.entry(c)->outcome.run_id.empty());
  }
  EXPECT_EQ(max_running.load(), 1);
  EXPECT_EQ(nice_seen.load(), std::min(19, base_nice + 5));  // lower priority than the caller
  EXPECT_EQ(store.listRuns().size(), 2u);                    // the never-started job made no run
  std::filesystem::remove_all(dir);
}

TEST(JobQueue, DestructionCancelsRunningJobs) {
  const std::string dir = routescope::testing::makeTempDir();
  RunStore store(dir + "/runs.sqlite");
  std::atomic<int> running{0}, max_running{0}, nice_seen{0};
  const auto start = std::chrono::steady_clock::now();
  {
    JobQueue queue(store, 2, 0);
    queue.submit(std::make_unique<BusyJob>(running, max_running, nice_seen), request("a"));
    queue.submit(std::make_unique<BusyJob>(running, max_running, nice_seen), request("b"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.5);
  EXPECT_EQ(max_running.load(), 2);
  for (const auto& run : store.listRuns()) EXPECT_EQ(run.status, RunStatus::Cancelled);
  std::filesystem::remove_all(dir);
}
