// Surrogate fitness speed (issue 8; goal ≤ 1 ms per design in batches): the GNN surrogate's TSTT
// predictions per design at batch sizes 1, 20 (a GA population) and 200, against exact UE solves
// of the same designs in the same run (Algorithm B to 1e-10, warm from the no-build design, the
// GA's setting, on 1 and 2 workers). Sioux Falls SF_DNDP_10_1 when ../shared/data is there, else
// the built-in 5×5 grid city with lane additions. ROUTESCOPE_SURROGATE_BENCH_QUICK=1 (the ctest
// smoke run) trains a tiny model. Prints a Markdown table (backend/traffic/surrogate/README.md).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "backend/traffic/generator.h"
#include "backend/traffic/ndp_solver.h"
#include "backend/traffic/surrogate/flow_surrogate.h"
#include "backend/traffic/tntp_reader.h"

using namespace routescope::traffic;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

NdpProblem problem(std::string* name) {
  const char* env = std::getenv("ROUTESCOPE_SHARED_DATA");
  const std::string data = env ? env : ROUTESCOPE_SHARED_DATA_DEFAULT;
  const std::string instance = data + "/ndp/SF_DNDP_10_1.txt", trips = data + "/tntp/SiouxFalls/SiouxFalls_trips.tntp";
  if (std::filesystem::exists(instance) && std::filesystem::exists(trips)) {
    *name = "SF_DNDP_10_1";
    NdpProblem p = readNdpInstanceFile(instance);
    p.demand = readTripsFile(trips, &p.network);
    return p;
  }
  *name = "builtin 5x5 grid, lane additions";
  CityOptions city;
  city.size = 5;
  city.zones = 6;
  city.seed = 7;
  const City c = generateCity(city);
  NdpProblem p = laneAdditionProblem(c.network, 0.5);
  p.demand = c.demand;
  return p;
}

}  // namespace

int main() {
  const bool quick = std::getenv("ROUTESCOPE_SURROGATE_BENCH_QUICK") != nullptr;
  std::string name;
  const NdpProblem p = problem(&name);
  UeSampleOptions data;
  data.count = quick ? 50 : 1000;
  const auto t0 = Clock::now();
  const auto samples = generateUeSamples(p, data);
  const double data_seconds = since(t0);
  SurrogateOptions options;
  options.epochs = quick ? 1 : 50;
  const auto t1 = Clock::now();
  const FlowSurrogate model = FlowSurrogate::train(p, samples, {}, options);
  const double train_seconds = since(t1);

  // 200 distinct random designs (none the no-build design, which the evaluator has cached), so
  // the exact side solves every one.
  std::mt19937_64 rng(11);
  std::vector<Design> designs;
  std::set<Design> seen = {Design(p.candidates.size(), 0)};
  while (designs.size() < 200) {
    Design d(p.candidates.size());
    for (auto& bit : d) bit = rng() % 2;
    if (seen.insert(d).second) designs.push_back(d);
  }
  std::printf("# surrogate speed on %s (%zu links, %zu candidates); data %.1f s (%d UE samples), training %.1f s\n\n",
              name.c_str(), p.network.links.size(), p.candidates.size(), data_seconds, data.count, train_seconds);
  std::printf("| fitness | batch | ms per design | speed-up vs exact UE (1 worker) |\n|---|---:|---:|---:|\n");
  double exact_ms = 0.0;
  for (const int workers : {1, 2}) {
    NdpSolveSettings s;
    s.threads = workers;
    DesignEvaluator evaluator(p, s);
    const size_t count = quick ? 20 : designs.size();
    const auto t = Clock::now();
    evaluator.evaluate(std::vector<Design>(designs.begin(), designs.begin() + static_cast<long>(count)));
    const double ms = 1000.0 * since(t) / static_cast<double>(count);
    if (workers == 1) exact_ms = ms;
    std::printf("| exact UE, Algorithm B 1e-10 warm, %d worker(s) | %zu | %.3f | %.2f× |\n", workers, count, ms,
                exact_ms / ms);
  }
  for (const size_t batch : {size_t{1}, size_t{20}, size_t{200}}) {
    model.predictDesigns({designs.begin(), designs.begin() + 1});  // warm-up
    const int rounds = batch == 1 ? 50 : 5;
    const auto t = Clock::now();
    for (int r = 0; r < rounds; ++r)
      model.predictDesigns({designs.begin(), designs.begin() + static_cast<long>(batch)});
    const double ms = 1000.0 * since(t) / static_cast<double>(rounds * batch);
    std::printf("| GNN surrogate | %zu | %.3f | %.2f× |\n", batch, ms, exact_ms / ms);
  }
  return 0;
}
