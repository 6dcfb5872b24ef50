// The moe train and trace jobs end to end on a small user-folder corpus with the byte tokenizer:
// validation loss falls, resuming gives the identical losses of an uninterrupted run, traces of
// every checkpoint are stored and readable, and bad configs fail with one line.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "backend/core/job_runner.h"
#include "backend/core/run_store.h"
#include "backend/core/study_registry.h"
#include "backend/moe/register.h"
#include "backend/moe/trace_store.h"
#include "tests/support/cli_runner.h"

namespace rc = routescope::core;
namespace rm = routescope::moe;

namespace {

// 40 files of patterned English-like text: learnable, and enough files for three splits.
std::string writeCorpusFolder() {
  const auto dir = routescope::testing::makeTempDir() + "/texts";
  std::filesystem::create_directories(dir);
  const char* subjects[] = {"the cat", "a dog", "the router", "an expert", "the model"};
  const char* verbs[] = {"sees", "likes", "routes", "sends", "keeps"};
  const char* objects[] = {"the token.", "a sequence.", "the layer.", "an answer.", "the text."};
  for (int f = 0; f < 40; ++f) {
    std::ofstream out(dir + "/doc" + std::to_string(f) + ".txt");
    for (int line = 0; line < 60; ++line) {
      const int i = (f * 7 + line * 3) % 5, j = (f + line) % 5, k = (f * 3 + line * 2) % 5;
      out << subjects[i] << " " << verbs[j] << " " << objects[k] << "\n";
    }
  }
  return dir;
}

class TrainJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rm::registerMoeJobs(registry_);
    store_ = std::make_unique<rc::RunStore>(routescope::testing::makeTempDir() + "/runs.sqlite");
    folder_ = writeCorpusFolder();
  }

  nlohmann::json config(const std::string& kind, std::vector<std::string> overrides, bool tiny = true) {
    const auto& job_kind = registry_.get("moe", kind);
    nlohmann::json user = nlohmann::json::object();
    if (tiny) {
      for (const auto& [key, value] : job_kind.presets.at("tiny").items())
        rc::setConfigValue(user, key, value);
      overrides.push_back("corpus.domains=");
      overrides.push_back("corpus.extra_folders=toy=" + folder_);
    }
    return job_kind.schema.resolve(user, overrides);
  }

  rc::RunOutcome run(const std::string& kind, const nlohmann::json& config, uint64_t seed = 5,
                     rc::JobObserver* observer = nullptr, rc::CancelToken* cancel = nullptr) {
    const auto& job_kind = registry_.get("moe", kind);
    auto job = job_kind.create(config);
    rc::RunRequest request;
    request.study = "moe";
    request.kind = kind;
    request.settings = {config, seed, "cpu", 1};
    rc::CancelToken own;
    return rc::runJob(*store_, *job, request, cancel ? *cancel : own, observer);
  }

  std::map<int64_t, double> series(const std::string& run_id, const std::string& name) {
    std::map<int64_t, double> values;
    for (const auto& p : store_->metrics(run_id, name)) values[p.step] = p.value;
    return values;
  }

  rc::StudyRegistry registry_;
  std::unique_ptr<rc::RunStore> store_;
  std::string folder_;
};

}  // namespace

TEST_F(TrainJobTest, ValidationLossFallsAndEveryCheckpointIsTraced) {
  const auto outcome =
      run("train", config("train", {"train.steps=80", "train.eval_every=40", "checkpoint.every=40"}));
  ASSERT_EQ(outcome.status, rc::RunStatus::Completed) << outcome.error;
  const auto valid = series(outcome.run_id, "valid_loss");
  ASSERT_EQ(valid.size(), 2u);
  const double unigram_bpb = series(outcome.run_id, "unigram_bpb").at(0);
  const double bpb = series(outcome.run_id, "valid_bpb").at(80);
  // The patterned text is far more predictable than its unigram statistics.
  EXPECT_LT(bpb, 0.8 * unigram_bpb) << "valid bpb " << bpb << ", unigram " << unigram_bpb;
  EXPECT_LT(valid.at(80), valid.at(40));
  EXPECT_EQ(rm::traceSteps(*store_, outcome.run_id), (std::vector<int64_t>{40, 80}));
  const auto trace = rm::loadTrace(*store_, outcome.run_id, 80);
  EXPECT_EQ(trace.layers, 2);
  EXPECT_EQ(trace.experts, 4);
  EXPECT_EQ(trace.top_k, 2);
  EXPECT_GT(trace.tokenCount(), 0);
  EXPECT_EQ(static_cast<int64_t>(trace.expert_ids.size()), trace.tokenCount() * 2 * 2);
  EXPECT_EQ(trace.dropped.size(), trace.expert_ids.size());
  EXPECT_EQ(trace.sequences.front().domain, "toy");
}

TEST_F(TrainJobTest, ResumingGivesTheLossesOfAnUninterruptedRun) {
  // A constant learning rate makes the schedule independent of train.steps.
  const std::vector<std::string> constant = {"train.warmup=0",      "train.min_lr_ratio=1",
                                             "train.log_every=1",   "trace.tokens=0",
                                             "checkpoint.every=10", "train.eval_every=100"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.end(), constant.begin(), constant.end());
    return extra;
  };
  const auto whole = run("train", config("train", with({"train.steps=14"})));
  ASSERT_EQ(whole.status, rc::RunStatus::Completed) << whole.error;
  const auto first = run("train", config("train", with({"train.steps=10"})));
  ASSERT_EQ(first.status, rc::RunStatus::Completed) << first.error;
  const auto resumed = run("train", config("train", with({"train.steps=14", "resume.run=" + first.run_id})));
  ASSERT_EQ(resumed.status, rc::RunStatus::Completed) << resumed.error;
  const auto expected = series(whole.run_id, "loss");
  const auto actual = series(resumed.run_id, "loss");
  ASSERT_EQ(actual.begin()->first, 11);
  for (int64_t step = 11; step <= 14; ++step)
    EXPECT_EQ(actual.at(step), expected.at(step)) << "step " << step;
}

TEST_F(TrainJobTest, TraceJobTracesEveryCheckpointOfARun) {
  const auto trained =
      run("train",
          config("train", {"train.steps=20", "checkpoint.every=10", "trace.tokens=0", "model.router=gru"}));
  ASSERT_EQ(trained.status, rc::RunStatus::Completed) << trained.error;
  EXPECT_TRUE(rm::traceSteps(*store_, trained.run_id).empty());
  const auto traced = run(
      "trace",
      config("trace", {"run=" + trained.run_id, "text=the cat sees the token.", "gru_states=true"}, false));
  ASSERT_EQ(traced.status, rc::RunStatus::Completed) << traced.error;
  EXPECT_EQ(rm::traceSteps(*store_, traced.run_id), (std::vector<int64_t>{10, 20}));
  const auto trace = rm::loadTrace(*store_, traced.run_id, 20);
  EXPECT_EQ(trace.sequences.front().domain, "pasted");
  EXPECT_EQ(trace.tokenCount(), static_cast<int64_t>(std::string("the cat sees the token.").size()));
  EXPECT_EQ(static_cast<int64_t>(trace.gru_state.size()), trace.tokenCount() * 2 * 16);
  EXPECT_EQ(static_cast<int64_t>(trace.update_gate_mean.size()), trace.tokenCount() * 2);
}

TEST_F(TrainJobTest, ImpossibleConfigsFailWithOneLine) {
  for (const auto& bad : std::vector<std::vector<std::string>>{
           {"model.heads=3"}, {"model.top_k=8"}, {"model.moe_every=5"}, {"checkpoint.steps=ten"}}) {
    const auto outcome = run("train", config("train", bad));
    EXPECT_EQ(outcome.status, rc::RunStatus::Failed) << bad.front();
    EXPECT_EQ(outcome.error.find('\n'), std::string::npos) << outcome.error;
    const auto key = bad.front().substr(0, bad.front().find('='));
    EXPECT_NE(outcome.error.find(key), std::string::npos) << outcome.error;
  }
}

// Cancels the run from the job's progress callback at the first training step it reports.
class CancelAtFirstStep : public rc::JobObserver {
 public:
  explicit CancelAtFirstStep(rc::CancelToken& token) : token_(token) {}
  void onProgress(const rc::ProgressUpdate& update) override {
    if (step_ > 0 || update.message.rfind("step ", 0) != 0) return;
    step_ = std::stoll(update.message.substr(5));
    token_.cancel();
    cancelled_at_ = std::chrono::steady_clock::now();
  }
  int64_t step_ = 0;
  std::chrono::steady_clock::time_point cancelled_at_;

 private:
  rc::CancelToken& token_;
};

TEST_F(TrainJobTest, CancelStopsWithinAStepAndKeepsTheRunCancelled) {
  rc::CancelToken cancel;
  CancelAtFirstStep observer(cancel);
  const auto outcome =
      run("train", config("train", {"train.steps=100000", "train.log_every=1"}), 5, &observer, &cancel);
  const auto stopped = std::chrono::steady_clock::now();
  EXPECT_EQ(outcome.status, rc::RunStatus::Cancelled) << outcome.error;
  ASSERT_GT(observer.step_, 0);
  EXPECT_LT(std::chrono::duration<double>(stopped - observer.cancelled_at_).count(), 1.0);
  // The step under way finishes and nothing after it runs; its metrics are kept.
  EXPECT_EQ(series(outcome.run_id, "loss").rbegin()->first, observer.step_);
}
