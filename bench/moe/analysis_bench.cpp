// routescope-bench-moe-analysis: every routing analysis of MoE 2/2 on a synthetic run of the
// issue's size (100k tokens x 8 layers x 16 experts, top-2, probability vectors, dropped flags,
// GRU states), stored at several checkpoints in a scratch run store; prints the times as JSON.
// `analyze_trace_seconds` and `analyze_trace_parts` time every single-trace analysis (what the
// former AnalysisTiming unit test printed; `--hidden 32` gives its 32-dim GRU states).
//
//   routescope-bench-moe-analysis [--tokens N] [--layers L] [--experts E] [--hidden H]
//                                 [--checkpoints C]
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "backend/core/run_store.h"
#include "backend/moe/analysis/run_analysis.h"
#include "backend/moe/trace_store.h"

namespace fs = std::filesystem;
using namespace routescope;

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Routing that depends on the token, a little on the position and more with each checkpoint.
moe::RoutingTrace syntheticTrace(int64_t tokens, int layers, int experts, int hidden, int checkpoint,
                                 int64_t step) {
  moe::RoutingTrace t;
  t.layers = layers;
  t.experts = experts;
  t.top_k = 2;
  t.gru_hidden = hidden;
  t.checkpoint_step = step;
  t.router = hidden > 0 ? "gru" : "linear";
  t.run_id = "bench";
  const int length = 256;
  std::mt19937_64 tokens_rng(1);  // the same token stream at every checkpoint
  std::mt19937_64 rng(static_cast<uint64_t>(checkpoint) + 2);
  for (int64_t done = 0; done < tokens; done += length) {
    moe::TraceSequence s;
    s.domain = (done / length) % 3 == 0 ? "code" : (done / length) % 3 == 1 ? "english" : "german";
    const int64_t n = std::min<int64_t>(length, tokens - done);
    for (int64_t i = 0; i < n; ++i) s.token_ids.push_back(static_cast<int32_t>(tokens_rng() % 8000));
    t.sequences.push_back(std::move(s));
  }
  const size_t rows = static_cast<size_t>(tokens) * static_cast<size_t>(layers);
  t.full_probs.resize(rows * static_cast<size_t>(experts));
  t.expert_ids.resize(rows * 2);
  t.probs.resize(rows * 2);
  t.dropped.resize(rows * 2);
  int64_t token = 0;
  for (const auto& s : t.sequences) {
    for (size_t p = 0; p < s.token_ids.size(); ++p, ++token) {
      for (int l = 0; l < layers; ++l) {
        const size_t row = static_cast<size_t>(token) * static_cast<size_t>(layers) + static_cast<size_t>(l);
        float* probs = t.full_probs.data() + row * static_cast<size_t>(experts);
        float sum = 0;
        for (int e = 0; e < experts; ++e) {
          const bool preferred =
              (s.token_ids[p] + 3 * l) % experts == e && rng() % 4 <= static_cast<uint64_t>(checkpoint);
          probs[e] = std::exp(static_cast<float>(rng() % 1000) / 500.0f + (preferred ? 3.0f : 0.0f));
          sum += probs[e];
        }
        int first = 0, second = 1;
        for (int e = 0; e < experts; ++e) {
          probs[e] /= sum;
          if (probs[e] > probs[first]) first = e;
        }
        if (first == second) second = 0;
        for (int e = 0; e < experts; ++e)
          if (e != first && probs[e] > probs[second]) second = e;
        t.expert_ids[row * 2] = static_cast<int16_t>(first);
        t.expert_ids[row * 2 + 1] = static_cast<int16_t>(second);
        t.probs[row * 2] = probs[first];
        t.probs[row * 2 + 1] = probs[second];
        t.dropped[row * 2 + 1] = rng() % 256 < p / 2 ? 1 : 0;  // more drops towards the end
      }
    }
  }
  if (hidden > 0) {
    t.gru_state.resize(rows * static_cast<size_t>(hidden));
    for (auto& h : t.gru_state) h = moe::floatToHalf(static_cast<float>(rng() % 2000) / 1000.0f - 1.0f);
    t.update_gate_mean.resize(rows);
    for (auto& z : t.update_gate_mean) z = static_cast<float>(rng() % 1000) / 1000.0f;
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t tokens = 100000;
  int layers = 8, experts = 16, hidden = 128, checkpoints = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const long value = std::strtol(argv[i + 1], nullptr, 10);
    if (flag == "--tokens")
      tokens = value;
    else if (flag == "--layers")
      layers = static_cast<int>(value);
    else if (flag == "--experts")
      experts = static_cast<int>(value);
    else if (flag == "--hidden")
      hidden = static_cast<int>(value);
    else if (flag == "--checkpoints")
      checkpoints = static_cast<int>(value);
    else {
      std::cerr << "unknown option " << flag << "\n";
      return 2;
    }
  }
  const fs::path dir =
      fs::temp_directory_path() / ("routescope-analysis-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  nlohmann::json report = {{"tokens", tokens},
                           {"layers", layers},
                           {"experts", experts},
                           {"gru_hidden", hidden},
                           {"checkpoints", checkpoints}};
  {
    core::RunStore store((dir / "runs.sqlite").string());
    core::NewRun new_run;
    new_run.study = "moe";
    new_run.kind = "train";
    const std::string run = store.beginRun(new_run);
    auto t0 = std::chrono::steady_clock::now();
    moe::RoutingTrace last;
    for (int c = 0; c < checkpoints; ++c) {
      last = syntheticTrace(tokens, layers, experts, hidden, c, 100 * (c + 1));
      store.putArtifact(run, moe::traceArtifactName(last.checkpoint_step), moe::writeTrace(last));
    }
    store.finishRun(run, core::RunStatus::Completed);
    report["prepare_seconds"] = seconds(t0);

    t0 = std::chrono::steady_clock::now();
    const auto single = moe::analysis::analyzeTrace(last);
    report["analyze_trace_seconds"] = seconds(t0);
    report["analyze_trace_parts"] = single["timing_seconds"];

    // Loading one checkpoint's trace (RunStore::readArtifact with its checksum, then readTrace):
    // analyzeRun pays it once per checkpoint.
    t0 = std::chrono::steady_clock::now();
    const auto bytes = store.readArtifact(run, moe::traceArtifactName(last.checkpoint_step));
    report["read_artifact_seconds"] = seconds(t0);
    report["trace_megabytes"] = static_cast<double>(bytes.size()) / 1e6;
    t0 = std::chrono::steady_clock::now();
    (void)moe::readTrace(bytes, "bench");
    report["parse_trace_seconds"] = seconds(t0);

    t0 = std::chrono::steady_clock::now();
    const auto whole = moe::analysis::analyzeRun(store, run);
    report["analyze_run_seconds"] = seconds(t0);
    report["first_step_at_threshold"] = whole["early_learning"]["first_step_at_threshold"];
    report["mi_token_layer0"] = whole["mi_token"][0];
  }
  fs::remove_all(dir);
  std::cout << report.dump(2) << "\n";
  return 0;
}
