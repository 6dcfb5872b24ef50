#pragma once
// Progress on stderr: a redrawn bar with ETA on a terminal, a line every few seconds otherwise
// (so logs of CI and batch runs stay readable).

#include <chrono>
#include <string>

#include "backend/core/job.h"

namespace routescope::cli {

class ProgressBar : public core::JobObserver {
 public:
  ProgressBar(std::string label, bool enabled);
  ~ProgressBar() override;
  void onProgress(const core::ProgressUpdate& update) override;
  void onEvent(const std::string& level, const std::string& message) override;
  void finish();

 private:
  std::string label_;
  bool enabled_;
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace routescope::cli
