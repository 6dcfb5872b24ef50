#pragma once
// The config keys of `moe train` (model, training, checkpoints, traces; corpus and tokenizer keys
// come from data_config.h) and its presets,
// and how they turn into the typed settings the trainer uses.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "backend/core/config.h"
#include "backend/moe/model_config.h"

namespace routescope::moe {

struct TrainSettings {
  int64_t steps = 600;
  int64_t batch = 16;
  double lr = 2e-3;
  int64_t warmup = 50;
  double min_lr_ratio = 0.1;
  double weight_decay = 0.01;
  double clip = 1.0;
  int64_t log_every = 10;
  int64_t eval_every = 100;
  int64_t eval_tokens = 16384;
  std::vector<int64_t> checkpoint_steps;  // sorted, includes the last step
};

struct TraceSettings {
  int64_t tokens = 8192;  // 0: no traces
  std::string set = "valid";
  std::string text;  // pasted text; overrides `set`
  bool full_probs = false;
  std::string gru_states = "final";  // none | final | all
};

core::ConfigSchema trainSchema();
std::map<std::string, nlohmann::json> trainPresets();

MoeModelConfig modelConfigFromJobConfig(const nlohmann::json& config, int64_t vocab);
TrainSettings trainSettingsFromConfig(const nlohmann::json& config);
TraceSettings traceSettingsFromConfig(const nlohmann::json& config);

// Learning rate at `step` (1-based): linear warm-up, then cosine decay to min_lr_ratio·lr.
double learningRate(const TrainSettings& settings, int64_t step);

}  // namespace routescope::moe
