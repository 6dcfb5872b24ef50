// OLMoE-style JSONL export and import of routing traces.
#include "backend/moe/trace_jsonl.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "backend/core/error.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;
using namespace routescope::moe;

namespace {

// 2 layers, top-2, 5 experts; expert id = 10*layer + k + token (mod 5) makes the index order
// visible: exp_ids[token][k][layer].
RoutingTrace sampleTrace() {
  RoutingTrace t;
  t.layers = 2;
  t.experts = 5;
  t.top_k = 2;
  t.sequences = {{"code", {5, 6, 7}, {6, 7, 8}}, {"german", {9}, {1}}};
  for (int64_t token = 0; token < 4; ++token) {
    for (int l = 0; l < 2; ++l) {
      for (int k = 0; k < 2; ++k) {
        t.expert_ids.push_back(static_cast<int16_t>((token + 3 * l + k) % 5));
        t.probs.push_back(0.125f * static_cast<float>(1 + k + 2 * l));
        t.dropped.push_back(static_cast<uint8_t>(token == 1 && l == 1 && k == 1));
      }
    }
  }
  return t;
}

std::string errorOf(const std::string& text) {
  try {
    parseTraceJsonl(text, "t.jsonl");
  } catch (const routescope::core::Error& e) {
    return e.what();
  }
  return "no error";
}

class JsonlFiles : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

}  // namespace

TEST(TraceJsonl, ExportUsesTokenChoiceLayerOrder) {
  const RoutingTrace t = sampleTrace();
  const std::string text = traceToJsonl(t);
  const auto first = nlohmann::json::parse(text.substr(0, text.find('\n')));
  EXPECT_EQ(first["input_ids"], nlohmann::json({5, 6, 7}));
  EXPECT_EQ(first["predicted_token_ids"], nlohmann::json({6, 7, 8}));
  EXPECT_EQ(first["domain"], "code");
  // token 1: k=0 over layers 0,1 -> (1+0+0)%5, (1+3+0)%5; k=1 -> (1+0+1)%5, (1+3+1)%5
  EXPECT_EQ(first["exp_ids"][1], nlohmann::json({{1, 4}, {2, 0}}));
  EXPECT_EQ(first["exp_probs"][0], nlohmann::json({{0.125, 0.375}, {0.25, 0.5}}));
  EXPECT_EQ(first["dropped"][1], nlohmann::json({{0, 0}, {0, 1}}));
}

TEST(TraceJsonl, ExportImportRoundTrip) {
  const RoutingTrace t = sampleTrace();
  const RoutingTrace back = parseTraceJsonl(traceToJsonl(t), "t.jsonl");
  EXPECT_EQ(back.layers, 2);
  EXPECT_EQ(back.top_k, 2);
  EXPECT_EQ(back.experts, 5);
  EXPECT_EQ(back.expert_ids, t.expert_ids);
  EXPECT_EQ(back.probs, t.probs);
  EXPECT_EQ(back.dropped, t.dropped);
  ASSERT_EQ(back.sequences.size(), 2u);
  EXPECT_EQ(back.sequences[1].domain, "german");
  EXPECT_EQ(back.sequences[0].token_ids, t.sequences[0].token_ids);
  EXPECT_EQ(back.sequences[0].predicted_token_ids, t.sequences[0].predicted_token_ids);
  EXPECT_EQ(back.router, "imported");
}

TEST(TraceJsonl, MinimalOlmoeLinesWithoutOptionalFields) {
  // As OLMoE's analysis scripts write them: no probabilities, drops, domain or expert count.
  const RoutingTrace t = parseTraceJsonl(
      "{\"input_ids\": [1, 2], \"exp_ids\": [[[3, 7, 1]], [[0, 2, 63]]]}\n\n"
      "{\"input_ids\": [4], \"predicted_token_ids\": null, \"exp_ids\": [[[5, 5, 5]]]}\n",
      "o.jsonl");
  EXPECT_EQ(t.layers, 3);
  EXPECT_EQ(t.top_k, 1);
  EXPECT_EQ(t.experts, 64);
  EXPECT_EQ(t.tokenCount(), 3);
  EXPECT_TRUE(t.probs.empty());
  EXPECT_EQ(t.expert(1, 2, 0), 63);
  EXPECT_EQ(t.expert(2, 0, 0), 5);
}

TEST(TraceJsonl, MalformedLinesGiveOneLineErrorsWithFileAndLine) {
  const std::string good = "{\"input_ids\": [1], \"exp_ids\": [[[0, 1]]]}\n";
  EXPECT_EQ(errorOf(good + "{\"input_ids\": [1], \"exp_ids\": \n").rfind("t.jsonl:2: not valid JSON", 0), 0u)
      << errorOf(good + "{\"input_ids\": [1], \"exp_ids\": \n");
  EXPECT_EQ(errorOf(good + "\n{\"exp_ids\": [[[0, 1]]]}\n"), "t.jsonl:3: missing input_ids");
  EXPECT_EQ(errorOf("[1, 2]\n"), "t.jsonl:1: not a JSON object");
  EXPECT_EQ(errorOf(good + "{\"input_ids\": [1, 2], \"exp_ids\": [[[0, 1]], [[0]]]}\n"),
            "t.jsonl:2: exp_ids is ragged: token 1 choice 0 has 1 layers, expected 2");
  EXPECT_EQ(errorOf(good + "{\"input_ids\": [1], \"exp_ids\": [[[0, 1], [1, 0]]]}\n"),
            "t.jsonl:2: exp_ids is ragged: token 0 has 2 choices, expected 1");
  EXPECT_EQ(errorOf("{\"input_ids\": [1, 2], \"exp_ids\": [[[0, 1]]]}\n"),
            "t.jsonl:1: exp_ids has 1 entries, expected one per input id (2)");
  EXPECT_EQ(errorOf("{\"input_ids\": [\"a\"], \"exp_ids\": [[[0, 1]]]}\n"),
            "t.jsonl:1: input_ids holds \"a\", not a token id");
  EXPECT_EQ(errorOf("{\"input_ids\": [1], \"exp_ids\": [[[0, 9]]], \"num_experts\": 4}\n"),
            "t.jsonl: expert id 9 is not below num_experts 4");
  EXPECT_EQ(errorOf(""), "t.jsonl: no sequences (the file is empty)");
  for (const std::string& bad : {errorOf("{\"input_ids\": [1], \"exp_ids\": \n")}) {
    EXPECT_EQ(bad.find('\n'), std::string::npos) << bad;
  }
}

TEST_F(JsonlFiles, TokenizerJsonGivesIdsTheirStrings) {
  const std::string trace = dir_ + "/trace.jsonl";
  writeTraceJsonl(sampleTrace(), trace);
  const std::string bpe = dir_ + "/tokenizer.json";
  std::ofstream(bpe)
      << R"({"version": "1.0", "model": {"type": "BPE", "vocab": {"Ġthe": 5, "cat": 6, "s": 7, "Ġü": 9}},
                          "added_tokens": [{"id": 8, "content": "<|endoftext|>", "special": true}]})";
  const RoutingTrace t = readTraceJsonl(trace, bpe);
  EXPECT_EQ(t.tokenizer_kind, "huggingface");
  EXPECT_EQ(t.pieceOf(5), "Ġthe");
  EXPECT_EQ(t.pieceOf(8), "<|endoftext|>");
  EXPECT_EQ(t.pieceOf(9), "Ġü");
  EXPECT_EQ(t.pieceOf(4), "");  // inside the vocabulary's range but unnamed
  EXPECT_EQ(t.pieceOf(123), "#123");

  const std::string unigram = dir_ + "/unigram.json";
  std::ofstream(unigram)
      << R"({"model": {"type": "Unigram", "vocab": [["<unk>", 0], ["▁a", -1.5], ["b", -2]]}})";
  EXPECT_EQ(readHuggingFaceVocab(unigram), (std::vector<std::string>{"<unk>", "▁a", "b"}));

  std::ofstream(dir_ + "/bad.json") << R"({"model": {"type": "BPE"}})";
  try {
    readTraceJsonl(trace, dir_ + "/bad.json");
    FAIL();
  } catch (const routescope::core::Error& e) {
    EXPECT_EQ(std::string(e.what()), dir_ + "/bad.json: not a Hugging Face tokenizer.json (no model.vocab)");
  }
  EXPECT_THROW(readTraceJsonl(dir_ + "/missing.jsonl"), routescope::core::Error);
}
