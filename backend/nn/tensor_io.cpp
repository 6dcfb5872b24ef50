#include "backend/nn/internal/tensor_io.h"

namespace routescope::nn {

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

}  // namespace routescope::nn
