#pragma once
// Tokenizers of the MoE language model: raw bytes (256 symbols, always available) or SentencePiece
// (Debian's libsentencepiece) trained on the corpus's train split.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/job.h"

namespace routescope::moe {

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  virtual std::string kind() const = 0;  // "bytes" or "sentencepiece"
  virtual int vocabSize() const = 0;
  virtual std::vector<int32_t> encode(std::string_view text) const = 0;
  virtual std::string decode(std::span<const int32_t> ids) const = 0;
  // A readable display string of one token: bytes give the printable ASCII character or \xNN;
  // SentencePiece gives its piece with byte pieces shown as \xNN.
  virtual std::string piece(int32_t id) const = 0;
  // Artifact bytes ("tokenizer.model"): the SentencePiece model proto, or a marker for bytes.
  virtual std::vector<std::byte> serialize() const = 0;
};

std::unique_ptr<Tokenizer> makeByteTokenizer();

enum class SentencePieceModel { Unigram, Bpe };

struct SentencePieceOptions {
  SentencePieceModel model = SentencePieceModel::Unigram;
  // Training reads at most this many bytes of the train texts (whole lines spread evenly over
  // all texts, deterministically), so that training takes seconds: with 1 MB a 4096-piece unigram
  // model trains in ~7-15 s on 2 cores and compresses held-out text within 3 % of a 4 MB model.
  int64_t max_training_bytes = 1 << 20;
  int threads = 2;
};

// Trains SentencePiece on `train_texts` in a child process (killed when `cancel` is set; then
// JobCancelled). `work_dir` must exist; the training input and model are written there. The model
// has byte_fallback on (every byte is encodable) and identity normalisation, so decode(encode(t))
// gives t back. Throws core::Error when built without SentencePiece or when training fails.
std::unique_ptr<Tokenizer> trainSentencePiece(const std::vector<std::string>& train_texts, int vocab_size,
                                              const core::CancelToken& cancel, const std::string& work_dir);
std::unique_ptr<Tokenizer> trainSentencePiece(const std::vector<std::string>& train_texts, int vocab_size,
                                              const core::CancelToken& cancel, const std::string& work_dir,
                                              const SentencePieceOptions& options);

// `kind` is "bytes" or "sentencepiece"; `bytes` what serialize() gave. Throws core::Error.
std::unique_ptr<Tokenizer> loadTokenizer(const std::string& kind, std::span<const std::byte> bytes);

// False when built without ROUTESCOPE_SENTENCEPIECE; then "sentencepiece" requests throw Error.
bool sentencePieceAvailable();

// Display form of one byte: printable ASCII as itself, anything else as \xNN.
std::string displayByte(unsigned char byte);

}  // namespace routescope::moe
