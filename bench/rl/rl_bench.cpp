// PPO throughput and learning against the independent PyTorch PPO (../shared/bench/ref_ppo.py, run
// with Debian's python3-torch in the same benchmark run, same networks, rollout, minibatches and
// epochs): environment steps per second of the whole training loop, and the deterministic
// evaluation return (20 episodes) per seed and their means.
//
//   routescope-bench-rl [--threads N] [--seed S] [--seeds K] [--quick] [--no-reference]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "backend/rl/envs/reference_envs.h"
#include "backend/rl/ppo_trainer.h"
#include "backend/system/torch_runtime.h"

namespace rl = routescope::rl;

namespace {

struct Case {
  std::string env;
  rl::PpoConfig config;
};

struct Outcome {
  double steps_per_s = 0;
  double eval_return = 0;
};

Outcome ours(const Case& c, int64_t steps, uint64_t seed, int threads) {
  routescope::system::prepareTorch(seed, threads);
  auto config = c.config;
  config.total_steps = steps;
  const auto factory = rl::referenceEnvironment(c.env);
  rl::PpoTrainer trainer(config, factory, seed);
  const auto start = std::chrono::steady_clock::now();
  while (!trainer.finished()) trainer.iterate();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rl::EvaluationOptions options;
  options.episodes = 20;
  options.seed = rl::evaluationSeed(seed);
  const auto eval = rl::evaluatePolicy(factory, trainer.policy(), options);
  return {static_cast<double>(trainer.globalStep()) / seconds, eval.mean_return};
}

std::optional<Outcome> reference(const Case& c, int64_t steps, uint64_t seed, int threads) {
  const std::string script = std::string(ROUTESCOPE_SHARED_BENCH) + "/ref_ppo.py";
  const auto& p = c.config;
  const std::string command =
      "/usr/bin/python3 '" + script + "' --env " + c.env + " --steps " + std::to_string(steps) + " --envs " +
      std::to_string(p.envs) + " --rollout " + std::to_string(p.rollout) + " --minibatches " +
      std::to_string(p.minibatches) + " --epochs " + std::to_string(p.epochs) + " --lr " +
      std::to_string(p.learning_rate) + " --gamma " + std::to_string(p.streams[0].gamma) + " --ent " +
      std::to_string(p.entropy_coef) + " --threads " + std::to_string(threads) + " --seed " +
      std::to_string(seed) + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return std::nullopt;
  std::string out;
  char buffer[4096];
  while (fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  const auto json = nlohmann::json::parse(out, nullptr, false);
  if (json.is_discarded() || !json.contains("steps_per_s")) return std::nullopt;
  return Outcome{json["steps_per_s"].get<double>(), json["eval_mean_return"].get<double>()};
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 2, seeds = 3;
  uint64_t seed = 1;
  bool quick = false, with_reference = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc)
      threads = std::stoi(argv[++i]);
    else if (a == "--seed" && i + 1 < argc)
      seed = std::stoull(argv[++i]);
    else if (a == "--seeds" && i + 1 < argc)
      seeds = std::max(1, std::stoi(argv[++i]));
    else if (a == "--quick")
      quick = true;
    else if (a == "--no-reference")
      with_reference = false;
    else {
      std::cerr
          << "usage: routescope-bench-rl [--threads N] [--seed S] [--seeds K] [--quick] [--no-reference]\n";
      return 2;
    }
  }
  const rl::PpoConfig cartpole = rl::referencePpoConfig("cartpole");  // CleanRL / ref_ppo.py defaults
  const rl::PpoConfig pendulum = rl::referencePpoConfig("pendulum");
  struct Row {
    Case c;
    int64_t steps;
  };
  std::vector<Row> rows{{{"cartpole", cartpole}, 100'000}, {{"pendulum", pendulum}, 200'000}};
  if (quick) rows = {{{"cartpole", cartpole}, 4096}, {{"pendulum", pendulum}, 8192}};

  // Seeds `seed` … `seed + seeds − 1`: one evaluation return per seed and implementation, since a
  // single seed says little about which learns better (the mean over seeds is the comparison).
  std::printf("PPO, 4 environments, 64-64 tanh actor and critic, %d thread(s), seeds %llu-%llu\n", threads,
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed + seeds - 1));
  std::printf("%-9s %8s %5s | %12s %10s | %12s %10s | %6s\n", "env", "steps", "seed", "ours steps/s",
              "ours eval", "ref steps/s", "ref eval", "ratio");
  bool reference_missing = false;
  for (const auto& row : rows) {
    double sum_ours = 0, sum_ref = 0, eval_ours = 0, eval_ref = 0;
    int ref_runs = 0;
    for (int k = 0; k < seeds; ++k) {
      const uint64_t s = seed + static_cast<uint64_t>(k);
      const auto mine = ours(row.c, row.steps, s, threads);
      const auto theirs = with_reference ? reference(row.c, row.steps, s, threads) : std::nullopt;
      sum_ours += mine.steps_per_s;
      eval_ours += mine.eval_return;
      if (theirs) {
        sum_ref += theirs->steps_per_s;
        eval_ref += theirs->eval_return;
        ++ref_runs;
        std::printf("%-9s %8lld %5llu | %12.0f %10.1f | %12.0f %10.1f | %5.2fx\n", row.c.env.c_str(),
                    static_cast<long long>(row.steps), static_cast<unsigned long long>(s), mine.steps_per_s,
                    mine.eval_return, theirs->steps_per_s, theirs->eval_return,
                    mine.steps_per_s / theirs->steps_per_s);
      } else {
        reference_missing = reference_missing || with_reference;
        std::printf("%-9s %8lld %5llu | %12.0f %10.1f | %12s %10s | %6s\n", row.c.env.c_str(),
                    static_cast<long long>(row.steps), static_cast<unsigned long long>(s), mine.steps_per_s,
                    mine.eval_return, "-", "-", "-");
      }
      std::fflush(stdout);
    }
    if (ref_runs == seeds) {
      std::printf("%-9s %8lld %5s | %12.0f %10.1f | %12.0f %10.1f | %5.2fx\n", row.c.env.c_str(),
                  static_cast<long long>(row.steps), "mean", sum_ours / seeds, eval_ours / seeds,
                  sum_ref / seeds, eval_ref / seeds, sum_ours / sum_ref);
    }
  }
  if (reference_missing) {
    std::printf("(reference not run: needs /usr/bin/python3 with Debian's python3-torch and %s/ref_ppo.py)\n",
                ROUTESCOPE_SHARED_BENCH);
  }
  return 0;
}
