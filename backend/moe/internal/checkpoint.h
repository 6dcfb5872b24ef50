#pragma once
// Checkpoints of the MoE language model as safetensors: every parameter in F32 under its module
// path, with the model config (JSON) and the step in the metadata; and the AdamW state (moments
// and step per parameter) in a separate file so resumed training continues exactly.
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "backend/core/checkpoint_artifacts.h"
#include "backend/core/run_store.h"
#include "backend/moe/model_config.h"

namespace routescope::moe {

// Artifact names in a training run ("checkpoint-step-000100.safetensors", "optimizer-latest.safetensors").
using core::checkpointArtifactName;
using core::checkpointSteps;
inline constexpr const char* kOptimizerArtifact = "optimizer-latest.safetensors";

void writeModelCheckpoint(torch::nn::Module& model, const MoeModelConfig& config, int64_t step,
                          const std::string& path);

struct CheckpointInfo {
  MoeModelConfig config;
  int64_t step = 0;
};
// Reads the metadata only. Throws core::Error naming the file.
CheckpointInfo readCheckpointInfo(const std::string& path);
// Copies the file's tensors into `model`'s parameters; every parameter must be present with the
// same shape. Throws core::Error naming the file and the tensor.
void loadModelWeights(torch::nn::Module& model, const std::string& path);

void writeOptimizerState(torch::optim::AdamW& optimizer, torch::nn::Module& model, int64_t step,
                         const std::string& path);
// Returns the step the state belongs to.
int64_t loadOptimizerState(torch::optim::AdamW& optimizer, torch::nn::Module& model, const std::string& path);

}  // namespace routescope::moe
