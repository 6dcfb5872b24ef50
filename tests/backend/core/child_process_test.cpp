#include "backend/core/child_process.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <thread>

#include "backend/core/error.h"

using namespace routescope::core;

TEST(ChildProcess, ReturnsTheChildsExitCode) {
  CancelToken cancel;
  EXPECT_EQ(runInChildProcess(cancel, [] { return 0; }), 0);
  EXPECT_EQ(runInChildProcess(cancel, [] { return 3; }), 3);
  EXPECT_EQ(runInChildProcess(cancel, []() -> int { throw Error("boom"); }), 1);
}

TEST(ChildProcess, CancellingKillsAnUninterruptibleCall) {
  CancelToken cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel.cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(runInChildProcess(cancel,
                                 [] {
                                   sleep(60);  // stands for a library call that never checks
                                   return 0;
                                 }),
               JobCancelled);
  canceller.join();
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST(ChildProcess, ACrashIsAnErrorNotACrashOfTheApp) {
  CancelToken cancel;
  EXPECT_THROW(runInChildProcess(cancel,
                                 [] {
                                   raise(SIGSEGV);
                                   return 0;
                                 }),
               Error);
}
