#include "app/cli/private_x_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "backend/core/error.h"

namespace routescope::cli {

std::unique_ptr<PrivateXServer> PrivateXServer::start() {
  int fds[2];
  if (pipe(fds) != 0) throw core::Error("cannot start Xvfb: no pipe");
  const pid_t pid = fork();
  if (pid < 0) throw core::Error("cannot start Xvfb: fork failed");
  if (pid == 0) {
    close(fds[0]);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    const std::string fd = std::to_string(fds[1]);
    execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  // Xvfb writes the display number it chose, then a newline, once it accepts connections.
  std::string number;
  pollfd wait{fds[0], POLLIN, 0};
  char c = 0;
  while (poll(&wait, 1, 10000) > 0 && read(fds[0], &c, 1) == 1 && c != '\n') number.push_back(c);
  close(fds[0]);
  if (number.empty()) {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
    throw core::Error("no display, and a private Xvfb could not be started (is the xvfb package installed?)");
  }
  auto server = std::unique_ptr<PrivateXServer>(new PrivateXServer(pid, ":" + number));
  setenv("DISPLAY", server->display_.c_str(), 1);
  return server;
}

PrivateXServer::~PrivateXServer() {
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
}

}  // namespace routescope::cli
