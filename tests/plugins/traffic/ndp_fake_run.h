#pragma once
// Network-design runs for the view tests, held in memory: the artifacts the ndp jobs write
// (backend/traffic/README.md), with real user-equilibrium solutions of a seeded 5×5 grid city
// before and after adding lanes, so the design map shows plausible flow changes. Tests edit,
// corrupt or drop single artifacts and rebuild the RunData.

#include <map>
#include <string>
#include <vector>

#include "plugins/sdk/run_data.h"

namespace routescope::plugins::traffic::fake {

struct FakeNdpRun {
  std::string kind = "ndp-experiment";
  nlohmann::json config;
  std::map<std::string, std::string> files;  // artifact name → text
  std::vector<int> built_links;              // 0-based links the design builds (the truth)
  int candidates = 0;
  double design_cost = 0.0;
  double budget = 0.0;
  int pareto_rows = 0;
  int generations = 0;

  RunData run() const;
  void drop(const std::string& name) { files.erase(name); }
};

// Everything an ndp-experiment with a budget sweep would store (both solutions, candidates,
// GA histories of both variants, surrogate validation, Pareto front, gap versus time).
FakeNdpRun fakeNdpRun();

// 1 − Σ(y − x)² / Σ(x − x̄)² over "x,y" pairs of the CSV's columns `x` and `y` (computed here,
// independently of the plugin).
double rSquaredOfCsv(const std::string& csv, const std::string& x, const std::string& y);

}  // namespace routescope::plugins::traffic::fake
