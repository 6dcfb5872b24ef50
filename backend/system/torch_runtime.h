#pragma once
// The LibTorch runtime as jobs need it: device choice, seeding, thread count, versions.
// Torch-free header so the CLI and tests need not compile LibTorch headers.

#include <cstdint>
#include <functional>
#include <string>

#include "backend/core/provenance.h"

namespace routescope::system {

core::RuntimeInfo describeRuntime();
// "auto" -> "cuda:0" when available else "cpu"; "cpu"; "cuda" or "cuda:N" -> checked.
// Throws core::Error with a clear message when CUDA is requested but not available.
std::string resolveDevice(const std::string& requested);
// Seeds LibTorch (CPU and CUDA) and fixes the intra-op thread count; called at job start.
void prepareTorch(uint64_t seed, int threads);
// Runs `work`, turning LibTorch's errors (c10::Error, whose what() carries a C++ backtrace) into
// core::Error with the one-line message alone.
void runWithTorchErrors(const std::function<void()>& work);

}  // namespace routescope::system
