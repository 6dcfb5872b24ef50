#include "backend/system/train_check.h"

#include <torch/torch.h>

#include <filesystem>

#include "backend/core/safetensors.h"
#include "backend/system/torch_runtime.h"

namespace routescope::system {
namespace {

// y = sin(x · w_true) + noise, x ~ N(0, I): smooth enough for a small MLP to learn in seconds.
struct Regression {
  torch::Tensor x_train, y_train, x_valid, y_valid;
};

Regression makeData(int64_t features, int64_t samples, const torch::Device& device) {
  const auto w_true = torch::randn({features, 1}) / std::sqrt(static_cast<double>(features));
  auto x = torch::randn({samples, features});
  auto y = torch::sin(3.0 * x.mm(w_true)) + 0.05 * torch::randn({samples, 1});
  const int64_t train = samples * 4 / 5;
  return {x.slice(0, 0, train).to(device), y.slice(0, 0, train).to(device), x.slice(0, train).to(device),
          y.slice(0, train).to(device)};
}

class TrainCheckJob : public core::Job {
 public:
  explicit TrainCheckJob(const nlohmann::json& config) : config_(config) {}

  void run(core::JobContext& context) override {
    prepareTorch(context.seed(), context.threads());
    const torch::Device device(context.device());
    const int64_t features = config_["features"].get<int64_t>();
    const int64_t hidden = config_["hidden"].get<int64_t>();
    const int64_t batch = config_["batch"].get<int64_t>();
    const int64_t steps = config_["steps"].get<int64_t>();
    const Regression data = makeData(features, config_["samples"].get<int64_t>(), device);

    torch::nn::Sequential model(torch::nn::Linear(features, hidden), torch::nn::Tanh(),
                                torch::nn::Linear(hidden, hidden), torch::nn::Tanh(),
                                torch::nn::Linear(hidden, 1));
    model->to(device);
    torch::optim::Adam optimizer(model->parameters(),
                                 torch::optim::AdamOptions(config_["learning_rate"].get<double>()));
    const int64_t train_size = data.x_train.size(0);
    for (int64_t step = 1; step <= steps; ++step) {
      context.throwIfCancelled();
      const auto index =
          torch::randint(train_size, {batch}, torch::TensorOptions().dtype(torch::kLong)).to(device);
      const auto loss = torch::mse_loss(model->forward(data.x_train.index_select(0, index)),
                                        data.y_train.index_select(0, index));
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      context.metric("train_loss", step, loss.item<double>());
      if (step % 50 == 0 || step == steps) {
        torch::NoGradGuard no_grad;
        const double valid = torch::mse_loss(model->forward(data.x_valid), data.y_valid).item<double>();
        context.metric("valid_loss", step, valid);
      }
      if (step % 10 == 0 || step == steps) {
        context.progress(static_cast<double>(step) / static_cast<double>(steps),
                         "step " + std::to_string(step) + "/" + std::to_string(steps));
      }
    }
    saveWeights(context, *model);
  }

 private:
  static void saveWeights(core::JobContext& context, torch::nn::Module& model) {
    core::SafetensorsWriter writer;
    for (const auto& item : model.named_parameters()) {
      const auto tensor = item.value().detach().to(torch::kCPU).contiguous();
      const auto* data = reinterpret_cast<const std::byte*>(tensor.data_ptr<float>());
      writer.add(item.key(), core::DType::F32, tensor.sizes().vec(),
                 std::span(data, static_cast<size_t>(tensor.numel()) * sizeof(float)));
    }
    const auto path =
        std::filesystem::temp_directory_path() / ("routescope-" + context.runId() + "-model.safetensors");
    writer.write(path.string());
    context.artifactFile("model.safetensors", path.string());
    std::filesystem::remove(path);
  }

  nlohmann::json config_;
};

}  // namespace

core::JobKind trainCheckJobKind() {
  core::JobKind kind;
  kind.study = "system";
  kind.kind = "train-check";
  kind.summary = "Train a small MLP regression to check LibTorch training and reproducibility";
  kind.schema.integer("steps", 300, 1, 100'000'000, "optimiser steps")
      .integer("features", 16, 1, 4096, "input features")
      .integer("hidden", 64, 1, 8192, "hidden units per layer")
      .integer("batch", 128, 1, 65536, "mini-batch size")
      .integer("samples", 4096, 10, 10'000'000, "synthetic samples (80 % train, 20 % validation)")
      .real("learning_rate", 0.003, 1e-8, 10.0, "Adam learning rate");
  kind.create = [](const nlohmann::json& config) { return std::make_unique<TrainCheckJob>(config); };
  return kind;
}

}  // namespace routescope::system
