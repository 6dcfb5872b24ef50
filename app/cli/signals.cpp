#include "app/cli/signals.h"

#include <signal.h>
#include <unistd.h>

namespace routescope::cli {
namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int) {
  if (g_interrupted.exchange(true)) _exit(130);
  static const char kMessage[] = "\ninterrupt: stopping the job (press Ctrl-C again to quit at once)\n";
  (void)!write(STDERR_FILENO, kMessage, sizeof(kMessage) - 1);
}

}  // namespace

void installInterruptHandler() {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>& interruptRequested() {
  return g_interrupted;
}

}  // namespace routescope::cli
