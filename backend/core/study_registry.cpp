#include "backend/core/study_registry.h"

#include "backend/core/error.h"

namespace routescope::core {

std::string recreateCommand(const JobKind& kind, const nlohmann::json& config, uint64_t seed,
                            const std::string& device, int threads) {
  std::string command = "routescope-cli " + kind.study + " " + kind.kind + " --seed " + std::to_string(seed) +
                        " --device " + device + " --threads " + std::to_string(threads);
  for (const auto& field : kind.schema.fields()) {
    const nlohmann::json* value = configValue(config, field.key);
    if (!value || *value == field.default_value) continue;
    command += " --set " + field.key + "=" + (value->is_string() ? value->get<std::string>() : value->dump());
  }
  return command;
}

void StudyRegistry::add(JobKind kind) {
  if (find(kind.study, kind.kind)) {
    throw Error("job kind " + kind.study + " " + kind.kind + " registered twice");
  }
  kinds_.push_back(std::move(kind));
}

const JobKind* StudyRegistry::find(const std::string& study, const std::string& kind) const {
  for (const auto& k : kinds_) {
    if (k.study == study && k.kind == kind) return &k;
  }
  return nullptr;
}

const JobKind& StudyRegistry::get(const std::string& study, const std::string& kind) const {
  if (const JobKind* k = find(study, kind)) return *k;
  std::string known;
  for (const auto& k : kinds_) known += (known.empty() ? "" : ", ") + k.study + " " + k.kind;
  throw Error("no job kind '" + study + " " + kind + "' (known: " + known + ")");
}

nlohmann::json resolveJobConfig(const JobKind& kind, const std::string& preset, const nlohmann::json& file,
                                const std::vector<std::string>& overrides) {
  std::string name = preset;
  if (name.empty() && !kind.preset_key.empty()) {
    // The preset named by the key's value as the file and the overrides give it.
    const auto plain = kind.schema.resolve(file, overrides);
    if (const auto* value = configValue(plain, kind.preset_key);
        value && value->is_string() && kind.presets.count(value->get<std::string>())) {
      name = value->get<std::string>();
    }
  }
  nlohmann::json user = nlohmann::json::object();
  if (!name.empty()) {
    const auto found = kind.presets.find(name);
    if (found == kind.presets.end()) {
      std::string known;
      for (const auto& [n, values] : kind.presets) known += (known.empty() ? "" : ", ") + n;
      throw Error("--preset '" + name + "': unknown preset (known: " + known + ")");
    }
    for (const auto& [key, value] : found->second.items()) setConfigValue(user, key, value);
    if (kind.schema.find("preset")) setConfigValue(user, "preset", name);
  }
  if (file.is_object()) user.merge_patch(file);
  return kind.schema.resolve(user, overrides);
}

}  // namespace routescope::core
