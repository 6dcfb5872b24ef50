#pragma once
// Runs routescope-cli (path in $ROUTESCOPE_CLI) as a real child process for end-to-end tests.

#include <sys/types.h>

#include <string>
#include <vector>

namespace routescope::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string cliPath();
CliResult runCli(const std::vector<std::string>& args);
// Starts the CLI without waiting; stdout/stderr go to the given files.
pid_t spawnCli(const std::vector<std::string>& args, const std::string& out_file,
               const std::string& err_file);
// Waits for a spawned child; returns its exit code (128 + signal when killed).
int waitForExit(pid_t pid);
// Waits at most `seconds` for a spawned child; returns its exit code (as waitForExit), or -1
// after killing it (SIGKILL) when it was still running then, so a hanging child fails a test
// instead of hanging it.
int waitForExitWithin(pid_t pid, double seconds);
std::string readFile(const std::string& path);
// A fresh empty folder under the system temp folder.
std::string makeTempDir();

}  // namespace routescope::testing
