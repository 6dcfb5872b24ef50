#pragma once
// Jobs: long work (training, solving, measuring) that reports progress and metrics, can be
// cancelled within a second, and records everything in a run of the run store.

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/progress.h"
#include "backend/core/run_record.h"

namespace routescope::core {

// The artifact holding a run's headline results (JobContext::result).
inline constexpr std::string_view kResultArtifact = "result.json";

class RunStore;

// Shared between whoever may cancel (GUI button, SIGINT handler, queue) and the running job.
class CancelToken {
 public:
  void cancel() { flag_.store(true, std::memory_order_relaxed); }
  bool cancelled() const {
    return flag_.load(std::memory_order_relaxed) || (external_ && external_->load(std::memory_order_relaxed));
  }
  // Also observe a process-wide flag (the CLI's SIGINT flag); must outlive the token.
  void linkExternal(const std::atomic<bool>* flag) { external_ = flag; }

 private:
  std::atomic<bool> flag_{false};
  const std::atomic<bool>* external_ = nullptr;
};

// Observes a running job: the CLI draws a progress bar, the GUI a job row and live charts.
// Called on the job's thread.
class JobObserver {
 public:
  virtual ~JobObserver() = default;
  virtual void onProgress(const ProgressUpdate&) {}
  virtual void onMetric(const MetricPoint&) {}
  virtual void onEvent(const std::string& level, const std::string& message) {}
};

struct JobSettings {
  nlohmann::json config = nlohmann::json::object();
  uint64_t seed = 0;
  std::string device = "cpu";  // already resolved: "cpu" or "cuda:N"
  int threads = 1;
};

class JobContext {
 public:
  JobContext(RunStore& store, std::string run_id, JobSettings settings, const CancelToken& cancel,
             JobObserver* observer);
  ~JobContext();
  JobContext(const JobContext&) = delete;
  JobContext& operator=(const JobContext&) = delete;

  const std::string& runId() const { return run_id_; }
  const nlohmann::json& config() const { return settings_.config; }
  uint64_t seed() const { return settings_.seed; }
  const std::string& device() const { return settings_.device; }
  int threads() const { return settings_.threads; }
  // Seeded from the run's seed: every std random draw of a job goes through it.
  std::mt19937_64& rng() { return rng_; }

  void progress(double fraction, std::string_view message);
  bool cancelled() const { return cancel_.cancelled(); }
  // For library calls that take the token themselves (child processes, corpus builders).
  const CancelToken& cancelToken() const { return cancel_; }
  // Jobs that build on earlier runs (resume, trace a trained model) read their artifacts here.
  const RunStore& store() const { return store_; }
  // Jobs call this at least once per second (or per training step).
  void throwIfCancelled() const;

  // Metrics are buffered and written in batches; flush() forces a write.
  void metric(std::string_view name, int64_t step, double value);
  void flush();
  void event(const std::string& level, const std::string& message);
  void artifact(const std::string& name, std::span<const std::byte> bytes);
  void artifactText(const std::string& name, std::string_view text);
  void artifactFile(const std::string& name, const std::string& path);
  // The run's headline results (merged into the object so far and stored as the artifact
  // "result.json"); routescope-cli prints their keys at the top level of its --json output.
  void result(const nlohmann::json& fields);
  const nlohmann::json& results() const { return results_; }
  // Records an input file (path + SHA-256) in the run's provenance; returns the checksum.
  std::string recordInput(const std::string& path);
  const nlohmann::json& inputs() const { return inputs_; }

 private:
  RunStore& store_;
  std::string run_id_;
  JobSettings settings_;
  const CancelToken& cancel_;
  JobObserver* observer_;
  std::mt19937_64 rng_;
  EtaEstimator eta_;
  std::vector<MetricPoint> pending_;
  std::chrono::steady_clock::time_point last_flush_;
  nlohmann::json inputs_ = nlohmann::json::array();
  nlohmann::json results_ = nlohmann::json::object();
};

class Job {
 public:
  virtual ~Job() = default;
  // Throws JobCancelled when cancelled, Error (one line) when it fails.
  virtual void run(JobContext& context) = 0;
};

}  // namespace routescope::core
