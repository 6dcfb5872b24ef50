#include "backend/moe/checkpoint_routers.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <regex>

#include "backend/core/error.h"
#include "backend/core/safetensors.h"

namespace routescope::moe {
namespace {

struct Layout {
  const char* name;
  std::regex pattern;  // captures the numbers that order the layers
  // Switch has encoder and decoder stacks: the encoder's layers come first.
  int stack_group = 0;  // capture group holding "encoder"/"decoder", 0 = none
};

const std::vector<Layout>& layouts() {
  static const std::vector<Layout> all = {
      {"mixtral", std::regex(R"(^model\.layers\.(\d+)\.block_sparse_moe\.gate\.weight$)")},
      {"olmoe", std::regex(R"(^model\.layers\.(\d+)\.mlp\.gate\.weight$)")},
      {"switch",
       std::regex(R"(^(encoder|decoder)\.block\.(\d+)\.layer\.(\d+)\.mlp\.router\.classifier\.weight$)"), 1},
      {"granite", std::regex(R"(^model\.layers\.(\d+)\.block_sparse_moe\.router\.layer\.weight$)")},
      // This app's own checkpoints (backend/moe router.cpp): the linear router's gate per layer, or
      // the GRU router's per-layer projection of the recurrent state.
      {"routescope", std::regex(R"(^router\.gates\.(\d+)\.weight$)")},
  };
  return all;
}

// Sort key of a matched tensor: (stack, numbers...) so layers come in model order, not text order.
using LayerKey = std::vector<long long>;

LayerKey keyOf(const std::smatch& m, const Layout& layout) {
  LayerKey key;
  for (size_t g = 1; g < m.size(); ++g) {
    if (static_cast<int>(g) == layout.stack_group) {
      key.push_back(m[g].str() == "encoder" ? 0 : 1);
    } else {
      key.push_back(std::stoll(m[g].str()));
    }
  }
  return key;
}

// Either kind of checkpoint, behind one lookup.
class Checkpoint {
 public:
  explicit Checkpoint(const std::string& path) {
    try {
      if (path.ends_with(".json")) {
        sharded_ = core::ShardedSafetensors::open(path);
        names_ = sharded_->names();
      } else {
        single_ = core::SafetensorsFile::open(path);
        for (const auto& t : single_->tensors()) names_.push_back(t.name);
      }
    } catch (const core::Error& e) {
      // The reader names the file and the defect; say first what that means for the user.
      std::string detail = e.what();
      if (detail.starts_with(path + ": ")) detail.erase(0, path.size() + 2);
      throw core::Error(path + ": not a readable safetensors checkpoint (" + detail + ")");
    }
  }
  const std::vector<std::string>& names() const { return names_; }
  const core::TensorView& find(const std::string& name) const {
    const auto* view = sharded_ ? sharded_->find(name) : single_->find(name);
    return *view;  // names come from names(), so the tensor exists
  }

 private:
  std::optional<core::SafetensorsFile> single_;
  std::optional<core::ShardedSafetensors> sharded_;
  std::vector<std::string> names_;
};

}  // namespace

RouterWeights readRouterWeights(const std::string& path) {
  const Checkpoint checkpoint(path);
  // Match every layout; the one with the most router tensors wins (a checkpoint holds one).
  const Layout* best = nullptr;
  std::map<LayerKey, std::string> best_matches;
  for (const auto& layout : layouts()) {
    std::map<LayerKey, std::string> matches;
    for (const auto& name : checkpoint.names()) {
      std::smatch m;
      if (std::regex_match(name, m, layout.pattern)) matches[keyOf(m, layout)] = name;
    }
    if (matches.size() > best_matches.size()) {
      best = &layout;
      best_matches = std::move(matches);
    }
  }
  if (!best) {
    throw core::Error(
        path +
        ": no router tensors found (looked for Mixtral, OLMoE/Qwen-MoE/DeepSeek-MoE, Switch, "
        "Granite and RouteScope names among " +
        std::to_string(checkpoint.names().size()) + " tensors)");
  }
  RouterWeights result;
  result.layout = best->name;
  for (const auto& [key, name] : best_matches) {
    const auto& tensor = checkpoint.find(name);
    if (tensor.shape.size() != 2) {
      throw core::Error(path + ": router tensor " + name + " has " + std::to_string(tensor.shape.size()) +
                        " dimensions, expected 2 (experts x hidden)");
    }
    const int experts = static_cast<int>(tensor.shape[0]);
    const int hidden = static_cast<int>(tensor.shape[1]);
    if (result.tensor_names.empty()) {
      result.experts = experts;
      result.hidden = hidden;
    } else if (experts != result.experts || hidden != result.hidden) {
      throw core::Error(path + ": inconsistent router shapes: " + name + " is " + std::to_string(experts) +
                        "x" + std::to_string(hidden) + ", " + result.tensor_names.front() + " is " +
                        std::to_string(result.experts) + "x" + std::to_string(result.hidden));
    }
    if (experts < 1 || hidden < 1) throw core::Error(path + ": router tensor " + name + " is empty");
    result.tensor_names.push_back(name);
    result.weights.push_back(core::toFloat32(tensor));
  }
  result.layers = static_cast<int>(result.tensor_names.size());
  return result;
}

std::vector<std::vector<float>> routerWeightNorms(const RouterWeights& weights) {
  std::vector<std::vector<float>> norms;
  const auto H = static_cast<size_t>(weights.hidden);
  for (const auto& layer : weights.weights) {
    std::vector<float>& row_norms = norms.emplace_back();
    for (size_t e = 0; e < static_cast<size_t>(weights.experts); ++e) {
      double sum = 0;
      for (size_t h = 0; h < H; ++h) sum += static_cast<double>(layer[e * H + h]) * layer[e * H + h];
      row_norms.push_back(static_cast<float>(std::sqrt(sum)));
    }
  }
  return norms;
}

std::vector<float> expertCosineSimilarity(const RouterWeights& weights, int layer) {
  if (layer < 0 || layer >= weights.layers) {
    throw core::Error("router layer " + std::to_string(layer) + " is outside 0.." +
                      std::to_string(weights.layers - 1));
  }
  const auto E = static_cast<size_t>(weights.experts), H = static_cast<size_t>(weights.hidden);
  const auto& w = weights.weights[static_cast<size_t>(layer)];
  std::vector<double> norms(E);
  for (size_t e = 0; e < E; ++e) {
    double sum = 0;
    for (size_t h = 0; h < H; ++h) sum += static_cast<double>(w[e * H + h]) * w[e * H + h];
    norms[e] = std::sqrt(sum);
  }
  std::vector<float> similarity(E * E, 0.0f);
  for (size_t a = 0; a < E; ++a) {
    for (size_t b = a; b < E; ++b) {
      double dot = 0;
      for (size_t h = 0; h < H; ++h) dot += static_cast<double>(w[a * H + h]) * w[b * H + h];
      const double denominator = norms[a] * norms[b];
      const float value = denominator > 0 ? static_cast<float>(dot / denominator) : 0.0f;
      similarity[a * E + b] = similarity[b * E + a] = value;
    }
  }
  return similarity;
}

}  // namespace routescope::moe
