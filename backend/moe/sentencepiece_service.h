#pragma once
// SentencePiece through the routescope-sentencepiece tool (app/sentencepiece): a LibTorch process
// cannot load libsentencepiece (its embedded protobuf clashes with LibTorch's libprotobuf and the
// process crashes while loading), so tokenizers talk to a long-lived tool process over pipes and
// training runs the tool as a cancellable child process.
#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/job.h"

namespace routescope::moe {

// $ROUTESCOPE_SENTENCEPIECE_TOOL, else routescope-sentencepiece beside the running executable,
// else the build tree's bin/. Throws core::Error when none exists.
std::string sentencePieceToolPath();

// Runs `routescope-sentencepiece train FLAGS...`; the child is killed when `cancel` is set (then
// JobCancelled). Throws core::Error with the tool's last error line when training fails.
void trainWithSentencePieceTool(const std::vector<std::string>& flags, const core::CancelToken& cancel);

class SentencePieceService {
 public:
  // Starts the tool and loads `model_proto`; throws core::Error when the model is rejected.
  explicit SentencePieceService(const std::string& model_proto);
  ~SentencePieceService();
  SentencePieceService(const SentencePieceService&) = delete;
  SentencePieceService& operator=(const SentencePieceService&) = delete;

  std::vector<int32_t> encode(std::string_view text) const;
  std::string decode(std::span<const int32_t> ids) const;
  const std::vector<std::string>& pieces() const { return pieces_; }
  const std::vector<bool>& bytePieces() const { return byte_pieces_; }

 private:
  void write(const void* data, size_t size) const;
  void read(void* data, size_t size) const;

  pid_t pid_ = -1;
  int to_tool_ = -1;
  int from_tool_ = -1;
  mutable std::mutex mutex_;  // one request at a time on the pipes
  std::vector<std::string> pieces_;
  std::vector<bool> byte_pieces_;
};

}  // namespace routescope::moe
