#pragma once
// Provenance: what is needed to say where a run's numbers came from and to re-create it.

#include <nlohmann/json.hpp>
#include <string>

namespace routescope::core {

// Facts only the LibTorch side knows; backend/system fills them (see system/torch_runtime.h).
struct RuntimeInfo {
  std::string libtorch_version = "not linked";
  bool cuda_available = false;
  std::string cuda_devices;  // e.g. "NVIDIA H200" or empty
};

// app version, git revision, LibTorch version, BLAS library loaded, CPU model, threads, host, OS,
// the command line that re-creates the run. Input files are added by the job runner.
nlohmann::json collectProvenance(const RuntimeInfo& runtime, int threads, const std::string& command_line);

std::string appVersion();
std::string gitRevision();

}  // namespace routescope::core
