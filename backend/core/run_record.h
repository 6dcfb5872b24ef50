#pragma once
// Plain data describing runs as the run store keeps them.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace routescope::core {

enum class RunStatus { Running, Completed, Failed, Cancelled, Interrupted };
std::string toString(RunStatus status);
RunStatus parseRunStatus(std::string_view text);  // throws Error on unknown text

struct MetricPoint {
  std::string name;
  int64_t step = 0;
  double value = 0;
};

struct RunRecord {
  std::string id;
  std::string study;
  std::string kind;
  nlohmann::json config;
  uint64_t seed = 0;
  std::string device;
  RunStatus status = RunStatus::Running;
  std::string error;       // one line, for failed runs
  int64_t created_ms = 0;  // Unix epoch milliseconds
  std::optional<int64_t> finished_ms;
  std::string app_version;
  std::string group_id;  // sweeps: runs launched together share it
  std::string name;      // user-facing label (rename)
  std::string notes;
  std::vector<std::string> tags;
  nlohmann::json provenance;  // see provenance.h
  int64_t owner_pid = 0;
  uint64_t owner_start_ticks = 0;
  std::string owner_host;
};

struct ArtifactInfo {
  std::string name;
  std::string sha256;
  int64_t size = 0;
  bool stored_as_file = false;  // large artifacts live beside the database
};

struct RunFilter {
  std::string study;  // empty: any
  std::string kind;
  std::string group_id;
  std::optional<RunStatus> status;
  std::string text;  // substring of id, name, notes or tags
  int limit = 0;     // 0: no limit
};

}  // namespace routescope::core
