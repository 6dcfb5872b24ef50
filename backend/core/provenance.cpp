#include "backend/core/provenance.h"

#include <sys/utsname.h>

#include "backend/core/process_info.h"
#include "routescope_version.h"

namespace routescope::core {

std::string appVersion() {
  return ROUTESCOPE_VERSION;
}
std::string gitRevision() {
  return ROUTESCOPE_GIT_REVISION;
}

nlohmann::json collectProvenance(const RuntimeInfo& runtime, int threads, const std::string& command_line) {
  utsname system{};
  std::string os = "unknown";
  if (uname(&system) == 0) os = std::string(system.sysname) + " " + system.release + " " + system.machine;
  return {
      {"app_version", appVersion()},
      {"git_revision", gitRevision()},
      {"libtorch_version", runtime.libtorch_version},
      {"cuda_available", runtime.cuda_available},
      {"cuda_devices", runtime.cuda_devices},
      {"blas_library", loadedBlasLibrary()},
      {"cpu_model", cpuModel()},
      {"hardware_threads", hardwareThreads()},
      {"threads", threads},
      {"host", hostName()},
      {"os", os},
      {"command", command_line},
      {"inputs", nlohmann::json::array()},
  };
}

}  // namespace routescope::core
