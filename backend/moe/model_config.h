#pragma once
// The MoE language model's shape and routing settings (torch-free, so jobs, tests and views can
// read a checkpoint's config without LibTorch).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace routescope::moe {

enum class RouterKind { Linear, Gru, ExpertChoice, Priority, Dropless };
std::string toString(RouterKind kind);
RouterKind parseRouterKind(const std::string& text);  // throws core::Error naming the allowed values

struct MoeModelConfig {
  int64_t vocab = 4096;
  int64_t layers = 4;
  int64_t d_model = 128;
  int64_t heads = 4;
  int64_t ffn = 256;    // hidden size of each expert (and of dense layers)
  int64_t experts = 8;  // E
  int64_t top_k = 2;
  int64_t moe_every = 1;  // layer i (0-based) is a MoE layer when (i + 1) % moe_every == 0
  double capacity_train = 1.25;
  double capacity_eval = 2.0;
  int64_t context = 128;
  RouterKind router = RouterKind::Linear;
  bool renormalise = false;            // combine weights renormalised over the top-k (else raw probabilities)
  bool group_batch = false;            // capacity group: the whole batch instead of one sequence
  int64_t gru_dim = 128;               // RMoE projection size p
  bool gru_detach = false;             // RMoE ablation: no gradient through h between layers
  std::string residual = "pre-ln";     // pre-ln | rezero
  std::string positional = "learned";  // none | learned
  double balance_coef = 0.01;          // c_bal
  double z_coef = 1e-4;                // c_z

  bool isMoeLayer(int64_t layer) const { return (layer + 1) % moe_every == 0; }
  int64_t moeLayerCount() const;
  // Routers that pick top-k per token (all but expert-choice) use the gate's top-k.
  bool usesGru() const { return router == RouterKind::Gru; }
};

nlohmann::json toJson(const MoeModelConfig& config);
// Reads the keys toJson writes; missing keys keep their defaults. Throws core::Error on bad values.
MoeModelConfig modelConfigFromJson(const nlohmann::json& json);

}  // namespace routescope::moe
