#include "backend/system/machine_profile.h"

#include <torch/torch.h>

#include <charconv>
#include <chrono>

#include "backend/core/error.h"
#include "backend/core/process_info.h"
#include "backend/system/torch_runtime.h"

namespace routescope::system {
namespace {

using Clock = std::chrono::steady_clock;

std::string shapeName(const GemmShape& s) {
  return std::to_string(s.m) + "x" + std::to_string(s.k) + "x" + std::to_string(s.n);
}

// Best GFLOP/s of C = A·B within `budget` seconds (at least two timed repetitions after a warm-up).
double measureSgemm(const GemmShape& shape, double budget_s, const core::JobContext& context) {
  const auto a = torch::randn({shape.m, shape.k});
  const auto b = torch::randn({shape.k, shape.n});
  auto c = torch::mm(a, b);  // warm-up: thread pool start, page faults
  const double flops =
      2.0 * static_cast<double>(shape.m) * static_cast<double>(shape.k) * static_cast<double>(shape.n);
  double best = 0;
  const auto end = Clock::now() + std::chrono::duration<double>(budget_s);
  for (int rep = 0; rep < 2 || Clock::now() < end; ++rep) {
    context.throwIfCancelled();
    const auto start = Clock::now();
    torch::mm_out(c, a, b);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (seconds > 0) best = std::max(best, flops / seconds / 1e9);
  }
  return best;
}

class MachineProfileJob : public core::Job {
 public:
  explicit MachineProfileJob(const nlohmann::json& config)
      : seconds_(config["seconds"].get<double>()),
        shapes_(parseGemmShapes(config["shapes"].get<std::string>())),
        max_threads_(config["max_threads"].get<int>()) {}

  void run(core::JobContext& context) override {
    const int max_threads = max_threads_ > 0 ? max_threads_ : context.threads();
    prepareTorch(context.seed(), 1);
    const std::vector<int> thread_counts = profileThreadCounts(max_threads);
    const double cells = static_cast<double>(thread_counts.size() * shapes_.size());
    const double budget = seconds_ / cells;
    nlohmann::json results = nlohmann::json::array();
    int done = 0;
    for (int threads : thread_counts) {
      at::set_num_threads(threads);
      double peak = 0;
      for (const auto& shape : shapes_) {
        context.progress(done / cells,
                         "sgemm " + shapeName(shape) + " on " + std::to_string(threads) + " thread(s)");
        const double gflops = measureSgemm(shape, budget, context);
        context.metric("sgemm_gflops." + shapeName(shape), threads, gflops);
        results.push_back({{"shape", shapeName(shape)}, {"threads", threads}, {"gflops", gflops}});
        peak = std::max(peak, gflops);
        ++done;
      }
      context.metric("peak_gflops", threads, peak);
    }
    at::set_num_threads(context.threads());
    const auto runtime = describeRuntime();
    const nlohmann::json report = {
        {"blas_library", core::loadedBlasLibrary()},
        {"cpu_model", core::cpuModel()},
        {"hardware_threads", core::hardwareThreads()},
        {"libtorch_version", runtime.libtorch_version},
        {"cuda_available", runtime.cuda_available},
        {"cuda_devices", runtime.cuda_devices},
        {"sgemm", results},
    };
    context.artifactText("profile.json", report.dump(2));
    context.progress(1.0, "done");
  }

 private:
  double seconds_;
  std::vector<GemmShape> shapes_;
  int max_threads_;
};

}  // namespace

std::vector<GemmShape> parseGemmShapes(const std::string& text) {
  std::vector<GemmShape> shapes;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string part =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    int64_t dims[3] = {0, 0, 0};
    const char* p = part.data();
    const char* end = part.data() + part.size();
    bool ok = true;
    for (int i = 0; i < 3 && ok; ++i) {
      const auto [next, ec] = std::from_chars(p, end, dims[i]);
      ok = ec == std::errc() && dims[i] > 0 && dims[i] <= 16384;
      p = next;
      if (i < 2) ok = ok && p < end && *p++ == 'x';
    }
    if (!ok || p != end) {
      throw core::Error("config key 'shapes': '" + part + "' is not MxKxN with sizes 1..16384");
    }
    shapes.push_back({dims[0], dims[1], dims[2]});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return shapes;
}

std::vector<int> profileThreadCounts(int max_threads) {
  std::vector<int> counts;
  for (int t = 1; t < max_threads; t *= 2) counts.push_back(t);
  counts.push_back(std::max(1, max_threads));
  return counts;
}

core::JobKind machineProfileJobKind() {
  core::JobKind kind;
  kind.study = "system";
  kind.kind = "profile";
  kind.summary = "Measure this machine: LibTorch sgemm GFLOP/s per shape and thread count";
  kind.schema.real("seconds", 10.0, 0.2, 3600.0, "total measuring time in seconds")
      .text("shapes", "256x256x256,512x256x1024,1024x1024x1024,2048x2048x2048",
            "comma-separated MxKxN matrix shapes")
      .integer("max_threads", 0, 0, 1024, "largest thread count to measure (0: --threads)");
  kind.create = [](const nlohmann::json& config) {
    parseGemmShapes(config["shapes"].get<std::string>());  // fail before the run starts
    return std::make_unique<MachineProfileJob>(config);
  };
  kind.reproducible = false;  // timings
  return kind;
}

}  // namespace routescope::system
