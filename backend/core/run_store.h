#pragma once
// The run store: one SQLite file (WAL, foreign keys, versioned schema with migrations) holding
// runs, their metrics, artifacts and events. Writes are transactional; a run stays 'running' until
// it is finished explicitly, so a crash can never leave a run that looks complete. Runs owned by
// a process that no longer exists are marked 'interrupted' when the store is opened.
//
// Thread-safe: one connection guarded by a mutex; several processes may share the file.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "backend/core/run_record.h"

struct sqlite3;

namespace routescope::core {

struct NewRun {
  std::string study;
  std::string kind;
  nlohmann::json config = nlohmann::json::object();
  uint64_t seed = 0;
  std::string device = "cpu";
  std::string group_id;
  std::string name;
  nlohmann::json provenance = nlohmann::json::object();
};

class RunStore {
 public:
  // Artifacts above this size are written as files beside the database instead of as blobs.
  static constexpr int64_t kInlineArtifactLimit = 1 << 20;
  static constexpr int64_t kInlineEverything = INT64_MAX;
  static int currentSchemaVersion();

  // Opens or creates the store, migrating older schemas. Throws Error naming the file when it is
  // not a RouteScope store, is corrupt, or comes from a newer version of the app.
  explicit RunStore(std::string path, int64_t inline_artifact_limit = kInlineArtifactLimit);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  const std::string& path() const { return path_; }
  int schemaVersion() const;
  // Runs marked interrupted by this open (their owner process was gone).
  const std::vector<std::string>& interruptedOnOpen() const { return interrupted_on_open_; }
  // "ok" or SQLite's report.
  std::string integrityCheck() const;

  // --- runs -----------------------------------------------------------------------------------
  // Creates a run in state 'running', owned by this process. Returns its id.
  std::string beginRun(const NewRun& run);
  // Creates a run record verbatim (bundle import); throws if the id exists.
  void insertRunRecord(const RunRecord& record);
  void finishRun(const std::string& id, RunStatus status, const std::string& error = {});
  void setProvenance(const std::string& id, const nlohmann::json& provenance);
  void rename(const std::string& id, const std::string& name);
  void setNotes(const std::string& id, const std::string& notes);
  void setTags(const std::string& id, const std::vector<std::string>& tags);
  void deleteRun(const std::string& id);
  // Exact id or a unique prefix of at least 4 characters; throws Error when none or ambiguous.
  RunRecord run(const std::string& id_or_prefix) const;
  std::optional<RunRecord> findRun(const std::string& id) const;
  std::vector<RunRecord> listRuns(const RunFilter& filter = {}) const;

  // --- metrics and events ---------------------------------------------------------------------
  void addMetrics(const std::string& run_id, std::span<const MetricPoint> points);
  // All points of a run (optionally of one metric), ordered by name then step.
  std::vector<MetricPoint> metrics(const std::string& run_id, const std::string& name = {}) const;
  void addEvent(const std::string& run_id, const std::string& level, const std::string& message);
  struct Event {
    int64_t time_ms;
    std::string level;
    std::string message;
  };
  std::vector<Event> events(const std::string& run_id) const;

  // --- artifacts ------------------------------------------------------------------------------
  // Names are file-name safe: letters, digits, '.', '_', '-'. Replaces an artifact of that name.
  void putArtifact(const std::string& run_id, const std::string& name, std::span<const std::byte> bytes);
  void putArtifactFile(const std::string& run_id, const std::string& name, const std::string& source_path);
  std::vector<ArtifactInfo> artifacts(const std::string& run_id) const;
  // Verifies the checksum; throws Error naming run and artifact on mismatch or absence.
  std::vector<std::byte> readArtifact(const std::string& run_id, const std::string& name) const;
  // The same, as text (JSON, CSV).
  std::string readArtifactText(const std::string& run_id, const std::string& name) const;
  std::string artifactFolder(const std::string& run_id) const;

 private:
  void migrate();
  void markRunsOfDeadOwners();
  void exec(const std::string& sql) const;
  void storeArtifact(const std::string& run_id, const std::string& name, std::span<const std::byte> bytes,
                     const std::string& sha256);

  std::string path_;
  int64_t inline_artifact_limit_;
  sqlite3* db_ = nullptr;
  mutable std::recursive_mutex mutex_;
  std::vector<std::string> interrupted_on_open_;
};

int64_t nowMillis();

}  // namespace routescope::core
