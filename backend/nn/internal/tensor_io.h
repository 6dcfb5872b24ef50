#pragma once
// Tensors in and out of safetensors checkpoints, and the Adam/AdamW moments of a module's
// parameters, so that resumed training continues exactly. Shared by every study that trains.
#include <torch/torch.h>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

#include "backend/core/error.h"
#include "backend/core/safetensors.h"

namespace routescope::nn {

// Adds `tensor` as F32 (copied to the CPU).
void addTensor(core::SafetensorsWriter& writer, const std::string& name, const torch::Tensor& tensor);
// Copies the file's tensor `name` into `target`; throws core::Error naming the file and the
// tensor when it is missing or of another shape.
void copyInto(const core::SafetensorsFile& file, const std::string& name, torch::Tensor& target);

// LibTorch 1.13 keys optimizer state by the parameter's TensorImpl address written as a string;
// LibTorch 2.x by the address itself. Follow whichever the optimizer's map uses.
template <typename StateMap>
typename StateMap::key_type optimizerStateKey(const torch::Tensor& parameter) {
  using Key = typename StateMap::key_type;
  if constexpr (std::is_same_v<Key, std::string>) {
    std::ostringstream address;  // what c10::guts::to_string gave: the pointer streamed
    address << parameter.unsafeGetTensorImpl();
    return address.str();
  } else {
    return parameter.unsafeGetTensorImpl();
  }
}

// Writes the moments of each parameter of `module` that has optimizer state as
// `<prefix><name>.exp_avg` / `.exp_avg_sq` and its step as metadata `step.<prefix><name>`.
// ParamState: torch::optim::AdamParamState or AdamWParamState.
template <typename ParamState, typename Optimizer>
void addAdamMoments(core::SafetensorsWriter& writer, std::map<std::string, std::string>& metadata,
                    Optimizer& optimizer, torch::nn::Module& module, const std::string& prefix = "") {
  auto& states = optimizer.state();
  using Map = std::decay_t<decltype(states)>;
  for (const auto& item : module.named_parameters()) {
    const auto found = states.find(optimizerStateKey<Map>(item.value()));
    if (found == states.end()) continue;  // no gradient yet (e.g. an unused expert)
    const auto& state = static_cast<const ParamState&>(*found->second);
    addTensor(writer, prefix + item.key() + ".exp_avg", state.exp_avg());
    addTensor(writer, prefix + item.key() + ".exp_avg_sq", state.exp_avg_sq());
    metadata["step." + prefix + item.key()] = std::to_string(state.step());
  }
}

// Inverse of addAdamMoments: parameters without a stored step keep no state.
template <typename ParamState, typename Optimizer>
void loadAdamMoments(const core::SafetensorsFile& file, Optimizer& optimizer, torch::nn::Module& module,
                     const std::string& prefix = "") {
  auto& states = optimizer.state();
  using Map = std::decay_t<decltype(states)>;
  const auto& meta = file.metadata();
  for (auto& item : module.named_parameters()) {
    const auto step = meta.find("step." + prefix + item.key());
    if (step == meta.end()) continue;
    auto state = std::make_unique<ParamState>();
    auto exp_avg = torch::empty_like(item.value());
    auto exp_avg_sq = torch::empty_like(item.value());
    copyInto(file, prefix + item.key() + ".exp_avg", exp_avg);
    copyInto(file, prefix + item.key() + ".exp_avg_sq", exp_avg_sq);
    try {
      state->step(std::stoll(step->second));
    } catch (const std::exception&) {
      throw core::Error(file.path() + ": bad optimizer step for " + prefix + item.key());
    }
    state->exp_avg(exp_avg);
    state->exp_avg_sq(exp_avg_sq);
    states[optimizerStateKey<Map>(item.value())] = std::move(state);
  }
}

}  // namespace routescope::nn
