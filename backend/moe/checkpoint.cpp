#include "backend/moe/internal/checkpoint.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <type_traits>
#include <utility>

#include "backend/core/error.h"
#include "backend/core/safetensors.h"
#include "backend/nn/internal/tensor_io.h"

namespace routescope::moe {

using nn::addTensor;
using nn::copyInto;

void writeModelCheckpoint(torch::nn::Module& model, const MoeModelConfig& config, int64_t step,
                          const std::string& path) {
  core::SafetensorsWriter writer;
  for (const auto& item : model.named_parameters()) addTensor(writer, item.key(), item.value());
  writer.setMetadata(
      {{"format", "routescope-moe"}, {"config", toJson(config).dump()}, {"step", std::to_string(step)}});
  writer.write(path);
}

CheckpointInfo readCheckpointInfo(const std::string& path) {
  const auto file = core::SafetensorsFile::open(path);
  const auto& meta = file.metadata();
  const auto config = meta.find("config");
  const auto step = meta.find("step");
  if (config == meta.end() || step == meta.end()) {
    throw core::Error(path + ": not a RouteScope MoE checkpoint (metadata 'config' and 'step' missing)");
  }
  CheckpointInfo info;
  try {
    info.config = modelConfigFromJson(nlohmann::json::parse(config->second));
    info.step = std::stoll(step->second);
  } catch (const std::exception& e) {
    throw core::Error(path + ": bad checkpoint metadata: " + e.what());
  }
  return info;
}

void loadModelWeights(torch::nn::Module& model, const std::string& path) {
  const auto file = core::SafetensorsFile::open(path);
  for (auto& item : model.named_parameters()) copyInto(file, item.key(), item.value());
}

void writeOptimizerState(torch::optim::AdamW& optimizer, torch::nn::Module& model, int64_t step,
                         const std::string& path) {
  core::SafetensorsWriter writer;
  std::map<std::string, std::string> meta{{"format", "routescope-adamw"}, {"step", std::to_string(step)}};
  nn::addAdamMoments<torch::optim::AdamWParamState>(writer, meta, optimizer, model);
  writer.setMetadata(meta);
  writer.write(path);
}

int64_t loadOptimizerState(torch::optim::AdamW& optimizer, torch::nn::Module& model,
                           const std::string& path) {
  const auto file = core::SafetensorsFile::open(path);
  const auto& meta = file.metadata();
  const auto step = meta.find("step");
  if (step == meta.end()) throw core::Error(path + ": not an optimizer state file (metadata 'step' missing)");
  nn::loadAdamMoments<torch::optim::AdamWParamState>(file, optimizer, model);
  return std::stoll(step->second);
}

}  // namespace routescope::moe
