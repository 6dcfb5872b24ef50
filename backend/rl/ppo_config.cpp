#include "backend/rl/ppo_config.h"

#include "backend/core/error.h"

namespace routescope::rl {

void PpoConfig::check() const {
  if (streams.empty()) throw core::Error("ppo: at least one reward stream is needed");
  if (total_steps < batch()) {
    throw core::Error("total_steps " + std::to_string(total_steps) +
                      " is below one rollout (envs × rollout = " + std::to_string(batch()) + ")");
  }
  if (batch() % minibatches != 0) {
    throw core::Error("minibatches " + std::to_string(minibatches) +
                      " does not divide envs × rollout = " + std::to_string(batch()));
  }
}

void addPpoFields(core::ConfigSchema& schema, const PpoConfig& d, const std::string& p) {
  const auto& s = d.streams.front();
  schema.integer(p + "total_steps", d.total_steps, 1, 1e12, "environment steps in all (over all copies)")
      .integer(p + "envs", d.envs, 1, 4096, "environment copies stepped together")
      .integer(p + "rollout", d.rollout, 1, 1'000'000, "steps per copy per update")
      .integer(p + "minibatches", d.minibatches, 1, 1'000'000, "minibatches per epoch")
      .integer(p + "epochs", d.epochs, 1, 1000, "passes over each rollout")
      .real(p + "learning_rate", d.learning_rate, 1e-8, 1.0, "Adam learning rate")
      .boolean(p + "anneal_lr", d.anneal_lr, "decay the learning rate linearly to 0")
      .real(p + "gamma", s.gamma, 0.0, 1.0, "discount of the environment's reward")
      .real(p + "gae_lambda", d.gae_lambda, 0.0, 1.0, "GAE λ")
      .real(p + "clip", d.clip, 0.0, 10.0, "policy (and value) clipping ε")
      .boolean(p + "clip_value", d.clip_value, "clip the value loss around the rollout's values")
      .real(p + "entropy_coef", d.entropy_coef, 0.0, 10.0, "entropy bonus coefficient")
      .real(p + "value_coef", d.value_coef, 0.0, 100.0, "value loss coefficient")
      .real(p + "max_grad_norm", d.max_grad_norm, 0.0, 1e6, "global gradient-norm clip (0: off)")
      .real(p + "target_kl", d.target_kl, 0.0, 10.0, "stop an update's epochs above this approx-KL (0: off)")
      .boolean(p + "normalize_advantages", d.normalize_advantages, "normalise advantages per minibatch")
      .boolean(p + "normalize_observations", d.normalize_observations,
               "running mean/std observation normalisation")
      .boolean(p + "normalize_returns", s.normalize_returns,
               "scale rewards by the std of the discounted return")
      .real(p + "observation_clip", d.observation_clip, 0.0, 1e6, "clip normalised observations to ±this")
      .real(p + "reward_clip", d.reward_clip, 0.0, 1e6, "clip normalised rewards to ±this")
      .integer(p + "hidden", d.hidden, 1, 65536, "units per hidden layer (actor and critic)")
      .integer(p + "layers", d.layers, 1, 16, "hidden layers (tanh)")
      .real(p + "initial_log_std", d.initial_log_std, -20.0, 5.0, "Gaussian policies: initial log std");
}

PpoConfig ppoConfigFrom(const nlohmann::json& config, const std::string& p) {
  auto value = [&](const std::string& key) -> const nlohmann::json& {
    const auto* v = core::configValue(config, p + key);
    if (!v) throw core::Error("config: missing key " + p + key);
    return *v;
  };
  PpoConfig c;
  c.total_steps = value("total_steps").get<int64_t>();
  c.envs = value("envs").get<int>();
  c.rollout = value("rollout").get<int>();
  c.minibatches = value("minibatches").get<int>();
  c.epochs = value("epochs").get<int>();
  c.learning_rate = value("learning_rate").get<double>();
  c.anneal_lr = value("anneal_lr").get<bool>();
  c.streams.front().gamma = value("gamma").get<double>();
  c.gae_lambda = value("gae_lambda").get<double>();
  c.clip = value("clip").get<double>();
  c.clip_value = value("clip_value").get<bool>();
  c.entropy_coef = value("entropy_coef").get<double>();
  c.value_coef = value("value_coef").get<double>();
  c.max_grad_norm = value("max_grad_norm").get<double>();
  c.target_kl = value("target_kl").get<double>();
  c.normalize_advantages = value("normalize_advantages").get<bool>();
  c.normalize_observations = value("normalize_observations").get<bool>();
  c.streams.front().normalize_returns = value("normalize_returns").get<bool>();
  c.observation_clip = value("observation_clip").get<double>();
  c.reward_clip = value("reward_clip").get<double>();
  c.hidden = value("hidden").get<int>();
  c.layers = value("layers").get<int>();
  c.initial_log_std = value("initial_log_std").get<double>();
  c.check();
  return c;
}

nlohmann::json ppoPreset(const PpoConfig& config, const std::string& prefix) {
  // Through a schema, so that the keys and their spelling are those of addPpoFields.
  core::ConfigSchema defaults_schema, config_schema;
  addPpoFields(defaults_schema, PpoConfig{}, prefix);
  addPpoFields(config_schema, config, prefix);
  nlohmann::json preset = nlohmann::json::object();
  for (size_t i = 0; i < config_schema.fields().size(); ++i) {
    const auto& field = config_schema.fields()[i];
    if (field.default_value != defaults_schema.fields()[i].default_value)
      preset[field.key] = field.default_value;
  }
  return preset;
}

}  // namespace routescope::rl
