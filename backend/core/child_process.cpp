#include "backend/core/child_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "backend/core/error.h"

namespace routescope::core {

int runInChildProcess(const CancelToken& cancel, const std::function<int()>& work) {
  std::fflush(nullptr);  // otherwise buffered output would be written twice
  const pid_t child = fork();
  if (child < 0) throw Error(std::string("cannot start a child process: ") + std::strerror(errno));
  if (child == 0) {
    int code = 1;
    try {
      code = work();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s\n", e.what());
    } catch (...) {
      std::fprintf(stderr, "child process failed\n");
    }
    std::fflush(nullptr);
    _exit(code);  // skip the parent's atexit handlers and static destructors
  }
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child) {
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      throw Error("child process ended by signal " + std::to_string(WTERMSIG(status)));
    }
    if (done < 0 && errno != EINTR) throw Error(std::string("waiting for child: ") + std::strerror(errno));
    if (cancel.cancelled()) {
      kill(child, SIGKILL);
      while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      throw JobCancelled();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace routescope::core
