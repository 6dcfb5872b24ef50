#pragma once
// Ctrl-C handling: the first SIGINT asks the running job to stop (the run is marked cancelled and
// the CLI exits 130); a second one exits at once.

#include <atomic>

namespace routescope::cli {

void installInterruptHandler();
const std::atomic<bool>& interruptRequested();

}  // namespace routescope::cli
