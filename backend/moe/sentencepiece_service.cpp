#include "backend/moe/sentencepiece_service.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "backend/core/child_process.h"
#include "backend/core/error.h"

extern char** environ;

namespace routescope::moe {
namespace {

namespace fs = std::filesystem;

std::string lastNonEmptyLine(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  }
  return last;
}

}  // namespace

std::string sentencePieceToolPath() {
  if (const char* env = std::getenv("ROUTESCOPE_SENTENCEPIECE_TOOL"); env && *env) {
    if (!fs::exists(env))
      throw core::Error(std::string("ROUTESCOPE_SENTENCEPIECE_TOOL: ") + env + " does not exist");
    return env;
  }
  std::error_code error;
  const auto beside = fs::read_symlink("/proc/self/exe", error).parent_path() / "routescope-sentencepiece";
  if (!error && fs::exists(beside)) return beside.string();
#ifdef ROUTESCOPE_BUILD_BIN_DIR
  const auto built = fs::path(ROUTESCOPE_BUILD_BIN_DIR) / "routescope-sentencepiece";
  if (fs::exists(built)) return built.string();
#endif
  throw core::Error(
      "routescope-sentencepiece not found beside the program or in the build tree (set "
      "ROUTESCOPE_SENTENCEPIECE_TOOL)");
}

void trainWithSentencePieceTool(const std::vector<std::string>& flags, const core::CancelToken& cancel) {
  const std::string tool = sentencePieceToolPath();
  const auto log = fs::temp_directory_path() / ("routescope-spm-" + std::to_string(::getpid()) + ".log");
  const int code = core::runInChildProcess(cancel, [&] {
    // Only async-signal-safe work before exec: the parent may have had other threads.
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(tool.c_str()));
    argv.push_back(const_cast<char*>("train"));
    for (const auto& flag : flags) argv.push_back(const_cast<char*>(flag.c_str()));
    argv.push_back(nullptr);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
    }
    ::execv(tool.c_str(), argv.data());
    return 127;
  });
  const std::string last = lastNonEmptyLine(log.string());
  std::error_code ignored;
  fs::remove(log, ignored);
  if (code != 0)
    throw core::Error("sentencepiece training failed: " +
                      (last.empty() ? "exit " + std::to_string(code) : last));
}

SentencePieceService::SentencePieceService(const std::string& model_proto) {
  // A tool that dies must surface as an error, not kill us with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  const std::string tool = sentencePieceToolPath();
  int to_child[2], from_child[2];
  if (::pipe2(to_child, O_CLOEXEC) != 0 || ::pipe2(from_child, O_CLOEXEC) != 0) {
    throw core::Error(std::string("sentencepiece: pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
  char* argv[] = {const_cast<char*>(tool.c_str()), const_cast<char*>("serve"), nullptr};
  const int spawned = posix_spawn(&pid_, tool.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(to_child[0]);
  ::close(from_child[1]);
  to_tool_ = to_child[1];
  from_tool_ = from_child[0];
  if (spawned != 0) {
    ::close(to_tool_);
    ::close(from_tool_);
    throw core::Error("sentencepiece: cannot start " + tool + ": " + std::strerror(spawned));
  }
  try {
    const uint64_t size = model_proto.size();
    write(&size, sizeof size);
    write(model_proto.data(), model_proto.size());
    uint8_t ok = 0;
    read(&ok, 1);
    uint32_t count = 0;
    read(&count, sizeof count);
    if (!ok) {
      std::string message(count, '\0');
      read(message.data(), count);
      throw core::Error("sentencepiece model: " + message);
    }
    for (uint32_t i = 0; i < count; ++i) {
      uint8_t is_byte = 0;
      uint32_t length = 0;
      read(&is_byte, 1);
      read(&length, sizeof length);
      std::string piece(length, '\0');
      read(piece.data(), length);
      pieces_.push_back(std::move(piece));
      byte_pieces_.push_back(is_byte != 0);
    }
  } catch (...) {
    this->~SentencePieceService();
    throw;
  }
}

SentencePieceService::~SentencePieceService() {
  if (pid_ <= 0) return;
  const char quit = 'Q';
  if (::write(to_tool_, &quit, 1) != 1) ::kill(pid_, SIGKILL);
  ::close(to_tool_);
  ::close(from_tool_);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

void SentencePieceService::write(const void* data, size_t size) const {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(to_tool_, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw core::Error("sentencepiece: the tool process stopped (write failed)");
    p += n;
    size -= static_cast<size_t>(n);
  }
}

void SentencePieceService::read(void* data, size_t size) const {
  auto* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(from_tool_, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw core::Error("sentencepiece: the tool process stopped (read failed)");
    p += n;
    size -= static_cast<size_t>(n);
  }
}

std::vector<int32_t> SentencePieceService::encode(std::string_view text) const {
  std::lock_guard lock(mutex_);
  const char op = 'E';
  const uint64_t size = text.size();
  write(&op, 1);
  write(&size, sizeof size);
  write(text.data(), text.size());
  uint64_t count = 0;
  read(&count, sizeof count);
  std::vector<int32_t> ids(count);
  read(ids.data(), count * sizeof(int32_t));
  return ids;
}

std::string SentencePieceService::decode(std::span<const int32_t> ids) const {
  std::lock_guard lock(mutex_);
  const char op = 'D';
  const uint64_t count = ids.size();
  write(&op, 1);
  write(&count, sizeof count);
  write(ids.data(), ids.size() * sizeof(int32_t));
  uint64_t size = 0;
  read(&size, sizeof size);
  std::string text(size, '\0');
  read(text.data(), size);
  return text;
}

}  // namespace routescope::moe
