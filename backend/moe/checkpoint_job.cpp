// moe inspect-checkpoint: router weights of a real MoE checkpoint, summarised per layer and
// expert (weight norms, expert cosine similarity) and stored for MoE 2/2's views.
#include <filesystem>

#include "backend/core/error.h"
#include "backend/core/safetensors.h"
#include "backend/moe/checkpoint_routers.h"
#include "backend/moe/data_jobs.h"

namespace fs = std::filesystem;

namespace routescope::moe {
namespace {

// Inputs are checksummed for reruns; a multi-gigabyte shard would take minutes, so only the
// index or a small single file is.
constexpr uintmax_t kMaxChecksummedBytes = 256ull << 20;
// The router weights themselves are kept when they are small (all layers, as float32).
constexpr size_t kMaxStoredWeights = 16u << 20;

std::span<const std::byte> asBytes(const std::vector<float>& values) {
  return {reinterpret_cast<const std::byte*>(values.data()), values.size() * sizeof(float)};
}

class InspectCheckpointJob final : public core::Job {
 public:
  void run(core::JobContext& context) override {
    const std::string path = context.config().value("path", "");
    if (path.empty()) throw core::Error("config key 'path': give a .safetensors file or an .index.json");
    context.progress(0.0, "reading " + path);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size <= kMaxChecksummedBytes) {
      context.recordInput(path);
    } else if (!ec) {
      context.event("info", path + " is not checksummed (larger than 256 MB)");
    }
    const RouterWeights weights = readRouterWeights(path);
    context.throwIfCancelled();
    context.progress(0.5, "summarising " + std::to_string(weights.layers) + " router layers");

    const auto norms = routerWeightNorms(weights);
    std::vector<float> flat_norms, similarity;
    std::vector<std::vector<std::vector<float>>> similarity_json;  // [layer][expert][expert], for the views
    for (int l = 0; l < weights.layers; ++l) {
      flat_norms.insert(flat_norms.end(), norms[static_cast<size_t>(l)].begin(),
                        norms[static_cast<size_t>(l)].end());
      const auto layer = expertCosineSimilarity(weights, l);
      similarity.insert(similarity.end(), layer.begin(), layer.end());
      auto& matrix = similarity_json.emplace_back();
      for (int e = 0; e < weights.experts; ++e)
        matrix.emplace_back(layer.begin() + e * weights.experts, layer.begin() + (e + 1) * weights.experts);
      context.throwIfCancelled();
    }
    const int64_t L = weights.layers, E = weights.experts, H = weights.hidden;
    const std::map<std::string, std::string> metadata = {{"layout", weights.layout}, {"source", path}};
    core::SafetensorsWriter summary;
    summary.add("norms", core::DType::F32, {L, E}, asBytes(flat_norms));
    summary.add("cosine_similarity", core::DType::F32, {L, E, E}, asBytes(similarity));
    summary.setMetadata(metadata);
    writeArtifact(context, "router_summary.safetensors", summary);
    if (static_cast<size_t>(L * E * H) <= kMaxStoredWeights) {
      std::vector<float> all;
      for (const auto& layer : weights.weights) all.insert(all.end(), layer.begin(), layer.end());
      core::SafetensorsWriter raw;
      raw.add("router_weights", core::DType::F32, {L, E, H}, asBytes(all));
      raw.setMetadata(metadata);
      writeArtifact(context, "router_weights.safetensors", raw);
    }
    context.artifactText("router_summary.json", nlohmann::json({{"layout", weights.layout},
                                                                {"layers", L},
                                                                {"experts", E},
                                                                {"hidden", H},
                                                                {"tensor_names", weights.tensor_names},
                                                                {"norms", norms},
                                                                {"cosine_similarity", similarity_json}})
                                                    .dump(1));
    context.result({{"layers", L}, {"experts", E}, {"hidden", H}, {"layout", weights.layout}});
    context.progress(1.0, "router weights summarised");
  }

 private:
  static void writeArtifact(core::JobContext& context, const std::string& name,
                            const core::SafetensorsWriter& writer) {
    const fs::path file = fs::temp_directory_path() / ("routescope-" + context.runId() + "-" + name);
    writer.write(file.string());
    try {
      context.artifactFile(name, file.string());
    } catch (...) {
      fs::remove(file);
      throw;
    }
    fs::remove(file);
  }
};

}  // namespace

core::JobKind inspectCheckpointJobKind() {
  core::JobKind kind;
  kind.study = "moe";
  kind.kind = "inspect-checkpoint";
  kind.summary = "Read the router weights of a real MoE checkpoint (.safetensors or sharded .index.json)";
  kind.schema.text("path", "", "a .safetensors file or a sharded checkpoint's .index.json")
      .positional("PATH");
  kind.create = [](const nlohmann::json&) { return std::make_unique<InspectCheckpointJob>(); };
  return kind;
}

}  // namespace routescope::moe
