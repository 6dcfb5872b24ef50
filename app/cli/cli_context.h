#pragma once
// What every routescope-cli verb shares: the global options, the run store, the study registry,
// and how results are printed (text or --json on stdout; progress and errors on stderr).

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/run_store.h"
#include "backend/core/study_registry.h"

namespace routescope::cli {

// Exit codes promised in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitCancelled = 130;

struct GlobalOptions {
  std::string db;  // empty: default location
  bool json = false;
  bool quiet = false;  // no progress bar
  std::optional<uint64_t> seed;
  std::string device = "auto";
  std::optional<int> threads;
  std::string config_file;
  std::vector<std::string> overrides;  // --set key=value
  std::string out;
  std::string preset;  // --preset NAME, for job kinds that offer presets
};

class CliContext {
 public:
  explicit CliContext(const core::StudyRegistry& registry) : registry_(registry) {}
  GlobalOptions options;

  const core::StudyRegistry& registry() const { return registry_; }
  core::RunStore& store();
  int threads() const;
  // Builds the job's config from defaults, --config and --set; validated.
  nlohmann::json resolveConfig(const core::JobKind& kind) const;
  // --seed, or a fresh one (recorded in the run, so the run can still be re-created).
  uint64_t seedOrRandom() const;

  // Prints `result` as JSON when --json, else `text` (if non-empty).
  void emit(const nlohmann::json& result, const std::string& text) const;

 private:
  const core::StudyRegistry& registry_;
  std::unique_ptr<core::RunStore> store_;
};

}  // namespace routescope::cli
