#include "backend/core/config.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "backend/core/error.h"
#include "backend/core/sha256.h"

namespace routescope::core {
namespace {

nlohmann::json::json_pointer pointerFor(std::string_view key) {
  std::string pointer;
  size_t start = 0;
  while (start <= key.size()) {
    const size_t dot = key.find('.', start);
    const size_t end = dot == std::string_view::npos ? key.size() : dot;
    pointer += "/";
    pointer += key.substr(start, end - start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return nlohmann::json::json_pointer(pointer);
}

std::string typeName(FieldType type) {
  switch (type) {
    case FieldType::Integer:
      return "an integer";
    case FieldType::Real:
      return "a number";
    case FieldType::Boolean:
      return "true or false";
    case FieldType::Text:
      return "a string";
    case FieldType::Choice:
      return "a string";
  }
  return "a value";
}

std::string joinChoices(const std::vector<std::string>& choices) {
  std::string joined;
  for (const auto& c : choices) joined += (joined.empty() ? "" : "|") + c;
  return joined;
}

std::string formatNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Collects leaf keys of nested objects as dotted paths.
void collectLeaves(const nlohmann::json& node, const std::string& prefix, std::vector<std::string>& out) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object()) {
      collectLeaves(*it, key, out);
    } else {
      out.push_back(key);
    }
  }
}

}  // namespace

ConfigSchema& ConfigSchema::add(ConfigField field) {
  if (find(field.key)) throw Error("config schema: key '" + field.key + "' declared twice");
  fields_.push_back(std::move(field));
  return *this;
}

ConfigSchema& ConfigSchema::integer(std::string key, int64_t fallback, std::optional<double> min,
                                    std::optional<double> max, std::string help) {
  return add({std::move(key), FieldType::Integer, fallback, min, max, {}, std::move(help), {}, false});
}

ConfigSchema& ConfigSchema::real(std::string key, double fallback, std::optional<double> min,
                                 std::optional<double> max, std::string help) {
  return add({std::move(key), FieldType::Real, fallback, min, max, {}, std::move(help), {}, false});
}

ConfigSchema& ConfigSchema::boolean(std::string key, bool fallback, std::string help) {
  return add({std::move(key), FieldType::Boolean, fallback, {}, {}, {}, std::move(help), {}, false});
}

ConfigSchema& ConfigSchema::text(std::string key, std::string fallback, std::string help) {
  return add({std::move(key), FieldType::Text, std::move(fallback), {}, {}, {}, std::move(help), {}, false});
}

ConfigSchema& ConfigSchema::choice(std::string key, std::string fallback, std::vector<std::string> choices,
                                   std::string help) {
  return add(
      {std::move(key), FieldType::Choice, std::move(fallback), {}, {}, std::move(choices), std::move(help), {}, false});
}

ConfigSchema& ConfigSchema::flag(std::string name) {
  if (fields_.empty()) throw Error("config schema: flag '" + name + "' before any field");
  fields_.back().cli_flag = std::move(name);
  return *this;
}

ConfigSchema& ConfigSchema::positional(std::string name) {
  flag(std::move(name));
  fields_.back().cli_positional = true;
  return *this;
}

const ConfigField* ConfigSchema::find(std::string_view key) const {
  for (const auto& field : fields_) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

nlohmann::json ConfigSchema::defaults() const {
  nlohmann::json config = nlohmann::json::object();
  for (const auto& field : fields_) setConfigValue(config, field.key, field.default_value);
  return config;
}

nlohmann::json ConfigSchema::parseValue(const ConfigField& field, std::string_view text) const {
  const std::string prefix = "config key '" + field.key + "': ";
  switch (field.type) {
    case FieldType::Integer: {
      int64_t value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || end != text.data() + text.size()) {
        throw Error(prefix + "expected an integer, got '" + std::string(text) + "'");
      }
      return value;
    }
    case FieldType::Real: {
      const std::string copy(text);
      size_t used = 0;
      double value = 0;
      try {
        value = std::stod(copy, &used);
      } catch (...) {
        used = 0;
      }
      if (used == 0 || used != copy.size()) {
        throw Error(prefix + "expected a number, got '" + copy + "'");
      }
      return value;
    }
    case FieldType::Boolean:
      if (text == "true" || text == "1" || text == "yes" || text == "on") return true;
      if (text == "false" || text == "0" || text == "no" || text == "off") return false;
      throw Error(prefix + "expected true or false, got '" + std::string(text) + "'");
    case FieldType::Text:
    case FieldType::Choice:
      return std::string(text);
  }
  return nullptr;
}

void ConfigSchema::validate(const nlohmann::json& config) const {
  if (!config.is_object()) throw Error("config: expected a JSON object at the top level");
  std::vector<std::string> leaves;
  collectLeaves(config, "", leaves);
  for (const auto& key : leaves) {
    if (!find(key)) {
      std::string known;
      for (const auto& field : fields_) known += (known.empty() ? "" : ", ") + field.key;
      throw Error("config key '" + key + "': unknown key (known keys: " + known + ")");
    }
  }
  for (const auto& field : fields_) {
    const nlohmann::json* value = configValue(config, field.key);
    const std::string prefix = "config key '" + field.key + "': ";
    if (!value) throw Error(prefix + "missing");
    bool type_ok = false;
    switch (field.type) {
      case FieldType::Integer:
        type_ok = value->is_number_integer() ||
                  (value->is_number_float() && std::trunc(value->get<double>()) == value->get<double>());
        break;
      case FieldType::Real:
        type_ok = value->is_number();
        break;
      case FieldType::Boolean:
        type_ok = value->is_boolean();
        break;
      case FieldType::Text:
      case FieldType::Choice:
        type_ok = value->is_string();
        break;
    }
    if (!type_ok) throw Error(prefix + "expected " + typeName(field.type) + ", got " + value->dump());
    if (value->is_number()) {
      const double number = value->get<double>();
      if (!std::isfinite(number)) throw Error(prefix + "expected a finite number");
      if (field.min && number < *field.min) {
        throw Error(prefix + formatNumber(number) + " is below the minimum " + formatNumber(*field.min));
      }
      if (field.max && number > *field.max) {
        throw Error(prefix + formatNumber(number) + " is above the maximum " + formatNumber(*field.max));
      }
    }
    if (field.type == FieldType::Choice) {
      const auto text = value->get<std::string>();
      if (std::find(field.choices.begin(), field.choices.end(), text) == field.choices.end()) {
        throw Error(prefix + "'" + text + "' is not one of " + joinChoices(field.choices));
      }
    }
  }
}

nlohmann::json ConfigSchema::resolve(const nlohmann::json& user,
                                     const std::vector<std::string>& overrides) const {
  nlohmann::json config = defaults();
  if (!user.is_null()) {
    if (!user.is_object()) throw Error("config: expected a JSON object at the top level");
    std::vector<std::string> leaves;
    collectLeaves(user, "", leaves);
    for (const auto& key : leaves) setConfigValue(config, key, *configValue(user, key));
  }
  for (const auto& assignment : overrides) {
    const auto [key, text] = splitOverride(assignment);
    const ConfigField* field = find(key);
    if (!field) {
      std::string known;
      for (const auto& f : fields_) known += (known.empty() ? "" : ", ") + f.key;
      throw Error("config key '" + key + "': unknown key (known keys: " + known + ")");
    }
    setConfigValue(config, key, parseValue(*field, text));
  }
  validate(config);
  // Integers written as 3.0 in a file are normalised so hashes and reruns agree.
  for (const auto& field : fields_) {
    if (field.type == FieldType::Integer) {
      setConfigValue(config, field.key, static_cast<int64_t>(configValue(config, field.key)->get<double>()));
    }
  }
  return config;
}

std::pair<std::string, std::string> splitOverride(std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw Error("--set '" + std::string(assignment) + "': expected key=value");
  }
  return {std::string(assignment.substr(0, eq)), std::string(assignment.substr(eq + 1))};
}

nlohmann::json loadConfigFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot open config file");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(path + ": invalid JSON at byte " + std::to_string(e.byte));
  }
}

const nlohmann::json* configValue(const nlohmann::json& config, std::string_view key) {
  const auto pointer = pointerFor(key);
  if (!config.contains(pointer)) return nullptr;
  return &config.at(pointer);
}

void setConfigValue(nlohmann::json& config, std::string_view key, nlohmann::json value) {
  config[pointerFor(key)] = std::move(value);
}

std::string configHash(const nlohmann::json& config) {
  return sha256Hex(config.dump()).substr(0, 12);
}

}  // namespace routescope::core
