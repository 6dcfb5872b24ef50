// Exact enumeration of a Sioux Falls 10-link network design instance (issue 8; goal ≤ 10 s on
// 2 cores): SF_DNDP_10_1 at budget 100 % (all 1,024 designs feasible) and 50 %, pruning on and
// off, 1 and 2 workers, UE by Algorithm B to gap 1e-10 warm-started from the no-build design.
// Skipped when ../shared/data is absent. Ends with a Markdown table (backend/traffic/README.md).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "backend/traffic/ndp_solver.h"
#include "backend/traffic/tntp_reader.h"

using namespace routescope::traffic;

namespace {

std::string dataDir() {
  if (const char* env = std::getenv("ROUTESCOPE_SHARED_DATA")) return env;
  return ROUTESCOPE_SHARED_DATA_DEFAULT;
}

struct Row {
  double budget = 0;
  int workers = 0;
  bool prune = false;
  double seconds = 0;
  ExactResult result;
};
std::vector<Row> g_rows;

void BM_Exact(benchmark::State& state, double fraction, int workers, bool prune) {
  const std::string instance = dataDir() + "/ndp/SF_DNDP_10_1.txt";
  const std::string trips = dataDir() + "/tntp/SiouxFalls/SiouxFalls_trips.tntp";
  if (!std::filesystem::exists(instance) || !std::filesystem::exists(trips)) {
    state.SkipWithError("no data: ../shared/data/ndp");
    for (auto _ : state) {
    }
    return;
  }
  NdpProblem p = readNdpInstanceFile(instance);
  p.demand = readTripsFile(trips, &p.network);
  Row row{fraction, workers, prune, 0.0, {}};
  for (auto _ : state) {
    // The whole job: the no-build solve for the warm start, the bounds and every UE solve.
    const auto start = std::chrono::steady_clock::now();
    NdpSolveSettings s;
    s.threads = workers;
    DesignEvaluator evaluator(p, s);
    ExactOptions o;
    o.prune = prune;
    row.result = solveExact(evaluator, p.budgetFor(fraction), o);
    row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    state.SetIterationTime(row.seconds);
  }
  state.counters["evaluated"] = static_cast<double>(row.result.evaluated);
  state.counters["pruned"] = static_cast<double>(row.result.pruned);
  g_rows.push_back(row);
}

}  // namespace

int main(int argc, char** argv) {
  for (double fraction : {1.0, 0.5})
    for (int workers : {2, 1})
      for (bool prune : {true, false}) {
        const std::string name =
            "ndp_exact/SF_DNDP_10_1/budget:" + std::to_string(static_cast<int>(fraction * 100)) +
            "/workers:" + std::to_string(workers) + (prune ? "/prune" : "/no_prune");
        benchmark::RegisterBenchmark(name.c_str(), BM_Exact, fraction, workers, prune)
            ->UseManualTime()
            ->Iterations(1)
            ->Unit(benchmark::kSecond);
      }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::printf(
      "\n| budget | workers | pruning | feasible | evaluated | pruned | seconds | best TSTT | design |\n");
  std::printf("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
  for (const Row& r : g_rows)
    std::printf("| %.0f %% | %d | %s | %llu | %llu | %llu | %.2f | %.1f | %s |\n", r.budget * 100, r.workers,
                r.prune ? "on" : "off", static_cast<unsigned long long>(r.result.budget_feasible),
                static_cast<unsigned long long>(r.result.evaluated),
                static_cast<unsigned long long>(r.result.pruned), r.seconds, r.result.best_tstt,
                designString(r.result.best).c_str());
  return 0;
}
