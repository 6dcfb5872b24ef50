#include "backend/core/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace routescope::core {

ProgressUpdate EtaEstimator::update(double fraction, std::string message, Clock::time_point now) {
  fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
  ProgressUpdate out;
  out.fraction = fraction;
  out.message = std::move(message);
  out.elapsed_s = std::chrono::duration<double>(now - start_).count();
  if (!first_) {
    first_ = {now, fraction};
  } else if (fraction >= 1.0) {
    out.eta_s = 0.0;
  } else {
    const double moved = fraction - first_->second;
    const double took = std::chrono::duration<double>(now - first_->first).count();
    if (moved > 1e-9 && took > 0) out.eta_s = (1.0 - fraction) * took / moved;
  }
  return out;
}

std::string formatDuration(double seconds) {
  const auto total = static_cast<long long>(std::max(0.0, std::round(seconds)));
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
  }
  return text;
}

}  // namespace routescope::core
