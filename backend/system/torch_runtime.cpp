#include "backend/system/torch_runtime.h"

#include <torch/torch.h>

#include "backend/core/error.h"

namespace routescope::system {

core::RuntimeInfo describeRuntime() {
  core::RuntimeInfo info;
  info.libtorch_version = TORCH_VERSION;
  info.cuda_available = torch::cuda::is_available();
  if (info.cuda_available) {
    info.cuda_devices = std::to_string(torch::cuda::device_count()) + " CUDA device(s)";
  }
  return info;
}

std::string resolveDevice(const std::string& requested) {
  if (requested == "cpu") return "cpu";
  const bool cuda = torch::cuda::is_available();
  if (requested == "auto") return cuda ? "cuda:0" : "cpu";
  if (requested == "cuda" || requested.rfind("cuda:", 0) == 0) {
    if (!cuda) {
      throw core::Error("--device " + requested +
                        ": CUDA is not available (this LibTorch " TORCH_VERSION
                        " has no CUDA support or no GPU is visible); use --device cpu or auto");
    }
    const int index = requested == "cuda" ? 0 : std::atoi(requested.c_str() + 5);
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (index < 0 || index >= count) {
      throw core::Error("--device " + requested + ": only " + std::to_string(count) + " CUDA device(s)");
    }
    return "cuda:" + std::to_string(index);
  }
  throw core::Error("--device '" + requested + "': expected auto, cpu, cuda or cuda:N");
}

void prepareTorch(uint64_t seed, int threads) {
  torch::manual_seed(seed);
  if (torch::cuda::is_available()) torch::cuda::manual_seed_all(seed);
  at::set_num_threads(std::max(1, threads));
}

void runWithTorchErrors(const std::function<void()>& work) {
  try {
    work();
  } catch (const c10::Error& e) {
    std::string message = e.what_without_backtrace();
    // LibTorch appends "Exception raised from ..." on later lines; keep the first line.
    message = message.substr(0, message.find('\n'));
    throw core::Error(message);
  }
}

}  // namespace routescope::system
