// Benchmarks of backend/core; see bench/README.md for what each pair compares.
#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "backend/core/job_runner.h"
#include "backend/core/run_store.h"
#include "backend/core/safetensors.h"

namespace core = routescope::core;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string scratchDir() {
  const auto dir = fs::temp_directory_path() / ("routescope-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir.string();
}

// Spins for `duration` (a training step's worth of work) without sleeping.
void busyFor(std::chrono::microseconds duration) {
  const auto end = Clock::now() + duration;
  volatile double x = 1.0;
  while (Clock::now() < end) x = x * 1.0000001 + 1e-9;
}

class StepJob : public core::Job {
 public:
  void run(core::JobContext& context) override {
    for (int64_t step = 0;; ++step) {
      context.throwIfCancelled();
      busyFor(std::chrono::milliseconds(1));
      context.metric("loss", step, 1.0 / static_cast<double>(step + 1));
    }
  }
};

void BM_CancelLatency(benchmark::State& state) {
  core::RunStore store(scratchDir() + "/cancel.sqlite");
  double total_ms = 0;
  for (auto _ : state) {
    core::CancelToken cancel;
    StepJob job;
    core::RunRequest request;
    request.study = "bench";
    request.kind = "cancel";
    Clock::time_point cancelled_at;
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      cancelled_at = Clock::now();
      cancel.cancel();
    });
    const auto outcome = core::runJob(store, job, request, cancel);
    const auto done = Clock::now();
    canceller.join();
    if (outcome.status != core::RunStatus::Cancelled) state.SkipWithError("not cancelled");
    const double ms = std::chrono::duration<double, std::milli>(done - cancelled_at).count();
    total_ms += ms;
    state.SetIterationTime(ms / 1000.0);
  }
  state.counters["latency_ms"] = total_ms / static_cast<double>(state.iterations());
}
BENCHMARK(BM_CancelLatency)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_CancelBaseline_OneStep(benchmark::State& state) {
  for (auto _ : state) busyFor(std::chrono::milliseconds(1));
}
BENCHMARK(BM_CancelBaseline_OneStep)->Unit(benchmark::kMillisecond);

// A fresh run to write metrics into.
std::string metricsRun(core::RunStore& store) {
  core::NewRun run;
  run.study = "bench";
  run.kind = "metrics";
  return store.beginRun(run);
}

void BM_MetricsBatched(benchmark::State& state) {
  core::RunStore store(scratchDir() + "/batched.sqlite");
  const std::string id = metricsRun(store);
  core::CancelToken cancel;
  int64_t step = 0;
  for (auto _ : state) {
    core::JobContext context(store, id, {}, cancel, nullptr);
    for (int i = 0; i < 1000; ++i) context.metric("loss", step++, 0.5);
    context.flush();
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_MetricsBatched)->Unit(benchmark::kMillisecond);

void BM_MetricsOneTransactionEach(benchmark::State& state) {
  core::RunStore store(scratchDir() + "/single.sqlite");
  const std::string id = metricsRun(store);
  int64_t step = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1000; ++i) {
      const core::MetricPoint point{"loss", step++, 0.5};
      store.addMetrics(id, std::span(&point, 1));
    }
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_MetricsOneTransactionEach)->Unit(benchmark::kMillisecond);

const std::string& checkpoint64MiB() {
  static const std::string path = [] {
    const std::string file = scratchDir() + "/checkpoint.safetensors";
    core::SafetensorsWriter writer;
    std::vector<std::byte> bytes(16 << 20);
    for (int t = 0; t < 4; ++t)
      writer.add("layer" + std::to_string(t) + ".weight", core::DType::F32, {2048, 2048}, bytes);
    writer.write(file);
    return file;
  }();
  return path;
}

void BM_SafetensorsOpenMapped(benchmark::State& state) {
  const std::string& path = checkpoint64MiB();
  for (auto _ : state) {
    auto file = core::SafetensorsFile::open(path);
    benchmark::DoNotOptimize(file.find("layer3.weight")->bytes[0]);
  }
}
BENCHMARK(BM_SafetensorsOpenMapped)->Unit(benchmark::kMicrosecond);

void BM_ReadWholeFile(benchmark::State& state) {
  const std::string& path = checkpoint64MiB();
  for (auto _ : state) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> data(fs::file_size(path));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    benchmark::DoNotOptimize(data.back());
  }
}
BENCHMARK(BM_ReadWholeFile)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  fs::remove_all(fs::temp_directory_path() / ("routescope-bench-" + std::to_string(getpid())), ec);
  return 0;
}
