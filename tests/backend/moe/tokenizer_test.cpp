// Tokenizers: bytes (always), SentencePiece trained in a child process (round trips, cancel).
#include "backend/moe/tokenizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "backend/core/error.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;
using namespace routescope::moe;
using routescope::core::CancelToken;

TEST(ByteTokenizer, RoundTripsEveryByteAndShowsReadablePieces) {
  auto tokenizer = makeByteTokenizer();
  EXPECT_EQ(tokenizer->kind(), "bytes");
  EXPECT_EQ(tokenizer->vocabSize(), 256);
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const auto ids = tokenizer->encode(all);
  ASSERT_EQ(ids.size(), 256u);
  for (int b = 0; b < 256; ++b) EXPECT_EQ(ids[static_cast<size_t>(b)], b);
  EXPECT_EQ(tokenizer->decode(ids), all);
  EXPECT_EQ(tokenizer->piece('a'), "a");
  EXPECT_EQ(tokenizer->piece(' '), " ");
  EXPECT_EQ(tokenizer->piece('\n'), "\\x0A");
  EXPECT_EQ(tokenizer->piece(0xC3), "\\xC3");
  EXPECT_THROW(tokenizer->piece(256), routescope::core::Error);
  const auto restored = loadTokenizer("bytes", tokenizer->serialize());
  EXPECT_EQ(restored->encode("xyz"), tokenizer->encode("xyz"));
  EXPECT_THROW(loadTokenizer("bytes", std::vector<std::byte>(3)), routescope::core::Error);
  EXPECT_THROW(loadTokenizer("wordpiece", {}), routescope::core::Error);
}

namespace {

std::vector<std::string> sampleTexts() {
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {
    texts.push_back("int function_" + std::to_string(i % 17) +
                    "(struct device *dev, int flags);\n"
                    "    return value + " +
                    std::to_string(i) +
                    ";\n"
                    "The quick brown fox jumps over the lazy dog number " +
                    std::to_string(i) +
                    ".\n"
                    "Der Fuchs springt \xC3\xBC"
                    "ber den faulen Hund.\n");
  }
  return texts;
}

}  // namespace

TEST(SentencePiece, TrainsInAChildProcessAndRoundTrips) {
  if (!sentencePieceAvailable()) {
    EXPECT_THROW(loadTokenizer("sentencepiece", {}), routescope::core::Error);
    GTEST_SKIP() << "built without SentencePiece";
  }
  const std::string dir = routescope::testing::makeTempDir();
  CancelToken cancel;
  auto tokenizer = trainSentencePiece(sampleTexts(), 400, cancel, dir);
  EXPECT_EQ(tokenizer->kind(), "sentencepiece");
  EXPECT_GT(tokenizer->vocabSize(), 260);
  EXPECT_LE(tokenizer->vocabSize(), 400);
  const std::string text =
      "  int function_3(struct device *dev);\n\tThe lazy \xE2\x9C\x93 fox \xF0\x9F\xA6\x8A \x01 end\n\n";
  const auto ids = tokenizer->encode(text);
  EXPECT_LT(ids.size(), text.size()) << "learned pieces should compress the training-like text";
  EXPECT_EQ(tokenizer->decode(ids), text) << "identity normalisation and byte fallback round-trip exactly";
  bool saw_byte_piece = false;
  for (int32_t id : ids) saw_byte_piece |= tokenizer->piece(id).rfind("\\x", 0) == 0;
  EXPECT_TRUE(saw_byte_piece) << "the emoji and \\x01 are not in the vocabulary: byte fallback";

  const auto restored = loadTokenizer("sentencepiece", tokenizer->serialize());
  EXPECT_EQ(restored->encode(text), ids);
  EXPECT_THROW(loadTokenizer("sentencepiece", std::vector<std::byte>(5, std::byte{0x7f})),
               routescope::core::Error);
  EXPECT_THROW(trainSentencePiece(sampleTexts(), 100, cancel, dir), routescope::core::Error);

  SentencePieceOptions bpe;
  bpe.model = SentencePieceModel::Bpe;
  const auto bpe_tokenizer = trainSentencePiece(sampleTexts(), 400, cancel, dir, bpe);
  EXPECT_EQ(bpe_tokenizer->decode(bpe_tokenizer->encode(text)), text);
  fs::remove_all(dir);
}

TEST(SentencePiece, TrainingIsDeterministic) {
  if (!sentencePieceAvailable()) GTEST_SKIP() << "built without SentencePiece";
  const std::string dir = routescope::testing::makeTempDir();
  CancelToken cancel;
  const auto a = trainSentencePiece(sampleTexts(), 400, cancel, dir)->serialize();
  const auto b = trainSentencePiece(sampleTexts(), 400, cancel, dir)->serialize();
  EXPECT_EQ(a, b) << "the same texts must give the same model (runs are re-created from their config)";
  fs::remove_all(dir);
}

TEST(SentencePiece, CancelKillsTheTrainingChildPromptly) {
  if (!sentencePieceAvailable()) GTEST_SKIP() << "built without SentencePiece";
  // Enough varied text that training takes far longer than the cancel delay.
  std::vector<std::string> texts;
  std::mt19937 rng(7);
  for (int i = 0; i < 4000; ++i) {
    std::string line;
    for (int w = 0; w < 40; ++w) {
      const int length = 2 + static_cast<int>(rng() % 8);
      for (int c = 0; c < length; ++c) line.push_back(static_cast<char>('a' + rng() % 26));
      line.push_back(' ');
    }
    texts.push_back(line + "\n");
  }
  const std::string dir = routescope::testing::makeTempDir();
  CancelToken cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    cancel.cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(trainSentencePiece(texts, 8000, cancel, dir), routescope::core::JobCancelled);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  canceller.join();
  EXPECT_LT(seconds, 2.0) << "the child should be killed within a fraction of a second of the cancel";
  fs::remove_all(dir);
}
