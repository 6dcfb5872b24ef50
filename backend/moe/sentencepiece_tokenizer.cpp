// SentencePiece tokenizer: training in a child process (the library call cannot be interrupted,
// so cancelling kills the child), loading from the serialized model proto. Both go through the
// routescope-sentencepiece tool, never the library itself (see sentencepiece_service.h).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "backend/core/error.h"
#include "backend/moe/sentencepiece_service.h"
#include "backend/moe/tokenizer.h"

namespace fs = std::filesystem;

namespace routescope::moe {

// Byte fallback needs the 256 byte pieces plus <unk>, <s>, </s>, and a few pieces to learn.
constexpr int kMinSentencePieceVocab = 260;
// SentencePiece skips longer training lines; minified code can have long ones.
constexpr int kMaxSentenceBytes = 16384;

bool sentencePieceAvailable() {
#ifdef ROUTESCOPE_HAVE_SENTENCEPIECE
  return true;
#else
  return false;
#endif
}

#ifdef ROUTESCOPE_HAVE_SENTENCEPIECE
namespace {

class SentencePieceTokenizer final : public Tokenizer {
 public:
  explicit SentencePieceTokenizer(std::string proto) : proto_(std::move(proto)), service_(proto_) {}
  std::string kind() const override { return "sentencepiece"; }
  int vocabSize() const override { return static_cast<int>(service_.pieces().size()); }
  std::vector<int32_t> encode(std::string_view text) const override { return service_.encode(text); }
  std::string decode(std::span<const int32_t> ids) const override {
    for (int32_t id : ids) checkId(id);
    return service_.decode(ids);
  }
  std::string piece(int32_t id) const override {
    checkId(id);
    const std::string& p = service_.pieces()[static_cast<size_t>(id)];
    // Byte pieces are spelled "<0xNN>"; show them like the byte tokenizer does.
    if (service_.bytePieces()[static_cast<size_t>(id)] && p.size() == 6) {
      return displayByte(static_cast<unsigned char>(std::stoi(p.substr(3, 2), nullptr, 16)));
    }
    return p;
  }
  std::vector<std::byte> serialize() const override {
    const auto* p = reinterpret_cast<const std::byte*>(proto_.data());
    return {p, p + proto_.size()};
  }

 private:
  void checkId(int32_t id) const {
    if (id < 0 || id >= vocabSize()) {
      throw core::Error("sentencepiece: id " + std::to_string(id) + " is outside the vocabulary (" +
                        std::to_string(vocabSize()) + ")");
    }
  }
  std::string proto_;
  // SentencePiece runs in the routescope-sentencepiece tool (see sentencepiece_service.h).
  SentencePieceService service_;
};

// Writes the training lines: all of them, or, above the byte budget, an evenly spread selection
// (every n-th line, in effect), so every domain of the corpus is represented. Deterministic.
int64_t writeTrainingInput(const std::vector<std::string>& texts, int64_t max_bytes,
                           const std::string& path) {
  int64_t total = 0;
  for (const auto& t : texts) total += static_cast<int64_t>(t.size());
  const double keep = total <= max_bytes ? 1.0 : static_cast<double>(max_bytes) / static_cast<double>(total);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw core::Error("sentencepiece: cannot write " + path);
  double credit = 0;
  int64_t written = 0;
  for (const auto& text : texts) {
    std::string_view rest = text;
    while (!rest.empty()) {
      const size_t end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      credit += keep;
      if (credit < 1.0) continue;
      credit -= 1.0;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      out << line << '\n';
      written += static_cast<int64_t>(line.size()) + 1;
    }
  }
  if (!out) throw core::Error("sentencepiece: cannot write " + path);
  return written;
}


}  // namespace

std::unique_ptr<Tokenizer> loadSentencePiece(std::span<const std::byte> bytes) {
  return std::make_unique<SentencePieceTokenizer>(
      std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::unique_ptr<Tokenizer> trainSentencePiece(const std::vector<std::string>& train_texts, int vocab_size,
                                              const core::CancelToken& cancel, const std::string& work_dir,
                                              const SentencePieceOptions& options) {
  if (vocab_size < kMinSentencePieceVocab) {
    throw core::Error("tokenizer.vocab_size: SentencePiece with byte fallback needs at least " +
                      std::to_string(kMinSentencePieceVocab) + ", got " + std::to_string(vocab_size));
  }
  const std::string input = (fs::path(work_dir) / "sentencepiece_input.txt").string();
  const std::string prefix = (fs::path(work_dir) / "sentencepiece").string();
  if (writeTrainingInput(train_texts, options.max_training_bytes, input) == 0) {
    throw core::Error("sentencepiece: the training texts are empty");
  }
  const std::unordered_map<std::string, std::string> args = {
      {"input", input},
      {"model_prefix", prefix},
      {"model_type", options.model == SentencePieceModel::Bpe ? "bpe" : "unigram"},
      {"vocab_size", std::to_string(vocab_size)},
      {"hard_vocab_limit", "false"},  // a small text may not support the full vocabulary
      {"byte_fallback", "true"},      // every byte is encodable: no <unk> in the data
      {"character_coverage", "0.9995"},
      // Identity normalisation and no dummy prefix: decode(encode(text)) == text, so bits per
      // byte are measured on the text as it is.
      {"normalization_rule_name", "identity"},
      {"remove_extra_whitespaces", "false"},
      {"add_dummy_prefix", "false"},
      {"allow_whitespace_only_pieces", "true"},
      {"split_digits", "true"},
      {"max_sentence_length", std::to_string(kMaxSentenceBytes)},
      {"input_sentence_size", "0"},  // the input is already capped, deterministically
      {"num_threads", std::to_string(std::max(1, options.threads))},
  };
  std::vector<std::string> flags;
  for (const auto& [key, value] : args) flags.push_back("--" + key + "=" + value);
  std::sort(flags.begin(), flags.end());  // a stable command line
  trainWithSentencePieceTool(flags, cancel);
  std::ifstream model(prefix + ".model", std::ios::binary);
  std::string proto((std::istreambuf_iterator<char>(model)), std::istreambuf_iterator<char>());
  if (proto.empty()) throw core::Error("sentencepiece training wrote no model: " + prefix + ".model");
  return std::make_unique<SentencePieceTokenizer>(std::move(proto));
}

#else  // built without SentencePiece

namespace {
[[noreturn]] void unavailable() {
  throw core::Error(
      "tokenizer 'sentencepiece': this build has no SentencePiece (ROUTESCOPE_SENTENCEPIECE=OFF); use "
      "tokenizer.kind=bytes");
}
}  // namespace

std::unique_ptr<Tokenizer> loadSentencePiece(std::span<const std::byte>) {
  unavailable();
}

std::unique_ptr<Tokenizer> trainSentencePiece(const std::vector<std::string>&, int, const core::CancelToken&,
                                              const std::string&, const SentencePieceOptions&) {
  unavailable();
}

#endif

}  // namespace routescope::moe
