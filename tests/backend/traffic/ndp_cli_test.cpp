// routescope-cli traffic ndp-solve end to end: the --json contract keys, exact = GA on a
// Sioux Falls 10-link instance, a budget sweep, ga-gnn's one-line error, malformed instances.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/cli_runner.h"
#include "tests/support/shared_data.h"

using routescope::testing::CliResult;
using routescope::testing::runCli;
namespace fs = std::filesystem;

namespace {

class NdpCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = routescope::testing::makeTempDir();
    instance_ = routescope::testing::requireSharedData("ndp/SF_DNDP_10_1.txt");
    trips_ = routescope::testing::requireSharedData("tntp/SiouxFalls/SiouxFalls_trips.tntp");
  }
  void TearDown() override { fs::remove_all(dir_); }
  CliResult cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", dir_ + "/runs.sqlite", "--quiet"});
    return runCli(args);
  }
  nlohmann::json json(std::vector<std::string> args) {
    args.push_back("--json");
    const CliResult r = cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  std::string dir_, instance_, trips_;
};

}  // namespace

TEST_F(NdpCli, ExactAndGaPrintTheContractKeys) {
  const auto exact = json({"traffic", "ndp-solve", "--instance", instance_, "--trips", trips_, "--budget",
                           "0.25", "--method", "exact"});
  for (const char* key : {"run_id", "best_tstt", "design", "ue_solves", "seconds", "certificate"})
    EXPECT_TRUE(exact.contains(key)) << key << " in " << exact.dump();
  EXPECT_EQ(exact["design"].get<std::string>().size(), 10u);
  EXPECT_EQ(exact["certificate"]["designs"], 1024);
  EXPECT_LE(exact["design_cost"].get<double>(), exact["budget"].get<double>() * (1 + 1e-12));
  EXPECT_LT(exact["best_tstt"].get<double>(), exact["no_build_tstt"].get<double>());

  const auto ga = json({"traffic", "ndp-solve", "--instance", instance_, "--trips", trips_, "--budget",
                        "0.25", "--method", "ga", "--seed", "3"});
  for (const char* key : {"run_id", "best_tstt", "design", "ue_solves", "seconds"})
    EXPECT_TRUE(ga.contains(key)) << key << " in " << ga.dump();
  EXPECT_LE(ga["ue_solves"].get<int>(), 150);
  EXPECT_EQ(ga["design"], exact["design"]);
  EXPECT_TRUE(ga["metrics"].contains("ga_best")) << ga.dump();
}

TEST_F(NdpCli, BudgetSweepGivesAParetoFront) {
  const auto j = json({"traffic", "ndp-solve", "--instance", instance_, "--trips", trips_, "--budgets",
                       "0,0.1,0.25", "--method", "exact"});
  ASSERT_EQ(j["pareto"].size(), 3u);
  EXPECT_EQ(j["pareto"][0]["design"], "0000000000");
  for (size_t i = 1; i < 3; ++i)
    EXPECT_LE(j["pareto"][i]["best_tstt"].get<double>(), j["pareto"][i - 1]["best_tstt"].get<double>());
}

TEST_F(NdpCli, GaGnnAndMalformedInstancesFailWithOneLine) {
  const CliResult gnn =
      cli({"traffic", "ndp-solve", "--instance", instance_, "--trips", trips_, "--method", "ga-gnn"});
  EXPECT_EQ(gnn.exit_code, 1);
  EXPECT_NE(gnn.err.find("not yet available"), std::string::npos) << gnn.err;

  const std::string bad = dir_ + "/bad.txt";
  std::ofstream(bad) << "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n"
                        "1 2 10 1 1 0.15 4 0 0 1 5 ;\n";
  const CliResult r = cli({"traffic", "ndp-solve", "--instance", bad, "--trips", trips_});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":4: field 'NUMBER OF NEW LINKS'"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}
