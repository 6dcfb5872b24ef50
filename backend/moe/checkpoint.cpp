#include "backend/moe/internal/checkpoint.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <type_traits>
#include <utility>

#include "backend/core/error.h"
#include "backend/core/safetensors.h"

namespace routescope::moe {
namespace {

void addTensor(core::SafetensorsWriter& writer, const std::string& name, const torch::Tensor& tensor) {
  const auto cpu = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
  const auto* data = reinterpret_cast<const std::byte*>(cpu.data_ptr<float>());
  writer.add(name, core::DType::F32, cpu.sizes().vec(),
             std::span(data, static_cast<size_t>(cpu.numel()) * sizeof(float)));
}

void copyInto(const core::SafetensorsFile& file, const std::string& name, torch::Tensor& target) {
  const auto* view = file.find(name);
  if (!view) throw core::Error(file.path() + ": tensor '" + name + "' is missing");
  if (view->shape != target.sizes().vec()) {
    throw core::Error(file.path() + ": tensor '" + name + "' has shape " +
                      c10::str(c10::IntArrayRef(view->shape)) + ", the model expects " +
                      c10::str(target.sizes()));
  }
  const auto values = core::toFloat32(*view);
  auto source = torch::from_blob(const_cast<float*>(values.data()), target.sizes(), torch::kFloat32);
  torch::NoGradGuard no_grad;
  target.copy_(source);
}

// LibTorch 1.13 keys optimizer state by the parameter's TensorImpl address written as a string;
// LibTorch 2.x by the address itself. Follow whichever the optimizer's map uses.
using StateMap = std::decay_t<decltype(std::declval<torch::optim::AdamW&>().state())>;
template <typename Key>
Key stateKeyOf(const torch::Tensor& parameter) {
  if constexpr (std::is_same_v<Key, std::string>) {
    std::ostringstream address;  // what c10::guts::to_string gave: the pointer streamed
    address << parameter.unsafeGetTensorImpl();
    return address.str();
  } else {
    return parameter.unsafeGetTensorImpl();
  }
}
StateMap::key_type stateKey(const torch::Tensor& parameter) {
  return stateKeyOf<StateMap::key_type>(parameter);
}

}  // namespace

std::string checkpointArtifactName(int64_t step) {
  char name[64];
  std::snprintf(name, sizeof name, "checkpoint-step-%06lld.safetensors", static_cast<long long>(step));
  return name;
}

std::vector<int64_t> checkpointSteps(const core::RunStore& store, const std::string& run_id) {
  std::vector<int64_t> steps;
  for (const auto& info : store.artifacts(run_id)) {
    long long step = 0;
    char tail[32] = {};
    if (std::sscanf(info.name.c_str(), "checkpoint-step-%lld.%31s", &step, tail) == 2 &&
        std::string(tail) == "safetensors") {
      steps.push_back(step);
    }
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

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
  auto& states = optimizer.state();
  for (const auto& item : model.named_parameters()) {
    const auto found = states.find(stateKey(item.value()));
    if (found == states.end()) continue;  // no gradient yet (e.g. an unused expert)
    const auto& state = static_cast<const torch::optim::AdamWParamState&>(*found->second);
    addTensor(writer, item.key() + ".exp_avg", state.exp_avg());
    addTensor(writer, item.key() + ".exp_avg_sq", state.exp_avg_sq());
  }
  std::map<std::string, std::string> meta{{"format", "routescope-adamw"}, {"step", std::to_string(step)}};
  for (const auto& item : model.named_parameters()) {
    const auto found = states.find(stateKey(item.value()));
    if (found != states.end()) {
      meta["step." + item.key()] =
          std::to_string(static_cast<const torch::optim::AdamWParamState&>(*found->second).step());
    }
  }
  writer.setMetadata(meta);
  writer.write(path);
}

int64_t loadOptimizerState(torch::optim::AdamW& optimizer, torch::nn::Module& model,
                           const std::string& path) {
  const auto file = core::SafetensorsFile::open(path);
  const auto& meta = file.metadata();
  const auto step = meta.find("step");
  if (step == meta.end()) throw core::Error(path + ": not an optimizer state file (metadata 'step' missing)");
  auto& states = optimizer.state();
  for (auto& item : model.named_parameters()) {
    const auto param_step = meta.find("step." + item.key());
    if (param_step == meta.end()) continue;
    auto state = std::make_unique<torch::optim::AdamWParamState>();
    auto exp_avg = torch::empty_like(item.value());
    auto exp_avg_sq = torch::empty_like(item.value());
    copyInto(file, item.key() + ".exp_avg", exp_avg);
    copyInto(file, item.key() + ".exp_avg_sq", exp_avg_sq);
    state->step(std::stoll(param_step->second));
    state->exp_avg(exp_avg);
    state->exp_avg_sq(exp_avg_sq);
    states[stateKey(item.value())] = std::move(state);
  }
  return std::stoll(step->second);
}

}  // namespace routescope::moe
