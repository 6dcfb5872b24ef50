#include "backend/moe/model_config.h"

#include "backend/core/error.h"

namespace routescope::moe {

std::string toString(RouterKind kind) {
  switch (kind) {
    case RouterKind::Linear:
      return "linear";
    case RouterKind::Gru:
      return "gru";
    case RouterKind::ExpertChoice:
      return "expert-choice";
    case RouterKind::Priority:
      return "priority";
    case RouterKind::Dropless:
      return "dropless";
  }
  return "linear";
}

RouterKind parseRouterKind(const std::string& text) {
  for (auto kind : {RouterKind::Linear, RouterKind::Gru, RouterKind::ExpertChoice, RouterKind::Priority,
                    RouterKind::Dropless}) {
    if (toString(kind) == text) return kind;
  }
  throw core::Error("router '" + text + "': unknown (linear, gru, expert-choice, priority, dropless)");
}

int64_t MoeModelConfig::moeLayerCount() const {
  int64_t count = 0;
  for (int64_t i = 0; i < layers; ++i) count += isMoeLayer(i) ? 1 : 0;
  return count;
}

nlohmann::json toJson(const MoeModelConfig& c) {
  return {{"vocab", c.vocab},
          {"layers", c.layers},
          {"d_model", c.d_model},
          {"heads", c.heads},
          {"ffn", c.ffn},
          {"experts", c.experts},
          {"top_k", c.top_k},
          {"moe_every", c.moe_every},
          {"capacity_train", c.capacity_train},
          {"capacity_eval", c.capacity_eval},
          {"context", c.context},
          {"router", toString(c.router)},
          {"renormalise", c.renormalise},
          {"group", c.group_batch ? "batch" : "sequence"},
          {"gru_dim", c.gru_dim},
          {"gru_detach", c.gru_detach},
          {"residual", c.residual},
          {"positional", c.positional},
          {"balance_coef", c.balance_coef},
          {"z_coef", c.z_coef}};
}

MoeModelConfig modelConfigFromJson(const nlohmann::json& j) {
  MoeModelConfig c;
  auto get = [&](const char* key, auto& field) {
    if (j.contains(key)) field = j.at(key).get<std::decay_t<decltype(field)>>();
  };
  try {
    get("vocab", c.vocab);
    get("layers", c.layers);
    get("d_model", c.d_model);
    get("heads", c.heads);
    get("ffn", c.ffn);
    get("experts", c.experts);
    get("top_k", c.top_k);
    get("moe_every", c.moe_every);
    get("capacity_train", c.capacity_train);
    get("capacity_eval", c.capacity_eval);
    get("context", c.context);
    if (j.contains("router")) c.router = parseRouterKind(j.at("router").get<std::string>());
    get("renormalise", c.renormalise);
    if (j.contains("group")) {
      const auto group = j.at("group").get<std::string>();
      if (group != "sequence" && group != "batch") {
        throw core::Error("model.group '" + group + "': unknown (sequence, batch)");
      }
      c.group_batch = group == "batch";
    }
    get("gru_dim", c.gru_dim);
    get("gru_detach", c.gru_detach);
    get("residual", c.residual);
    get("positional", c.positional);
    get("balance_coef", c.balance_coef);
    get("z_coef", c.z_coef);
  } catch (const nlohmann::json::exception& e) {
    throw core::Error(std::string("model config: ") + e.what());
  }
  if (c.d_model % c.heads != 0) {
    throw core::Error("model.d_model (" + std::to_string(c.d_model) + ") must be divisible by model.heads (" +
                      std::to_string(c.heads) + ")");
  }
  if (c.top_k > c.experts) {
    throw core::Error("model.top_k (" + std::to_string(c.top_k) + ") exceeds model.experts (" +
                      std::to_string(c.experts) + ")");
  }
  if (c.moeLayerCount() == 0) {
    throw core::Error("model.moe_every (" + std::to_string(c.moe_every) + ") leaves no MoE layer in " +
                      std::to_string(c.layers) + " layers");
  }
  return c;
}

}  // namespace routescope::moe
