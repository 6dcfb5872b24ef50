#pragma once
// Facts about this process and machine, read from /proc: used for run ownership (so a run left
// behind by a dead process can be told from one still running) and for provenance.

#include <cstdint>
#include <optional>
#include <string>

namespace routescope::core {

std::string hostName();
int64_t currentPid();
// Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat); nullopt when the
// process does not exist. Pid plus start time identifies a process even after pid reuse.
std::optional<uint64_t> processStartTicks(int64_t pid);
// True when `pid` runs and started at `start_ticks` (i.e. it is the same process).
bool processIsAlive(int64_t pid, uint64_t start_ticks);
std::string cpuModel();
int hardwareThreads();
// The BLAS shared library mapped into this process, resolved through symlinks (Debian's
// alternatives decide which one libblas.so.3 is); "none loaded" when there is none.
std::string loadedBlasLibrary();

}  // namespace routescope::core
