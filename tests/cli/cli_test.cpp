// End-to-end tests of routescope-cli as a user runs it: exit codes, JSON output, reruns,
// sweeps, bundles and Ctrl-C.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "backend/core/run_store.h"
#include "tests/support/cli_runner.h"

using routescope::testing::CliResult;
using routescope::testing::runCli;
namespace fs = std::filesystem;

namespace {

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string db(const std::string& name = "runs.sqlite") const { return dir_ + "/" + name; }

  // Runs with --db and --quiet; returns the result.
  CliResult cli(std::vector<std::string> args, const std::string& store = "runs.sqlite") {
    args.insert(args.end(), {"--db", db(store), "--quiet"});
    return runCli(args);
  }
  nlohmann::json json(std::vector<std::string> args, const std::string& store = "runs.sqlite") {
    args.push_back("--json");
    const CliResult r = cli(args, store);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  std::string trainRun(uint64_t seed, const std::string& store = "runs.sqlite") {
    return json(
        {"system", "train-check", "--set", "steps=40", "--seed", std::to_string(seed), "--threads", "2"},
        store)["run_id"];
  }
  static int lineCount(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }
  std::string dir_;
};

}  // namespace

TEST_F(CliTest, UsageErrorsExitWith2) {
  EXPECT_EQ(runCli({}).exit_code, 2);
  EXPECT_EQ(cli({"nonsense"}).exit_code, 2);
  EXPECT_EQ(cli({"runs", "show"}).exit_code, 2);
  EXPECT_EQ(cli({"system", "profile", "--threads", "0"}).exit_code, 2);
  EXPECT_EQ(runCli({"--help"}).exit_code, 0);
}

TEST_F(CliTest, ErrorsExitWith1AndOneLineNamingTheCause) {
  const CliResult missing = cli({"runs", "show", "abcdef"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "error: run 'abcdef': no such run in " + db() + "\n");

  const CliResult bad_key = cli({"system", "train-check", "--set", "stepz=3"});
  EXPECT_EQ(bad_key.exit_code, 1);
  EXPECT_EQ(lineCount(bad_key.err), 1) << bad_key.err;
  EXPECT_NE(bad_key.err.find("config key 'stepz': unknown key"), std::string::npos) << bad_key.err;

  const CliResult range = cli({"system", "train-check", "--set", "steps=0"});
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_EQ(range.err, "error: config key 'steps': 0 is below the minimum 1\n");

  const CliResult cuda = cli({"system", "train-check", "--device", "cuda"});
  if (cuda.exit_code != 0) {  // on a GPU machine this simply runs
    EXPECT_EQ(cuda.exit_code, 1);
    EXPECT_NE(cuda.err.find("CUDA is not available"), std::string::npos) << cuda.err;
  }

  std::ofstream(db("corrupt.sqlite")) << std::string(8192, 'x');
  const CliResult corrupt = cli({"runs", "list"}, "corrupt.sqlite");
  EXPECT_EQ(corrupt.exit_code, 1);
  EXPECT_EQ(lineCount(corrupt.err), 1) << corrupt.err;
  EXPECT_NE(corrupt.err.find(db("corrupt.sqlite")), std::string::npos) << corrupt.err;

  const CliResult config = cli({"system", "train-check", "--config", db("missing.json")});
  EXPECT_EQ(config.exit_code, 1);
  EXPECT_EQ(config.err, "error: " + db("missing.json") + ": cannot open config file\n");

  const CliResult exported = cli({"export", "--run", "x", "--figure", "y"});
  EXPECT_EQ(exported.exit_code, 1);
  EXPECT_EQ(lineCount(exported.err), 1);
}

TEST_F(CliTest, ProfilePrintsRunIdAndStoresTheRun) {
  const auto result = json({"system", "profile", "--set", "seconds=0.3", "--set", "shapes=64x64x64,96x96x96",
                            "--set", "max_threads=1", "--seed", "1"});
  EXPECT_EQ(result["status"], "completed");
  const std::string id = result["run_id"];
  EXPECT_EQ(id.size(), 12u);
  EXPECT_GT(result["metrics"]["peak_gflops"]["last"].get<double>(), 0.0);
  const auto shown = json({"runs", "show", id.substr(0, 6)});
  EXPECT_EQ(shown["id"], id);
  EXPECT_EQ(shown["provenance"]["command"],
            "routescope-cli system profile --seed 1 --device auto --threads " +
                std::to_string(shown["provenance"]["threads"].get<int>()) +
                " --set seconds=0.3 --set shapes=64x64x64,96x96x96 --set max_threads=1");
  EXPECT_EQ(shown["artifacts"][0]["name"], "profile.json");
  const auto listed = json({"runs", "list"});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["status"], "completed");
}

TEST_F(CliTest, RerunReproducesASeededRunExactly) {
  const std::string id = trainRun(7);
  const auto rerun = json({"runs", "rerun", id, "--expect-identical"});
  EXPECT_EQ(rerun["original"], id);
  EXPECT_NE(rerun["run_id"], id);
  EXPECT_EQ(rerun["identical"], true);
  EXPECT_EQ(rerun["compared_points"], 40 + 1);  // 40 train losses + 1 validation loss
  EXPECT_EQ(rerun["differing_points"], 0);
  // Under another thread count the sums may round differently, but the run still completes.
  EXPECT_EQ(cli({"runs", "rerun", id, "--threads", "1"}).exit_code, 0);
}

TEST_F(CliTest, ExportMetricsAsCsvAndJson) {
  const std::string id = trainRun(3);
  const CliResult csv = cli({"runs", "export-metrics", id, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(lineCount(csv.out), 1 + 41);
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')), "run_id,name,step,value");
  ASSERT_EQ(cli({"runs", "export-metrics", id, "--format", "json", "--out", db("m.json")}).exit_code, 0);
  std::ifstream in(db("m.json"));
  const auto metrics = nlohmann::json::parse(in);
  EXPECT_EQ(metrics["metrics"]["train_loss"].size(), 40u);
  EXPECT_EQ(cli({"runs", "export-metrics", id, "--format", "xml"}).exit_code, 2);
}

TEST_F(CliTest, BundleRoundTripBetweenStores) {
  const std::string a = trainRun(1, "gpu.sqlite");
  const std::string b = trainRun(2, "gpu.sqlite");
  const std::string bundle = db("two.rsbundle");
  EXPECT_EQ(cli({"runs", "export-bundle", a, b, "--out", bundle}, "gpu.sqlite").exit_code, 0);
  const auto imported = json({"runs", "import-bundle", bundle}, "laptop.sqlite");
  EXPECT_EQ(imported["imported"].size(), 2u);
  const CliResult there = cli({"runs", "export-metrics", a}, "laptop.sqlite");
  const CliResult here = cli({"runs", "export-metrics", a}, "gpu.sqlite");
  EXPECT_EQ(there.out, here.out);
  EXPECT_EQ(json({"runs", "show", b}, "laptop.sqlite")["artifacts"][0]["name"], "model.safetensors");
  EXPECT_EQ(json({"runs", "import-bundle", bundle}, "laptop.sqlite")["skipped"].size(), 2u);
  EXPECT_EQ(cli({"runs", "export-bundle", a, "--out", bundle}, "gpu.sqlite").exit_code, 1);  // exists
}

TEST_F(CliTest, SweepLaunchesTheProductAsOneGroup) {
  const auto sweep = json({"sweep", "system", "train-check", "--set", "steps=5,10", "--set", "hidden=8,16",
                           "--seeds", "1-2", "--threads", "1"});
  ASSERT_EQ(sweep["runs"].size(), 8u);
  const std::string group = sweep["group_id"];
  const auto listed = json({"runs", "list", "--group", group});
  EXPECT_EQ(listed.size(), 8u);
  int with_ten_steps = 0;
  for (const auto& run : listed) {
    EXPECT_EQ(run["status"], "completed");
    with_ten_steps += run["config"]["steps"] == 10;
  }
  EXPECT_EQ(with_ten_steps, 4);
  // A bad value anywhere in the sweep is reported before any run starts.
  const CliResult bad = cli({"sweep", "system", "train-check", "--set", "steps=5,zero", "--seeds", "1"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(json({"runs", "list"}).size(), 8u);
}

TEST_F(CliTest, DeleteRemovesRuns) {
  const std::string id = trainRun(5);
  EXPECT_EQ(cli({"runs", "delete", id}).exit_code, 0);
  EXPECT_EQ(cli({"runs", "show", id}).exit_code, 1);
}

TEST_F(CliTest, CtrlCCancelsTheRunAndExitsWith130) {
  const pid_t pid = routescope::testing::spawnCli(
      {"system", "train-check", "--set", "steps=100000000", "--db", db(), "--json"}, db("out"), db("err"));
  // Wait for the first progress line so the job is really training.
  for (int i = 0; i < 100 && routescope::testing::readFile(db("err")).find("step") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(pid, SIGINT);
  EXPECT_EQ(routescope::testing::waitForExit(pid), 130);
  const auto out = nlohmann::json::parse(routescope::testing::readFile(db("out")));
  EXPECT_EQ(out["status"], "cancelled");
  routescope::core::RunStore store(db());
  EXPECT_EQ(store.run(out["run_id"]).status, routescope::core::RunStatus::Cancelled);
  EXPECT_GT(store.metrics(out["run_id"], "train_loss").size(), 0u);
}
