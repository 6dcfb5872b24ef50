#include "backend/core/process_info.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace routescope::core {

std::string hostName() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "unknown-host";
  return name;
}

int64_t currentPid() {
  return static_cast<int64_t>(getpid());
}

std::optional<uint64_t> processStartTicks(int64_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!stat || !std::getline(stat, line)) return std::nullopt;
  // The command name (field 2) may contain spaces and parentheses; fields resume after the last ')'.
  const auto close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  // Field 3 is the state; the start time is field 22, i.e. the 20th after the name.
  for (int index = 3; index <= 22; ++index) {
    if (!(rest >> field)) return std::nullopt;
    if (index == 3 && field == "Z") return std::nullopt;  // a zombie has finished running
  }
  try {
    return std::stoull(field);
  } catch (...) {
    return std::nullopt;
  }
}

bool processIsAlive(int64_t pid, uint64_t start_ticks) {
  const auto ticks = processStartTicks(pid);
  return ticks && *ticks == start_ticks;
}

std::string cpuModel() {
  std::ifstream info("/proc/cpuinfo");
  std::string line;
  while (std::getline(info, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(colon + 2);
    }
  }
  return "unknown CPU";
}

int hardwareThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

std::string loadedBlasLibrary() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  std::set<std::string> found;
  while (std::getline(maps, line)) {
    const auto slash = line.find('/');
    if (slash == std::string::npos) continue;
    const std::string path = line.substr(slash);
    const std::string file = std::filesystem::path(path).filename().string();
    const bool blas = file.find("blas") != std::string::npos || file.find("mkl_") == 0;
    if (!blas || file.find("cublas") != std::string::npos) continue;
    std::error_code ec;
    const auto real = std::filesystem::canonical(path, ec);
    found.insert(ec ? path : real.string());
  }
  if (found.empty()) return "none loaded";
  std::string joined;
  for (const auto& path : found) joined += (joined.empty() ? "" : ", ") + path;
  return joined;
}

}  // namespace routescope::core
