#include "backend/moe/tokenizer.h"

#include <cstdio>
#include <cstring>

#include "backend/core/error.h"

namespace routescope::moe {
namespace {

// serialize() of the byte tokenizer: it has no parameters, only this marker.
constexpr std::string_view kByteMarker = "routescope-byte-tokenizer v1\n";

class ByteTokenizer final : public Tokenizer {
 public:
  std::string kind() const override { return "bytes"; }
  int vocabSize() const override { return 256; }
  std::vector<int32_t> encode(std::string_view text) const override {
    std::vector<int32_t> ids(text.size());
    for (size_t i = 0; i < text.size(); ++i) ids[i] = static_cast<unsigned char>(text[i]);
    return ids;
  }
  std::string decode(std::span<const int32_t> ids) const override {
    std::string text(ids.size(), '\0');
    for (size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] < 0 || ids[i] > 255)
        throw core::Error("byte tokenizer: id " + std::to_string(ids[i]) + " is not a byte");
      text[i] = static_cast<char>(ids[i]);
    }
    return text;
  }
  std::string piece(int32_t id) const override {
    if (id < 0 || id > 255) throw core::Error("byte tokenizer: id " + std::to_string(id) + " is not a byte");
    return displayByte(static_cast<unsigned char>(id));
  }
  std::vector<std::byte> serialize() const override {
    const auto* p = reinterpret_cast<const std::byte*>(kByteMarker.data());
    return {p, p + kByteMarker.size()};
  }
};

}  // namespace

std::string displayByte(unsigned char byte) {
  if (byte >= 0x20 && byte < 0x7F) return std::string(1, static_cast<char>(byte));
  char text[8];
  std::snprintf(text, sizeof text, "\\x%02X", byte);
  return text;
}

std::unique_ptr<Tokenizer> makeByteTokenizer() {
  return std::make_unique<ByteTokenizer>();
}

// Defined in sentencepiece_tokenizer.cpp (a stub when built without SentencePiece).
std::unique_ptr<Tokenizer> loadSentencePiece(std::span<const std::byte> bytes);

std::unique_ptr<Tokenizer> loadTokenizer(const std::string& kind, std::span<const std::byte> bytes) {
  if (kind == "bytes") {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (text != kByteMarker) throw core::Error("tokenizer: the bytes are not a byte tokenizer's marker");
    return makeByteTokenizer();
  }
  if (kind == "sentencepiece") return loadSentencePiece(bytes);
  throw core::Error("tokenizer kind '" + kind + "': unknown (bytes or sentencepiece)");
}

std::unique_ptr<Tokenizer> trainSentencePiece(const std::vector<std::string>& train_texts, int vocab_size,
                                              const core::CancelToken& cancel, const std::string& work_dir) {
  return trainSentencePiece(train_texts, vocab_size, cancel, work_dir, SentencePieceOptions{});
}

}  // namespace routescope::moe
