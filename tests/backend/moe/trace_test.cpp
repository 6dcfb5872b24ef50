// Routing traces: the binary format and its helpers.
#include "backend/moe/trace.h"

#include <gtest/gtest.h>

#include <cmath>

#include "backend/core/error.h"

using namespace routescope::moe;

namespace {

// Two sequences (3 and 2 tokens), 2 MoE layers, 4 experts, top-2, every optional array filled.
RoutingTrace sampleTrace() {
  RoutingTrace t;
  t.layers = 2;
  t.experts = 4;
  t.top_k = 2;
  t.gru_hidden = 3;
  t.checkpoint_step = 1200;
  t.router = "gru";
  t.model = "demo";
  t.run_id = "abc123";
  t.tokenizer_kind = "bytes";
  t.extra = {{"text_set", "valid"}};
  t.pieces = {"a", "b", "c", "\\x0A", "\xC3\xA4"};
  t.sequences = {{"code", {0, 1, 2}, {1, 2, 3}}, {"german", {4, 3}, {3, 0}}};
  const int64_t tokens = 5;
  for (int64_t i = 0; i < tokens * 2 * 2; ++i) {
    t.expert_ids.push_back(static_cast<int16_t>(i % 5 == 4 ? -1 : i % 4));
    t.probs.push_back(0.01f * static_cast<float>(i));
    t.dropped.push_back(i % 3 == 0 ? 1 : 0);
  }
  for (int64_t i = 0; i < tokens * 2 * 4; ++i) t.full_probs.push_back(0.25f + 0.001f * static_cast<float>(i));
  for (int64_t i = 0; i < tokens * 2 * 3; ++i)
    t.gru_state.push_back(floatToHalf(-1.5f + 0.1f * static_cast<float>(i)));
  for (int64_t i = 0; i < tokens * 2; ++i) t.update_gate_mean.push_back(0.5f + 0.01f * static_cast<float>(i));
  return t;
}

void expectSame(const RoutingTrace& a, const RoutingTrace& b) {
  EXPECT_EQ(a.layers, b.layers);
  EXPECT_EQ(a.experts, b.experts);
  EXPECT_EQ(a.top_k, b.top_k);
  EXPECT_EQ(a.gru_hidden, b.gru_hidden);
  EXPECT_EQ(a.checkpoint_step, b.checkpoint_step);
  EXPECT_EQ(a.router, b.router);
  EXPECT_EQ(a.model, b.model);
  EXPECT_EQ(a.run_id, b.run_id);
  EXPECT_EQ(a.tokenizer_kind, b.tokenizer_kind);
  EXPECT_EQ(a.extra, b.extra);
  EXPECT_EQ(a.pieces, b.pieces);
  ASSERT_EQ(a.sequences.size(), b.sequences.size());
  for (size_t i = 0; i < a.sequences.size(); ++i) {
    EXPECT_EQ(a.sequences[i].domain, b.sequences[i].domain);
    EXPECT_EQ(a.sequences[i].token_ids, b.sequences[i].token_ids);
    EXPECT_EQ(a.sequences[i].predicted_token_ids, b.sequences[i].predicted_token_ids);
  }
  EXPECT_EQ(a.expert_ids, b.expert_ids);
  EXPECT_EQ(a.probs, b.probs);
  EXPECT_EQ(a.dropped, b.dropped);
  EXPECT_EQ(a.full_probs, b.full_probs);
  EXPECT_EQ(a.gru_state, b.gru_state);
  EXPECT_EQ(a.update_gate_mean, b.update_gate_mean);
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const routescope::core::Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(Trace, HelpersLocateTokens) {
  const RoutingTrace t = sampleTrace();
  EXPECT_EQ(t.tokenCount(), 5);
  EXPECT_EQ(t.sequenceOffsets(), (std::vector<int64_t>{0, 3, 5}));
  EXPECT_EQ(t.sequenceOf(2), 0u);
  EXPECT_EQ(t.sequenceOf(3), 1u);
  EXPECT_EQ(t.positionOf(4), 1);
  EXPECT_EQ(t.domainOf(4), "german");
  EXPECT_EQ(t.tokenIdOf(3), 4);
  EXPECT_EQ(t.pieceOf(4), "\xC3\xA4");
  EXPECT_EQ(t.pieceOf(99), "#99");
  EXPECT_EQ(t.expert(1, 1, 0), t.expert_ids[(1 * 2 + 1) * 2 + 0]);
  EXPECT_THROW(t.sequenceOf(5), routescope::core::Error);
}

TEST(Trace, BinaryRoundTripKeepsEverything) {
  const RoutingTrace t = sampleTrace();
  const auto bytes = writeTrace(t);
  EXPECT_EQ(bytes.size() % 8, 0u);
  expectSame(t, readTrace(bytes, "t.bin"));

  RoutingTrace minimal;  // only the required arrays
  minimal.layers = 1;
  minimal.experts = 2;
  minimal.top_k = 1;
  minimal.sequences = {{"", {7, 8}, {}}};
  minimal.expert_ids = {0, 1};
  expectSame(minimal, readTrace(writeTrace(minimal), "m.bin"));
}

TEST(Trace, Fp16ConversionRoundsToNearestEven) {
  EXPECT_EQ(floatToHalf(1.0f), 0x3C00);
  EXPECT_EQ(floatToHalf(-2.0f), 0xC000);
  EXPECT_EQ(floatToHalf(65504.0f), 0x7BFF);
  EXPECT_EQ(floatToHalf(65520.0f), 0x7C00);  // halfway to the next step rounds to inf
  EXPECT_EQ(floatToHalf(std::ldexp(1.0f, -24)), 0x0001);
  EXPECT_EQ(floatToHalf(1.0f + std::ldexp(1.0f, -11)), 0x3C00);  // tie: to even
  EXPECT_EQ(floatToHalf(1.0f + 3 * std::ldexp(1.0f, -11)), 0x3C02);
  EXPECT_TRUE(std::isnan(halfToFloat(floatToHalf(NAN))));
  for (uint32_t bits = 0; bits < 0x7C00; ++bits) {
    ASSERT_EQ(floatToHalf(halfToFloat(static_cast<uint16_t>(bits))), bits);
  }
}

TEST(Trace, MalformedBytesGiveOneLineErrorsNamingTheFile) {
  const auto bytes = writeTrace(sampleTrace());
  EXPECT_EQ(errorOf([&] { readTrace(std::vector<std::byte>(30), "x.bin"); }),
            "x.bin: not a RouteScope routing trace (bad magic)");
  auto truncated = bytes;
  truncated.resize(bytes.size() - 16);
  const std::string e = errorOf([&] { readTrace(truncated, "x.bin"); });
  EXPECT_EQ(e.rfind("x.bin: truncated", 0), 0u) << e;
  auto newer = bytes;
  newer[8] = std::byte{9};
  EXPECT_EQ(errorOf([&] { readTrace(newer, "x.bin"); }),
            "x.bin: trace format version 9 is not supported (this app reads 1)");

  RoutingTrace wrong = sampleTrace();
  wrong.probs.pop_back();
  EXPECT_EQ(errorOf([&] { writeTrace(wrong); }), "trace: probs has 19 values, expected 20");
  wrong = sampleTrace();
  wrong.expert_ids[3] = 4;
  EXPECT_EQ(errorOf([&] { writeTrace(wrong); }), "trace: expert id 4 at choice 3 is outside 0..3");
}
