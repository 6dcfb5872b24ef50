// Training throughput of the MoE language model against an independent PyTorch implementation of
// the same model (../shared/bench/ref_moe.py, run with Debian's python3-torch at the same config
// and thread count in the same benchmark run), and model FLOP utilisation against the machine's
// measured sgemm peak.
//
//   routescope-bench-moe [--threads N] [--device cpu|cuda] [--steps N] [--quick] [--no-reference]
//
// Prints one row per (config, router): our tokens/s, the reference's, their ratio, GFLOP/s and
// utilisation. FLOPs per token use the reference's formula (forward + backward = 3 × forward).
#include <torch/torch.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "backend/core/paths.h"
#include "backend/core/run_store.h"
#include "backend/moe/internal/moe_transformer.h"
#include "backend/system/machine_peak.h"
#include "backend/system/torch_runtime.h"

namespace rm = routescope::moe;

namespace {

struct BenchConfig {
  std::string name;
  int64_t d, layers, heads, ffn, experts, top_k, batch, seq, vocab;
};

double flopsPerToken(const BenchConfig& c, rm::RouterKind router, int64_t p) {
  const double attention = 4.0 * c.d * c.d + 2.0 * c.seq * c.d;
  const double moe = c.top_k * 2.0 * c.d * c.ffn;
  const double gate = router == rm::RouterKind::Linear ? 1.0 * c.d * c.experts
                                                       : 1.0 * c.d * p + 6.0 * p * p + 1.0 * p * c.experts;
  const double forward = 2.0 * (c.layers * (attention + moe + gate) + 1.0 * c.d * c.vocab);
  return 3.0 * forward;
}

double ourTokensPerSecond(const BenchConfig& c, rm::RouterKind router, int steps,
                          const torch::Device& device) {
  rm::MoeModelConfig config;
  config.vocab = c.vocab;
  config.layers = c.layers;
  config.d_model = c.d;
  config.heads = c.heads;
  config.ffn = c.ffn;
  config.experts = c.experts;
  config.top_k = c.top_k;
  config.context = c.seq;
  config.router = router;
  torch::manual_seed(0);
  rm::MoeTransformer model(config);
  model->to(device);
  torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(3e-4));
  auto data = torch::randint(0, c.vocab, {c.batch, c.seq + 1}, torch::kInt64).to(device);
  auto step = [&] {
    auto [loss, out] = rm::nextTokenLoss(model, data);
    optimizer.zero_grad();
    (loss + out.aux_loss).backward();
    torch::nn::utils::clip_grad_norm_(model->parameters(), 1.0);
    optimizer.step();
  };
  for (int i = 0; i < 3; ++i) step();
  if (device.is_cuda()) torch::cuda::synchronize();
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) step();
  if (device.is_cuda()) torch::cuda::synchronize();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(steps * c.batch * c.seq) / seconds;
}

// Runs the reference with the same shape; nullopt when python3-torch or the script is missing.
std::optional<double> referenceTokensPerSecond(const BenchConfig& c, const std::string& router, int steps,
                                               int threads) {
  const std::string script = ROUTESCOPE_SHARED_BENCH "/ref_moe.py";
  if (FILE* f = std::fopen(script.c_str(), "r")) {
    std::fclose(f);
  } else {
    return std::nullopt;
  }
  const std::string command = "/usr/bin/python3 " + script + " --d " + std::to_string(c.d) + " --layers " +
                              std::to_string(c.layers) + " --heads " + std::to_string(c.heads) + " --ffn " +
                              std::to_string(c.ffn) + " --experts " + std::to_string(c.experts) + " --topk " +
                              std::to_string(c.top_k) + " --cf 1.25 --router " + router + " --batch " +
                              std::to_string(c.batch) + " --seq " + std::to_string(c.seq) + " --vocab " +
                              std::to_string(c.vocab) + " --steps " + std::to_string(steps) + " --threads " +
                              std::to_string(threads) + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string output;
  std::array<char, 512> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
  pclose(pipe);
  std::smatch match;
  if (!std::regex_search(output, match, std::regex(R"(tokens/s ([0-9.]+))"))) {
    std::cerr << "reference failed: " << output.substr(0, 300) << "\n";
    return std::nullopt;
  }
  return std::stod(match[1]);
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 2, steps = 10;
  std::string device_name = "cpu";
  bool quick = false, reference = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc)
      threads = std::stoi(argv[++i]);
    else if (arg == "--steps" && i + 1 < argc)
      steps = std::stoi(argv[++i]);
    else if (arg == "--device" && i + 1 < argc)
      device_name = argv[++i];
    else if (arg == "--quick")
      quick = true;
    else if (arg == "--no-reference")
      reference = false;
    else {
      std::cerr << "usage: routescope-bench-moe [--threads N] [--device cpu|cuda] [--steps N] [--quick] "
                   "[--no-reference]\n";
      return 2;
    }
  }
  routescope::system::prepareTorch(0, threads);
  const torch::Device device(routescope::system::resolveDevice(device_name));
  std::vector<BenchConfig> configs = {{"demo d=128", 128, 4, 4, 256, 8, 2, 16, 128, 2048},
                                      {"d=256", 256, 4, 4, 1024, 8, 2, 16, 128, 4096}};
  if (quick) {
    configs = {{"quick d=32", 32, 2, 2, 64, 4, 2, 4, 32, 256}};
    steps = 2;
    reference = false;
  }
  std::optional<double> peak;
  try {
    routescope::core::RunStore store(routescope::core::defaultRunStorePath());
    peak = routescope::system::machinePeakGflops(store, threads);
  } catch (const std::exception&) {
  }
  std::printf("device %s, threads %d, %d timed steps; peak sgemm %s\n", device.str().c_str(), threads, steps,
              peak ? (std::to_string(*peak) + " GFLOP/s (routescope-cli system profile)").c_str()
                   : "unknown (run routescope-cli system profile)");
  std::printf("%-12s %-7s %12s %12s %7s %9s %7s\n", "config", "router", "ours tok/s", "ref tok/s", "ratio",
              "GFLOP/s", "MFU");
  for (const auto& config : configs) {
    for (const auto router : {rm::RouterKind::Linear, rm::RouterKind::Gru}) {
      const double ours = ourTokensPerSecond(config, router, steps, device);
      const auto ref = reference && !device.is_cuda()
                           ? referenceTokensPerSecond(config, rm::toString(router), steps, threads)
                           : std::nullopt;
      const double gflops = ours * flopsPerToken(config, router, 128) / 1e9;
      std::printf("%-12s %-7s %12.0f %12s %7s %9.2f %7s\n", config.name.c_str(), rm::toString(router).c_str(),
                  ours, ref ? std::to_string(static_cast<int>(*ref)).c_str() : "-",
                  ref ? (std::to_string(ours / *ref).substr(0, 4) + "x").c_str() : "-", gflops,
                  peak && !device.is_cuda()
                      ? (std::to_string(100.0 * gflops / *peak).substr(0, 4) + "%").c_str()
                      : "-");
      std::fflush(stdout);
    }
  }
  return 0;
}
