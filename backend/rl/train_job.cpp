#include "backend/rl/train_job.h"

#include <cmath>
#include <sstream>

#include "backend/core/checkpoint_artifacts.h"
#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/core/scratch_dir.h"
#include "backend/rl/artifacts.h"
#include "backend/rl/envs/reference_envs.h"
#include "backend/rl/ppo_trainer.h"
#include "backend/system/torch_runtime.h"

namespace routescope::rl {
namespace {

// Keys that may differ between a run and the run it resumes (they do not change the numbers).
bool mayDifferOnResume(const std::string& key) {
  return key == "resume.run" || key == "stop_at_step" || key == "checkpoint_every" ||
         key == "eval_episodes" || key == "preset";
}

void checkResumable(const nlohmann::json& config, const nlohmann::json& earlier, const std::string& run_id) {
  const auto now = config.flatten(), then = earlier.flatten();
  for (const auto& [key, value] : now.items()) {
    const std::string name = key.substr(1);  // "/env" → "env"; nested keys keep their '/'
    std::string dotted = name;
    for (auto& c : dotted) c = c == '/' ? '.' : c;
    if (mayDifferOnResume(dotted)) continue;
    const auto found = then.find(key);
    if (found == then.end() || *found != value) {
      throw core::Error(
          "resume.run " + run_id + ": its " + dotted + " is " +
          (found == then.end() ? std::string("unset") : found->dump()) + ", this run's " + value.dump() +
          " (a resume may change only resume.run, stop_at_step, checkpoint_every and eval_episodes)");
    }
  }
}

EvaluationResult evaluateNow(const PolicyFunction& policy, const EnvironmentFactory& factory, uint64_t seed,
                             int episodes, bool stochastic, core::JobContext& context) {
  EvaluationOptions options;
  options.episodes = episodes;
  options.stochastic = stochastic;
  options.seed = evaluationSeed(seed);
  options.cancelled = [&context] { return context.cancelled(); };
  return evaluatePolicy(factory, policy, options);
}

std::string episodesCsv(const EvaluationResult& result) {
  std::ostringstream csv;
  csv.precision(17);
  csv << "episode,return,length,success\n";
  for (size_t e = 0; e < result.episodes.size(); ++e) {
    const auto& r = result.episodes[e];
    csv << e << ',' << r.episode_return << ',' << r.length << ',' << (r.success ? 1 : 0) << '\n';
  }
  return csv.str();
}

class TrainJob : public core::Job {
 public:
  explicit TrainJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    system::runWithTorchErrors([&] { train(context); });
  }

 private:
  void train(core::JobContext& context) {
    system::prepareTorch(context.seed(), context.threads());
    const std::string env_name = config_["env"].get<std::string>();
    const auto factory = referenceEnvironment(env_name);
    const PpoConfig ppo = ppoConfigFrom(config_);
    uint64_t seed = context.seed();
    const std::string resume_run = core::configValue(config_, "resume.run")->get<std::string>();
    core::ScratchDir scratch("rl-train-" + context.runId());

    std::string resume_path;
    if (!resume_run.empty()) {
      const auto record = context.store().run(resume_run);
      if (record.study != "rl" || record.kind != "train")
        throw core::Error("resume.run " + resume_run + ": not an rl train run");
      checkResumable(config_, record.config, resume_run);
      const auto steps = core::checkpointSteps(context.store(), record.id);
      if (steps.empty()) throw core::Error("resume.run " + resume_run + ": the run has no checkpoint");
      resume_path =
          scratch.write("resume.safetensors",
                        context.store().readArtifact(record.id, core::checkpointArtifactName(steps.back())));
      seed = record.seed;  // the state comes from the checkpoint; the seed names its evaluation episodes
    }
    PpoTrainer trainer(ppo, factory, seed);
    if (!resume_path.empty()) {
      trainer.loadCheckpoint(resume_path);
      context.event("info",
                    "resumed run " + resume_run + " after step " + std::to_string(trainer.globalStep()));
    }

    const auto stop_at = config_["stop_at_step"].get<int64_t>();
    const auto checkpoint_every = config_["checkpoint_every"].get<int64_t>();
    const auto eval_every = config_["eval_every"].get<int64_t>();
    const int eval_episodes = config_["eval_episodes"].get<int>();
    const int64_t updates = ppo.updates();
    auto saveCheckpoint = [&] {
      const auto path = scratch.file("checkpoint.safetensors");
      trainer.saveCheckpoint(path);
      context.artifactFile(core::checkpointArtifactName(trainer.globalStep()), path);
    };
    double recent_return = std::nan("");
    while (!trainer.finished() && !(stop_at > 0 && trainer.globalStep() >= stop_at)) {
      const auto stats = trainer.iterate([&context] { return context.cancelled(); });
      record(context, stats, recent_return);
      const bool last = trainer.finished() || (stop_at > 0 && trainer.globalStep() >= stop_at);
      if (last || (checkpoint_every > 0 && stats.update % checkpoint_every == 0)) saveCheckpoint();
      // The last update's evaluation is the final one below (when training finished).
      const bool final_evaluation = trainer.finished() && eval_episodes > 0;
      if (eval_every > 0 && (stats.update % eval_every == 0 || last) && eval_episodes > 0 &&
          !final_evaluation) {
        const auto eval = evaluateNow(trainer.policy(), factory, seed, eval_episodes, false, context);
        context.metric("eval_return", stats.global_step, eval.mean_return);
      }
      std::ostringstream message;
      message.precision(4);
      message << "update " << stats.update << "/" << updates << ", step " << stats.global_step;
      if (!std::isnan(recent_return)) message << ", episode return " << recent_return;
      context.progress(static_cast<double>(stats.update) / static_cast<double>(updates), message.str());
    }

    nlohmann::json result = {{"env", env_name},
                             {"global_step", trainer.globalStep()},
                             {"updates", trainer.updatesDone()},
                             {"finished", trainer.finished()}};
    if (trainer.finished() && eval_episodes > 0) {
      const auto eval = evaluateNow(trainer.policy(), factory, seed, eval_episodes, false, context);
      if (eval_every > 0) context.metric("eval_return", trainer.globalStep(), eval.mean_return);
      context.artifactText(std::string(kEvaluationEpisodesArtifact), episodesCsv(eval));
      result["eval_mean_return"] = eval.mean_return;
      result["eval_std_return"] = eval.std_return;
      result["eval_success_rate"] = eval.success_rate;
      result["eval_episodes"] = eval_episodes;
    }
    context.result(result);
  }

  static void record(core::JobContext& context, const PpoUpdateStats& stats, double& recent_return) {
    for (const auto& [step, end] : stats.episodes) {
      context.metric("episodic_return", step, end.episode_return);
      context.metric("episodic_length", step, static_cast<double>(end.length));
      recent_return = end.episode_return;
    }
    const int64_t s = stats.global_step;
    context.metric("policy_loss", s, stats.policy_loss);
    context.metric("value_loss", s, stats.value_loss);
    context.metric("entropy", s, stats.entropy);
    context.metric("approx_kl", s, stats.approx_kl);
    context.metric("clip_fraction", s, stats.clip_fraction);
    if (std::isfinite(stats.explained_variance))
      context.metric("explained_variance", s, stats.explained_variance);
    context.metric("learning_rate", s, stats.learning_rate);
    context.metric("epochs", s, stats.epochs);
    context.metric("steps_per_s", s, stats.steps_per_s);
    for (const auto& [key, value] : stats.info) context.metric("info/" + key, s, value);
  }

  nlohmann::json config_;
};

class EvaluateJob : public core::Job {
 public:
  explicit EvaluateJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    system::runWithTorchErrors([&] { evaluate(context); });
  }

 private:
  void evaluate(core::JobContext& context) {
    system::prepareTorch(context.seed(), context.threads());
    const std::string run_id = config_["run"].get<std::string>();
    if (run_id.empty()) throw core::Error("run: name the training run to evaluate (--run ID)");
    const auto record = context.store().run(run_id);
    if (record.study != "rl" || record.kind != "train")
      throw core::Error("run " + run_id + ": not an rl train run");
    const auto steps = core::checkpointSteps(context.store(), record.id);
    if (steps.empty()) throw core::Error("run " + record.id + ": the run has no checkpoint");
    const int64_t step = config_["step"].get<int64_t>();
    int64_t chosen = steps.back();
    if (step > 0) {
      if (std::find(steps.begin(), steps.end(), step) == steps.end()) {
        throw core::Error("step " + std::to_string(step) + ": run " + record.id +
                          " has no checkpoint at that step");
      }
      chosen = step;
    }
    core::ScratchDir scratch("rl-evaluate-" + context.runId());
    const auto path = scratch.write(
        "policy.safetensors", context.store().readArtifact(record.id, core::checkpointArtifactName(chosen)));
    const auto factory = referenceEnvironment(record.config["env"].get<std::string>());
    const auto policy = loadPolicy(ppoConfigFrom(record.config), factory, path);
    const int episodes = config_["episodes"].get<int>();
    const bool stochastic = config_["stochastic"].get<bool>();
    EvaluationOptions options;
    options.episodes = episodes;
    options.stochastic = stochastic;
    options.seed = evaluationSeed(record.seed);
    options.cancelled = [&context] { return context.cancelled(); };
    const auto result = evaluatePolicy(factory, policy, options);
    for (size_t e = 0; e < result.episodes.size(); ++e) {
      context.metric("episode_return", static_cast<int64_t>(e), result.episodes[e].episode_return);
    }
    context.artifactText(std::string(kEvaluationEpisodesArtifact), episodesCsv(result));
    context.result({{"mean_return", result.mean_return},
                    {"std_return", result.std_return},
                    {"episodes", episodes},
                    {"mean_length", result.mean_length},
                    {"success_rate", result.success_rate},
                    {"stochastic", stochastic},
                    {"trained_run", record.id},
                    {"checkpoint_step", chosen}});
  }

  nlohmann::json config_;
};

std::map<std::string, nlohmann::json> trainPresets() {
  std::map<std::string, nlohmann::json> presets;
  for (const auto& env : referenceEnvironmentNames()) {
    auto preset = ppoPreset(referencePpoConfig(env));
    preset["env"] = env;
    presets[env] = preset;
  }
  return presets;
}

}  // namespace

core::JobKind trainJobKind() {
  core::JobKind kind;
  kind.study = "rl";
  kind.kind = "train";
  kind.summary = "Train a PPO agent on a reference environment (CartPole, Pendulum, masked grid)";
  kind.schema.choice("env", "cartpole", referenceEnvironmentNames(), "environment").flag("env");
  kind.schema.text("preset", "", "the preset the config started from");
  addPpoFields(kind.schema, PpoConfig{});
  kind.schema
      .integer("checkpoint_every", 10, 0, 1e9, "save a checkpoint every this many updates (0: only the last)")
      .integer(
          "stop_at_step", 0, 0, 1e12,
          "stop (with a checkpoint) once this many steps are done, keeping total_steps' schedule (0: off)")
      .integer("eval_every", 0, 0, 1e9,
               "deterministic evaluation every this many updates (0: only at the end)")
      .integer("eval_episodes", 20, 0, 100000, "episodes of the final deterministic evaluation (0: none)")
      .text("resume.run", "", "continue this run from its latest checkpoint");
  kind.presets = trainPresets();
  kind.preset_key = "env";
  kind.create = [](const nlohmann::json& config) {
    (void)ppoConfigFrom(config);  // an impossible config is refused before a run is recorded
    return std::make_unique<TrainJob>(config);
  };
  return kind;
}

core::JobKind evaluateJobKind() {
  core::JobKind kind;
  kind.study = "rl";
  kind.kind = "evaluate";
  kind.summary = "Evaluate a trained PPO agent on seeds disjoint from its training";
  kind.schema.text("run", "", "the rl train run").flag("run");
  kind.schema.integer("episodes", 20, 1, 1'000'000, "episodes").flag("episodes");
  kind.schema.boolean("stochastic", false, "sample actions instead of argmax / mean").flag("stochastic");
  kind.schema.integer("step", 0, 0, 1e12, "the checkpoint's step (0: the latest)");
  kind.create = [](const nlohmann::json& config) { return std::make_unique<EvaluateJob>(config); };
  return kind;
}

}  // namespace routescope::rl
