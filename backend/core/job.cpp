#include "backend/core/job.h"

#include <filesystem>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/core/sha256.h"

namespace routescope::core {
namespace {
constexpr size_t kFlushEveryPoints = 2000;
constexpr auto kFlushEvery = std::chrono::milliseconds(500);
}  // namespace

JobContext::JobContext(RunStore& store, std::string run_id, JobSettings settings, const CancelToken& cancel,
                       JobObserver* observer)
    : store_(store),
      run_id_(std::move(run_id)),
      settings_(std::move(settings)),
      cancel_(cancel),
      observer_(observer),
      rng_(settings_.seed),
      last_flush_(std::chrono::steady_clock::now()) {}

JobContext::~JobContext() {
  try {
    flush();
  } catch (...) {
    // Destructors must not throw; the runner flushes explicitly and reports errors.
  }
}

void JobContext::progress(double fraction, std::string_view message) {
  const ProgressUpdate update = eta_.update(fraction, std::string(message));
  if (observer_) observer_->onProgress(update);
}

void JobContext::throwIfCancelled() const {
  if (cancelled()) throw JobCancelled();
}

void JobContext::metric(std::string_view name, int64_t step, double value) {
  MetricPoint point{std::string(name), step, value};
  if (observer_) observer_->onMetric(point);
  pending_.push_back(std::move(point));
  if (pending_.size() >= kFlushEveryPoints || std::chrono::steady_clock::now() - last_flush_ >= kFlushEvery) {
    flush();
  }
}

void JobContext::flush() {
  last_flush_ = std::chrono::steady_clock::now();
  if (pending_.empty()) return;
  store_.addMetrics(run_id_, pending_);
  pending_.clear();
}

void JobContext::event(const std::string& level, const std::string& message) {
  store_.addEvent(run_id_, level, message);
  if (observer_) observer_->onEvent(level, message);
}

void JobContext::artifact(const std::string& name, std::span<const std::byte> bytes) {
  store_.putArtifact(run_id_, name, bytes);
}

void JobContext::artifactText(const std::string& name, std::string_view text) {
  artifact(name, std::as_bytes(std::span(text.data(), text.size())));
}

void JobContext::result(const nlohmann::json& fields) {
  results_.update(fields);
  artifactText(std::string(kResultArtifact), results_.dump(2));
}

void JobContext::artifactFile(const std::string& name, const std::string& path) {
  store_.putArtifactFile(run_id_, name, path);
}

std::string JobContext::recordInput(const std::string& path) {
  const std::string sha = sha256File(path);
  std::error_code path_error, size_error;
  const auto absolute = std::filesystem::absolute(path, path_error);
  const auto size = std::filesystem::file_size(path, size_error);
  inputs_.push_back({{"path", path_error ? path : absolute.string()},
                     {"sha256", sha},
                     {"bytes", size_error ? int64_t{0} : static_cast<int64_t>(size)}});
  return sha;
}

}  // namespace routescope::core
