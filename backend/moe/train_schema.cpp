#include "backend/moe/train_schema.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "backend/core/error.h"
#include "backend/moe/data_config.h"

namespace routescope::moe {
namespace {

int64_t integer(const nlohmann::json& config, std::string_view key) {
  return core::configValue(config, key)->get<int64_t>();
}
double real(const nlohmann::json& config, std::string_view key) {
  return core::configValue(config, key)->get<double>();
}
std::string text(const nlohmann::json& config, std::string_view key) {
  return core::configValue(config, key)->get<std::string>();
}
bool boolean(const nlohmann::json& config, std::string_view key) {
  return core::configValue(config, key)->get<bool>();
}

}  // namespace

core::ConfigSchema trainSchema() {
  core::ConfigSchema schema;
  schema.text("preset", "custom", "the preset this config started from (informational)");
  addCorpusFields(schema);
  addTokenizerFields(schema);
  schema.integer("model.layers", 4, 1, 64, "transformer blocks")
      .integer("model.d_model", 128, 8, 8192, "model width")
      .integer("model.heads", 4, 1, 128, "attention heads (must divide d_model)")
      .integer("model.ffn", 256, 4, 65536, "hidden size of each expert and of dense blocks")
      .integer("model.experts", 8, 1, 256, "experts per MoE layer (E)")
      .integer("model.top_k", 2, 1, 16, "experts per token")
      .integer("model.moe_every", 1, 1, 64, "every n-th block is a MoE block")
      .real("model.capacity_train", 1.25, 0.01, 64, "capacity factor while training")
      .real("model.capacity_eval", 2.0, 0.01, 64, "capacity factor for validation and traces")
      .integer("model.context", 128, 8, 8192, "context length in tokens")
      .choice("model.router", "linear", {"linear", "gru", "expert-choice", "priority", "dropless"},
              "router: OpenMoE linear, RMoE GRU, or a capacity-aware alternative")
      .boolean("model.renormalise", false,
               "combine weights renormalised over the top-k (else raw probabilities)")
      .choice("model.group", "sequence", {"sequence", "batch"},
              "capacity group: one sequence or the whole batch")
      .integer("model.gru_dim", 128, 4, 4096, "RMoE router projection size p")
      .boolean("model.gru_detach", false, "RMoE ablation: no gradient through h between layers")
      .choice("model.residual", "pre-ln", {"pre-ln", "rezero"}, "residual connections")
      .choice("model.positional", "learned", {"none", "learned"}, "positional encoding")
      .real("model.balance_coef", 0.01, 0, 10, "load-balance loss coefficient c_bal")
      .real("model.z_coef", 1e-4, 0, 10, "router z-loss coefficient c_z");
  schema.integer("train.steps", 600, 1, 100'000'000, "optimiser steps")
      .integer("train.batch", 16, 1, 65536, "sequences per step")
      .real("train.lr", 2e-3, 1e-7, 10, "peak learning rate (AdamW)")
      .integer("train.warmup", 50, 0, 100'000'000, "linear warm-up steps")
      .real("train.min_lr_ratio", 0.1, 0, 1, "final learning rate as a share of the peak (cosine decay)")
      .real("train.weight_decay", 0.01, 0, 10, "AdamW weight decay")
      .real("train.clip", 1.0, 0, 1000, "gradient-norm clipping (0: none)")
      .integer("train.log_every", 10, 1, 1'000'000, "steps between logged training metrics")
      .integer("train.eval_every", 100, 1, 100'000'000, "steps between validations")
      .integer("train.eval_tokens", 16384, 128, 100'000'000, "validation tokens (equal share per domain)");
  schema.integer("checkpoint.every", 100, 1, 100'000'000, "steps between checkpoints")
      .text("checkpoint.steps", "", "extra checkpoint steps, e.g. 10,25,50 (early routing is learned fast)");
  schema.integer("trace.tokens", 8192, 0, 50'000, "tokens traced at each checkpoint (0: no traces)")
      .choice("trace.set", "valid", {"valid", "test"}, "split the traced text comes from (all domains)")
      .text("trace.text", "", "pasted text to trace instead of a split")
      .boolean("trace.full_probs", false, "also keep every expert's probability per token and layer")
      .choice("trace.gru_states", "final", {"none", "final", "all"},
              "GRU router states (fp16) at no, the final or every checkpoint");
  schema.text("resume.run", "", "continue this training run (its corpus, tokenizer and latest checkpoint)");
  return schema;
}

std::map<std::string, nlohmann::json> trainPresets() {
  // demo: trains in a few minutes on 2 cores; checkpoints early and often so MoE 2/2 can show
  // routing settle.
  nlohmann::json demo = {{"corpus.domain_cap_mb", 1.0},
                         {"tokenizer.vocab_size", 2048},
                         {"model.layers", 4},
                         {"model.d_model", 128},
                         {"model.heads", 4},
                         {"model.ffn", 256},
                         {"model.experts", 8},
                         {"model.top_k", 2},
                         {"model.context", 128},
                         {"train.steps", 400},
                         {"train.batch", 16},
                         {"train.lr", 2e-3},
                         {"train.eval_every", 100},
                         {"checkpoint.every", 100},
                         {"checkpoint.steps", "10,25,50,150"},
                         {"trace.tokens", 8192},
                         {"trace.full_probs", true}};  // RMoE's binned MI and gate entropy need them
  nlohmann::json demo_gru = demo;
  demo_gru["model.router"] = "gru";
  // tiny: seconds, for tests and quick looks.
  nlohmann::json tiny = {{"corpus.domain_cap_mb", 0.25},
                         {"tokenizer.kind", "bytes"},
                         {"model.layers", 2},
                         {"model.d_model", 32},
                         {"model.heads", 2},
                         {"model.ffn", 64},
                         {"model.experts", 4},
                         {"model.top_k", 2},
                         {"model.context", 32},
                         {"model.gru_dim", 16},
                         {"train.steps", 60},
                         {"train.batch", 8},
                         {"train.warmup", 5},
                         {"train.lr", 3e-3},
                         {"train.eval_every", 20},
                         {"train.eval_tokens", 2048},
                         {"checkpoint.every", 30},
                         {"trace.tokens", 512}};
  return {{"demo", demo}, {"demo-gru", demo_gru}, {"tiny", tiny}};
}

MoeModelConfig modelConfigFromJobConfig(const nlohmann::json& config, int64_t vocab) {
  nlohmann::json model = *core::configValue(config, "model");
  model["vocab"] = vocab;
  return modelConfigFromJson(model);
}

TrainSettings trainSettingsFromConfig(const nlohmann::json& config) {
  TrainSettings s;
  s.steps = integer(config, "train.steps");
  s.batch = integer(config, "train.batch");
  s.lr = real(config, "train.lr");
  s.warmup = integer(config, "train.warmup");
  s.min_lr_ratio = real(config, "train.min_lr_ratio");
  s.weight_decay = real(config, "train.weight_decay");
  s.clip = real(config, "train.clip");
  s.log_every = integer(config, "train.log_every");
  s.eval_every = integer(config, "train.eval_every");
  s.eval_tokens = integer(config, "train.eval_tokens");
  const int64_t every = integer(config, "checkpoint.every");
  for (int64_t step = every; step < s.steps; step += every) s.checkpoint_steps.push_back(step);
  std::stringstream list(text(config, "checkpoint.steps"));
  for (std::string item; std::getline(list, item, ',');) {
    if (item.find_first_not_of(" ") == std::string::npos) continue;
    try {
      size_t used = 0;
      const int64_t step = std::stoll(item, &used);
      if (step < 1 || item.find_first_not_of(" ", used) != std::string::npos)
        throw std::invalid_argument(item);
      if (step < s.steps) s.checkpoint_steps.push_back(step);
    } catch (const std::exception&) {
      throw core::Error("config key 'checkpoint.steps': '" + item + "' is not a positive step number");
    }
  }
  s.checkpoint_steps.push_back(s.steps);
  std::sort(s.checkpoint_steps.begin(), s.checkpoint_steps.end());
  s.checkpoint_steps.erase(std::unique(s.checkpoint_steps.begin(), s.checkpoint_steps.end()),
                           s.checkpoint_steps.end());
  return s;
}

TraceSettings traceSettingsFromConfig(const nlohmann::json& config) {
  TraceSettings t;
  t.tokens = integer(config, "trace.tokens");
  t.set = text(config, "trace.set");
  t.text = text(config, "trace.text");
  t.full_probs = boolean(config, "trace.full_probs");
  t.gru_states = text(config, "trace.gru_states");
  return t;
}

double learningRate(const TrainSettings& s, int64_t step) {
  if (s.warmup > 0 && step <= s.warmup)
    return s.lr * static_cast<double>(step) / static_cast<double>(s.warmup);
  const double span = static_cast<double>(std::max<int64_t>(1, s.steps - s.warmup));
  const double progress = std::clamp(static_cast<double>(step - s.warmup) / span, 0.0, 1.0);
  const double cosine = 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
  return s.lr * (s.min_lr_ratio + (1.0 - s.min_lr_ratio) * cosine);
}

}  // namespace routescope::moe
