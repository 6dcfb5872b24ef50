#include "app/cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace routescope::cli {

ProgressBar::ProgressBar(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), terminal_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::onProgress(const core::ProgressUpdate& update) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000);
  if (drawn_ && now - last_draw_ < interval && update.fraction < 1.0) return;
  last_draw_ = now;
  const std::string eta = update.eta_s ? core::formatDuration(*update.eta_s) : "--:--";
  if (terminal_) {
    constexpr int kWidth = 28;
    const int filled = static_cast<int>(update.fraction * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r\033[K%s [%s] %5.1f%%  %s elapsed, ETA %s  %s", label_.c_str(), bar.c_str(),
                 100.0 * update.fraction, core::formatDuration(update.elapsed_s).c_str(), eta.c_str(),
                 update.message.c_str());
  } else {
    std::fprintf(stderr, "%s %5.1f%%  %s elapsed, ETA %s  %s\n", label_.c_str(), 100.0 * update.fraction,
                 core::formatDuration(update.elapsed_s).c_str(), eta.c_str(), update.message.c_str());
  }
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::onEvent(const std::string& level, const std::string& message) {
  if (!enabled_) return;
  if (terminal_ && drawn_) std::fputs("\r\033[K", stderr);
  std::fprintf(stderr, "%s: %s\n", level.c_str(), message.c_str());
  drawn_ = false;
}

void ProgressBar::finish() {
  if (enabled_ && terminal_ && drawn_) std::fputs("\n", stderr);
  drawn_ = false;
}

}  // namespace routescope::cli
