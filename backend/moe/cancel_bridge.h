#pragma once
// A CancelToken that follows a JobContext: JobContext only answers cancelled(), but data-layer
// calls (buildCorpus, trainSentencePiece) take a token they can hand to child processes and
// worker threads. A watcher thread copies the context's state into the token every 20 ms.

#include <atomic>
#include <chrono>
#include <thread>

#include "backend/core/job.h"

namespace routescope::moe {

class CancelBridge {
 public:
  explicit CancelBridge(const core::JobContext& context)
      : watcher_([this, &context] {
          while (!stop_.load()) {
            if (context.cancelled()) {
              token_.cancel();
              return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
          }
        }) {}
  ~CancelBridge() {
    stop_.store(true);
    watcher_.join();
  }
  CancelBridge(const CancelBridge&) = delete;
  CancelBridge& operator=(const CancelBridge&) = delete;

  const core::CancelToken& token() const { return token_; }

 private:
  core::CancelToken token_;
  std::atomic<bool> stop_{false};
  std::thread watcher_;  // last: starts after token_ and stop_ exist
};

}  // namespace routescope::moe
