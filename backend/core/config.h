#pragma once
// Study configuration: a JSON object with defaults per study, overridden by a config file and by
// `--set key=value`, and validated with messages that name the key and the allowed values.
// Keys are dotted paths ("model.layers") into nested JSON objects.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace routescope::core {

enum class FieldType { Integer, Real, Boolean, Text, Choice };

struct ConfigField {
  std::string key;
  FieldType type = FieldType::Integer;
  nlohmann::json default_value;
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> choices;  // for FieldType::Choice
  std::string help;
  // When set, routescope-cli offers the field as `--<cli_flag> VALUE` (a bare flag for booleans),
  // or as a positional argument when `cli_positional`; both are shorthands for --set key=value.
  std::string cli_flag;
  bool cli_positional = false;
};

class ConfigSchema {
 public:
  ConfigSchema& integer(std::string key, int64_t fallback, std::optional<double> min,
                        std::optional<double> max, std::string help);
  ConfigSchema& real(std::string key, double fallback, std::optional<double> min, std::optional<double> max,
                     std::string help);
  ConfigSchema& boolean(std::string key, bool fallback, std::string help);
  ConfigSchema& text(std::string key, std::string fallback, std::string help);
  ConfigSchema& choice(std::string key, std::string fallback, std::vector<std::string> choices,
                       std::string help);

  // Exposes the field added last as a CLI option `--name` (see ConfigField::cli_flag).
  ConfigSchema& flag(std::string name);
  // Exposes the field added last as the verb's positional argument, shown as `name`.
  ConfigSchema& positional(std::string name);
  const std::vector<ConfigField>& fields() const { return fields_; }
  const ConfigField* find(std::string_view key) const;
  nlohmann::json defaults() const;

  // Defaults, then `user` (a parsed config file, may be null), then each "key=value" override;
  // the result is validated. Throws Error naming the first bad key.
  nlohmann::json resolve(const nlohmann::json& user, const std::vector<std::string>& overrides) const;
  // Throws Error for unknown keys, wrong types, values out of range or not among the choices.
  void validate(const nlohmann::json& config) const;
  // Parses the text of one value as the field's type (used by --set and sweeps).
  nlohmann::json parseValue(const ConfigField& field, std::string_view text) const;

 private:
  ConfigSchema& add(ConfigField field);
  std::vector<ConfigField> fields_;
};

// "a.b=3" -> {"a.b", "3"}; throws Error on a missing '=' or empty key.
std::pair<std::string, std::string> splitOverride(std::string_view assignment);
// Reads a JSON config file; errors name the file and the parser's position.
nlohmann::json loadConfigFile(const std::string& path);
// Dotted key access into nested objects.
const nlohmann::json* configValue(const nlohmann::json& config, std::string_view key);
void setConfigValue(nlohmann::json& config, std::string_view key, nlohmann::json value);
// Stable short hash of a config (SHA-256 of its canonical dump, first 12 hex digits).
std::string configHash(const nlohmann::json& config);

}  // namespace routescope::core
