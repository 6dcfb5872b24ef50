#include "backend/moe/man_render.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "backend/core/error.h"
#include "backend/moe/corpus_sources.h"

extern char** environ;

namespace routescope::moe::detail {
namespace {

// A man page larger than this is cut: one huge page must not fill a whole domain's cap.
constexpr size_t kMaxPageBytes = 1 << 20;

// The child's environment: the parent's PATH and HOME, plus settings that make man print plain
// text of a fixed width without a pager, whatever the user's own environment says.
std::vector<std::string> manEnvironment() {
  std::vector<std::string> env = {"MANWIDTH=80", "MANPAGER=cat", "PAGER=cat", "LC_ALL=C.UTF-8",
                                  "GROFF_NO_SGR=1",
                                  // man-db's seccomp sandbox fails in some containers; the input is
                                  // a packaged man page, not untrusted data.
                                  "MAN_DISABLE_SECCOMP=1"};
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with("PATH=") || entry.starts_with("HOME=")) env.emplace_back(entry);
  }
  return env;
}

class Pipe {
 public:
  Pipe() {
    if (pipe2(fds_, O_CLOEXEC) != 0) fds_[0] = fds_[1] = -1;
  }
  ~Pipe() {
    closeRead();
    closeWrite();
  }
  bool ok() const { return fds_[0] >= 0; }
  int read() const { return fds_[0]; }
  int write() const { return fds_[1]; }
  void closeRead() {
    if (fds_[0] >= 0) ::close(fds_[0]);
    fds_[0] = -1;
  }
  void closeWrite() {
    if (fds_[1] >= 0) ::close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
};

void killAndReap(pid_t child) {
  kill(child, SIGKILL);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

RenderResult renderManPage(const std::string& path, const core::CancelToken& cancel) {
  RenderResult result;
  Pipe out;
  if (!out.ok()) {
    result.error = std::string("cannot create a pipe: ") + std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write(), 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);

  std::vector<std::string> env_strings = manEnvironment();
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string arg0 = "man", arg1 = "-l", arg2 = path;
  char* argv[] = {arg0.data(), arg1.data(), arg2.data(), nullptr};

  pid_t child = -1;
  const int spawn_error = posix_spawnp(&child, "man", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  out.closeWrite();
  if (spawn_error != 0) {
    result.man_missing = true;
    result.error = std::string("cannot run man: ") + std::strerror(spawn_error);
    return result;
  }

  std::string text;
  char buffer[65536];
  for (;;) {
    if (cancel.cancelled()) {
      killAndReap(child);
      throw core::JobCancelled();
    }
    pollfd p{out.read(), POLLIN, 0};
    const int ready = poll(&p, 1, 100);  // wake up often enough to notice a cancel
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(out.read(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (text.size() < kMaxPageBytes) text.append(buffer, static_cast<size_t>(n));
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    result.man_missing = true;
    result.error = "man is not installed";
    return result;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    result.error = "man -l failed (" +
                   (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                      : "signal " + std::to_string(WTERMSIG(status))) +
                   ")";
    return result;
  }
  if (text.size() > kMaxPageBytes) text.resize(utf8Prefix(text, kMaxPageBytes));
  result.text = sanitizeUtf8(stripOverstrikes(text));
  result.ok = !result.text.empty();
  if (!result.ok) result.error = "man -l gave no text";
  return result;
}

}  // namespace routescope::moe::detail
