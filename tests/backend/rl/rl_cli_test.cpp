// routescope-cli rl train / rl evaluate end to end: the CLI contract (--json run_id; mean_return,
// std_return, episodes), presets chosen by --env, exact resume through the run store, one-line
// errors with an empty stdout.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "backend/core/run_store.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;
using routescope::testing::CliResult;
using routescope::testing::runCli;

namespace {

class RlCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string db() const { return dir_ + "/runs.sqlite"; }
  CliResult cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db(), "--quiet", "--threads", "1"});
    return runCli(args);
  }
  nlohmann::json json(std::vector<std::string> args) {
    args.push_back("--json");
    const CliResult r = cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  std::vector<routescope::core::MetricPoint> metrics(const std::string& run, const std::string& name) {
    routescope::core::RunStore store(db());
    return store.metrics(run, name);
  }
  std::string dir_;
};

TEST_F(RlCli, TrainPrintsRunIdAndEvaluatePrintsTheContractKeys) {
  const auto trained = json({"rl", "train", "--env", "cartpole", "--set", "total_steps=1024", "--seed", "3"});
  ASSERT_TRUE(trained.contains("run_id"));
  EXPECT_EQ(trained["global_step"], 1024);
  EXPECT_TRUE(trained.contains("eval_mean_return"));
  const auto evaluated = json({"rl", "evaluate", "--run", trained["run_id"], "--episodes", "5"});
  for (const char* key : {"mean_return", "std_return", "episodes"})
    EXPECT_TRUE(evaluated.contains(key)) << key;
  EXPECT_EQ(evaluated["episodes"], 5);
  EXPECT_EQ(evaluated["stochastic"], false);
  // Deterministic evaluation on the same seeds gives the same numbers again; stochastic differs in kind.
  const auto again = json({"rl", "evaluate", "--run", trained["run_id"], "--episodes", "5"});
  EXPECT_EQ(again["mean_return"], evaluated["mean_return"]);
  const auto sampled =
      json({"rl", "evaluate", "--run", trained["run_id"], "--episodes", "5", "--stochastic"});
  EXPECT_EQ(sampled["stochastic"], true);
}

#ifdef ROUTESCOPE_HAVE_GUI
TEST_F(RlCli, TrainAndEvaluateRunsExportTheirFigures) {
  const auto trained = json({"rl", "train", "--env", "cartpole", "--set", "total_steps=2048", "--set",
                             "eval_every=2", "--set", "eval_episodes=2"});
  const std::string id = trained["run_id"];
  const auto listed = cli({"figures", "--run", id});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  for (const char* name : {"learning-curve", "losses", "trust-region"}) {
    EXPECT_NE(listed.out.find(name), std::string::npos) << listed.out;
    const std::string out = dir_ + "/" + name + ".png";
    const auto exported = cli({"export", "--run", id, "--figure", name, "--out", out});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_GT(fs::file_size(out), 5000u) << name;
  }
  const auto evaluated = json({"rl", "evaluate", "--run", id, "--episodes", "3"});
  const auto exported = cli({"export", "--run", evaluated["run_id"], "--figure", "evaluation-returns",
                             "--out", dir_ + "/evaluation.svg"});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  const auto report = cli({"report", "--run", id, "--out", dir_ + "/report.html"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(routescope::testing::readFile(dir_ + "/report.html").find("eval_mean_return"), std::string::npos);
}
#endif

// Two seeds → the learning curve over seeds: the estimate lies in its band at every step and
// the CSV has one row per grid step.
TEST_F(RlCli, CompareAggregatesRunsOverSeedsWithABand) {
  std::vector<std::string> ids;
  for (const char* seed : {"1", "2", "3"}) {
    ids.push_back(json(
        {"rl", "train", "--seed", seed, "--set", "total_steps=2048", "--set", "eval_episodes=0"})["run_id"]);
  }
  const auto compared =
      json({"rl", "compare", "--runs", ids[0] + "," + ids[1] + "," + ids[2], "--seed", "1"});
  EXPECT_EQ(compared["runs"].size(), 3u);
  EXPECT_LE(compared["final_low"].get<double>(), compared["final_estimate"].get<double>());
  EXPECT_LE(compared["final_estimate"].get<double>(), compared["final_high"].get<double>());
  routescope::core::RunStore store(db());
  const auto csv = store.readArtifactText(compared["run_id"], "learning_curve.csv");
  // One row per grid step (of 100) at which some run had finished an episode, in its band.
  std::istringstream rows(csv);
  std::string line;
  std::getline(rows, line);
  EXPECT_EQ(line, "step,runs,estimate,low,high");
  int count = 0;
  while (std::getline(rows, line)) {
    double step, runs, estimate, low, high;
    ASSERT_EQ(std::sscanf(line.c_str(), "%lf,%lf,%lf,%lf,%lf", &step, &runs, &estimate, &low, &high), 5)
        << line;
    EXPECT_LE(low, estimate) << line;
    EXPECT_LE(estimate, high) << line;
    ++count;
  }
  EXPECT_GE(count, 90);
  EXPECT_LE(count, 100);
#ifdef ROUTESCOPE_HAVE_GUI
  const auto exported = cli({"export", "--run", compared["run_id"], "--figure", "learning-curve-over-seeds",
                             "--out", dir_ + "/seeds.png"});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
#endif
  const auto one = cli({"rl", "compare", "--runs", ids[0]});
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_NE(one.err.find("at least two"), std::string::npos) << one.err;
}

TEST_F(RlCli, TheEnvironmentChoosesItsPreset) {
  const auto run =
      json({"rl", "train", "--env", "pendulum", "--set", "total_steps=2048", "--set", "eval_episodes=1"});
  routescope::core::RunStore store(db());
  const auto config = store.run(run["run_id"]).config;
  EXPECT_EQ(config["preset"], "pendulum");
  EXPECT_EQ(config["learning_rate"], 1e-3);
  EXPECT_EQ(config["rollout"], 512);
  EXPECT_EQ(config["normalize_observations"], true);
}

// stop_at_step keeps total_steps' schedule; resuming continues to the same numbers as a run that
// was never interrupted.
TEST_F(RlCli, ResumeContinuesToTheSameNumbersAsAnUninterruptedRun) {
  const std::vector<std::string> base{
      "rl",    "train",          "--env", "cartpole", "--seed", "5", "--set", "total_steps=3072",
      "--set", "eval_episodes=2"};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return json(args);
  };
  const auto whole = with({});
  const auto first = with({"--set", "stop_at_step=1536"});
  EXPECT_EQ(first["global_step"], 1536);
  EXPECT_EQ(first["finished"], false);
  const auto rest = with({"--set", "resume.run=" + first["run_id"].get<std::string>()});
  EXPECT_EQ(rest["global_step"], 3072);
  EXPECT_EQ(rest["eval_mean_return"], whole["eval_mean_return"]);
  for (const char* name : {"policy_loss", "value_loss", "approx_kl", "episodic_return"}) {
    auto expected = metrics(whole["run_id"], name);
    std::erase_if(expected, [](const auto& p) { return p.step <= 1536; });
    const auto got = metrics(rest["run_id"], name);
    ASSERT_EQ(got.size(), expected.size()) << name;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].step, expected[i].step) << name;
      EXPECT_EQ(got[i].value, expected[i].value) << name << " at step " << got[i].step;
    }
  }
  // A resume that changes a learning setting is refused, naming the key.
  const auto changed = cli({"rl", "train", "--set", "total_steps=3072", "--set", "learning_rate=0.01",
                            "--set", "resume.run=" + first["run_id"].get<std::string>()});
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.err.find("learning_rate"), std::string::npos) << changed.err;
}

TEST_F(RlCli, BadInputGetsOneLineOnStderrAndAnEmptyStdout) {
  const auto indivisible = cli({"rl", "train", "--set", "minibatches=3"});
  EXPECT_EQ(indivisible.exit_code, 1);
  EXPECT_TRUE(indivisible.out.empty()) << indivisible.out;
  EXPECT_NE(indivisible.err.find("minibatches 3 does not divide"), std::string::npos) << indivisible.err;
  EXPECT_EQ(std::count(indivisible.err.begin(), indivisible.err.end(), '\n'), 1) << indivisible.err;
  EXPECT_TRUE(routescope::core::RunStore(db()).listRuns().empty()) << "a refused config left a run behind";
  const auto unknown = cli({"rl", "train", "--env", "mountaincar"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_TRUE(unknown.out.empty());
  EXPECT_NE(unknown.err.find("mountaincar"), std::string::npos) << unknown.err;
  const auto missing = cli({"rl", "evaluate", "--run", "nosuchrun"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(missing.out.empty());
  EXPECT_NE(missing.err.find("nosuchrun"), std::string::npos) << missing.err;
}

}  // namespace
