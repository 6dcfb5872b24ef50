// routescope-cli traffic verbs end to end: the assign contract (--json keys), malformed files
// (exit 1, one line naming the file), info, generate → assign, whatif and compare.
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

class TrafficCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
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
  std::string dir_;
};

int lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_F(TrafficCli, AssignPrintsTheContractKeys) {
  const auto j = json({"traffic", "assign", "--net", "builtin:braess", "--gap", "1e-10"});
  for (const char* key : {"run_id", "tstt", "beckmann", "relative_gap", "iterations", "seconds"}) {
    EXPECT_TRUE(j.contains(key)) << key << " in " << j.dump();
  }
  EXPECT_NEAR(j["tstt"].get<double>(), 552.0, 1e-4);
  EXPECT_NEAR(j["beckmann"].get<double>(), 386.0, 1e-4);
  EXPECT_LE(j["relative_gap"].get<double>(), 1e-10);
  EXPECT_TRUE(j["metrics"].contains("relative_gap"));
  EXPECT_TRUE(j["metrics"].contains("relative_gap_sptt"));

  const auto so = json({"traffic", "assign", "--net", "builtin:braess", "--system-optimum", "--algorithm",
                        "fw", "--gap", "1e-9"});
  EXPECT_NEAR(so["tstt"].get<double>(), 498.0, 1e-3);
  EXPECT_EQ(so["algorithm"], "fw");
}

TEST_F(TrafficCli, MalformedFilesExitWith1AndOneLineNamingTheFile) {
  const std::string net = dir_ + "/Bad_net.tntp";
  std::ofstream(net) << "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<NUMBER OF LINKS> 2\n<END OF METADATA>\n"
                     << "1 3 10 1 1 0.15 4 0 0 1 ;\n3 2 -10 1 1 0.15 4 0 0 1 ;\n";
  const std::string trips = dir_ + "/Bad_trips.tntp";
  std::ofstream(trips) << "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n 2 : 5;\n";
  const CliResult r = cli({"traffic", "assign", "--net", net, "--trips", trips});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(net + ":6: field 'capacity'"), std::string::npos) << r.err;

  const CliResult missing = cli({"traffic", "assign", "--net", dir_ + "/nothing_net.tntp", "--trips", trips});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(lines(missing.err), 1) << missing.err;
  EXPECT_NE(missing.err.find("nothing_net.tntp"), std::string::npos) << missing.err;

  const CliResult info = cli({"traffic", "info", "--net", net});
  EXPECT_EQ(info.exit_code, 1);
  EXPECT_EQ(lines(info.err), 1) << info.err;
  EXPECT_NE(info.err.find(net + ":6"), std::string::npos) << info.err;
}

TEST_F(TrafficCli, GenerateThenInfoAndAssignTheFiles) {
  const std::string out = dir_ + "/city";
  const auto g = json({"traffic", "generate", "--layout", "ring", "--size", "3", "--zones", "6",
                       "--output-dir", out, "--seed", "4"});
  EXPECT_EQ(g["files"].size(), 3u);
  const std::string net = out + "/DemoCity_net.tntp", trips = out + "/DemoCity_trips.tntp";
  ASSERT_TRUE(fs::exists(net));
  const auto info = json({"traffic", "info", "--net", net, "--trips", trips});
  EXPECT_EQ(info["zones"], 6);
  EXPECT_EQ(info["first_thru_node"], 7);
  EXPECT_EQ(info["nodes"], g["nodes"]);
  EXPECT_NEAR(info["total_demand"].get<double>(), g["total_demand"].get<double>(), 1e-6);
  const auto bfw = json({"traffic", "assign", "--net", net, "--trips", trips, "--nodes",
                         out + "/DemoCity_node.tntp", "--algorithm", "bfw", "--gap", "1e-5"});
  const auto bush = json({"traffic", "assign", "--net", net, "--trips", trips, "--gap", "1e-10"});
  EXPECT_LE(bfw["relative_gap"].get<double>(), 1e-5);
  EXPECT_NEAR(bfw["beckmann"].get<double>(), bush["beckmann"].get<double>(),
              1e-4 * bush["beckmann"].get<double>());
  // The link results are stored as artifacts the views read.
  const CliResult show = cli({"runs", "show", bush["run_id"].get<std::string>(), "--json"});
  for (const char* name : {"links.csv", "links.geojson", "solution.json", "flow.tntp", "convergence.csv"}) {
    EXPECT_NE(show.out.find(name), std::string::npos) << name;
  }
}

TEST_F(TrafficCli, WhatIfClosingBraessMiddleLinkLowersTstt) {
  const auto j =
      json({"traffic", "whatif", "--net", "builtin:braess", "--edits", "close 3-4", "--gap", "1e-10"});
  EXPECT_NEAR(j["tstt_before"].get<double>(), 552.0, 1e-4);
  EXPECT_NEAR(j["tstt_after"].get<double>(), 498.0, 1e-4);
  EXPECT_NEAR(j["tstt_change"].get<double>(), -54.0, 1e-4);
  const CliResult bad = cli({"traffic", "whatif", "--net", "builtin:braess", "--edits", "close 2-1"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(lines(bad.err), 1) << bad.err;
  EXPECT_NE(bad.err.find("close 2-1"), std::string::npos) << bad.err;
}

TEST_F(TrafficCli, CompareRecordsEachAlgorithmsConvergence) {
  const auto j =
      json({"traffic", "compare", "--net", "builtin:braess", "--algorithms", "fw,bfw,bush", "--gap", "1e-8"});
  for (const char* name : {"fw", "bfw", "bush"}) {
    ASSERT_TRUE(j["algorithms"].contains(name)) << j.dump();
    EXPECT_NEAR(j["algorithms"][name]["tstt"].get<double>(), 552.0, 1e-2);
    EXPECT_TRUE(j["metrics"].contains(std::string(name) + "/relative_gap"));
  }
}

// Last: it exits with the skip code when the reference data is absent.
TEST_F(TrafficCli, SiouxFallsAssignWithSelectLink) {
  const std::string net = routescope::testing::requireSharedData("tntp/SiouxFalls/SiouxFalls_net.tntp");
  const std::string trips = routescope::testing::requireSharedData("tntp/SiouxFalls/SiouxFalls_trips.tntp");
  const auto j =
      json({"traffic", "assign", "--net", net, "--trips", trips, "--gap", "1e-10", "--select-link", "10-15"});
  EXPECT_NEAR(j["tstt"].get<double>(), 7480225.34, 7480225.34 * 1e-6);
  EXPECT_GT(j["select_link"]["od_pairs"].get<int>(), 10);
}
