#pragma once
// The job kinds every study offers, so the CLI, sweeps, reruns and (later) the GUI can create
// any job from (study, kind, config) alone.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backend/core/config.h"
#include "backend/core/job.h"

namespace routescope::core {

struct JobKind {
  std::string study;
  std::string kind;     // the CLI verb
  std::string summary;  // one line for --help
  ConfigSchema schema;
  std::function<std::unique_ptr<Job>(const nlohmann::json& config)> create;
  // Named starting points (`--preset NAME`): config values applied over the defaults and under
  // the config file and --set. The chosen name is kept in the config under "preset" when the
  // schema declares that key.
  std::map<std::string, nlohmann::json> presets;
  // When set and no preset is named, the preset named by this key's value applies (so that
  // `rl train --env pendulum` starts from the Pendulum settings).
  std::string preset_key;
  // False for jobs whose metrics are measurements (timings) that no rerun reproduces exactly.
  bool reproducible = true;
};

// The routescope-cli command that re-creates a run of `kind`: recorded in every run's provenance
// (by the CLI and the GUI alike) and embedded in exported figures. Only config keys that differ
// from the defaults appear, as --set.
std::string recreateCommand(const JobKind& kind, const nlohmann::json& config, uint64_t seed,
                            const std::string& device, int threads);

// A job's config: defaults < preset < `file` (a parsed config file, may be an empty object) <
// overrides ("key=value"). `preset` empty: the kind's preset_key picks one, if any. Throws Error
// naming an unknown preset (and the known ones) or the first bad key.
nlohmann::json resolveJobConfig(const JobKind& kind, const std::string& preset, const nlohmann::json& file,
                                const std::vector<std::string>& overrides);

class StudyRegistry {
 public:
  void add(JobKind kind);  // throws Error on a duplicate (study, kind)
  const JobKind* find(const std::string& study, const std::string& kind) const;
  const JobKind& get(const std::string& study, const std::string& kind) const;  // throws Error
  const std::vector<JobKind>& kinds() const { return kinds_; }

 private:
  std::vector<JobKind> kinds_;
};

}  // namespace routescope::core
