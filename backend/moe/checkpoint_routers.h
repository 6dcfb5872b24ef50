#pragma once
// Router weights of real MoE checkpoints (safetensors, single or sharded), found by their on-disk
// tensor names, plus the per-expert summaries MoE 2/2 shows (weight norms, expert similarity).

#include <string>
#include <vector>

namespace routescope::moe {

struct RouterWeights {
  // "mixtral"  model.layers.{i}.block_sparse_moe.gate.weight
  // "olmoe"    model.layers.{i}.mlp.gate.weight (OLMoE, Qwen-MoE, DeepSeek-MoE)
  // "switch"   {encoder,decoder}.block.{i}.layer.{j}.mlp.router.classifier.weight (encoder first)
  // "granite"  model.layers.{i}.block_sparse_moe.router.layer.weight
  // "routescope" router.gates.{i}.weight (this app's own `moe train` checkpoints)
  std::string layout;
  int layers = 0;
  int experts = 0;
  int hidden = 0;
  std::vector<std::string> tensor_names;    // per layer, in layer order
  std::vector<std::vector<float>> weights;  // per layer, [experts * hidden] row-major
};

// `path` is a .safetensors file or a sharded checkpoint's .index.json. Throws core::Error with one
// line naming the file: not a safetensors file, no router tensors found, inconsistent shapes.
RouterWeights readRouterWeights(const std::string& path);

// [layer][expert]: the L2 norm of each expert's router row.
std::vector<std::vector<float>> routerWeightNorms(const RouterWeights& weights);
// [experts * experts] row-major: cosine similarity of the experts' router rows in one layer
// (0 where a row is all zeros).
std::vector<float> expertCosineSimilarity(const RouterWeights& weights, int layer);

}  // namespace routescope::moe
