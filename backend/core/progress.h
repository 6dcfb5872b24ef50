#pragma once
// Progress of a running job and its estimated time to completion.

#include <chrono>
#include <optional>
#include <string>

namespace routescope::core {

struct ProgressUpdate {
  double fraction = 0;  // 0..1
  std::string message;
  double elapsed_s = 0;
  std::optional<double> eta_s;  // unknown until progress has moved
};

// Estimates the remaining time from the rate of progress since the first report, so set-up time
// before the first step (loading data, building models) does not distort the rate.
class EtaEstimator {
 public:
  using Clock = std::chrono::steady_clock;
  explicit EtaEstimator(Clock::time_point start = Clock::now()) : start_(start) {}
  ProgressUpdate update(double fraction, std::string message, Clock::time_point now = Clock::now());

 private:
  Clock::time_point start_;
  std::optional<std::pair<Clock::time_point, double>> first_;
};

// "1:02:03", "4:05", "0:07".
std::string formatDuration(double seconds);

}  // namespace routescope::core
