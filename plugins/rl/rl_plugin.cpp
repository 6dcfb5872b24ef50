#include "plugins/rl/rl_plugin.h"

#include "plugins/rl/rl_figures.h"

namespace routescope::plugins::rl {
namespace {

bool isKind(const RunData& run, const char* kind) {
  return run.record.study == "rl" && run.record.kind == kind;
}

}  // namespace

// Each environment's preset applies by itself (the train job's preset follows `env`).
QList<JobLauncher> RlPlugin::jobLaunchers() const {
  return {{tr("PPO on CartPole"), "train", {"env=cartpole"}},
          {tr("PPO on Pendulum"), "train", {"env=pendulum"}},
          {tr("PPO on the masked grid"), "train", {"env=masked-grid"}}};
}

std::optional<GuidedDemo> RlPlugin::guidedDemo() const {
  return GuidedDemo{
      tr("PPO balances a pole"),
      tr("Trains a PPO agent on CartPole for 100,000 steps (a few seconds): at first the pole falls "
         "within a few dozen steps; by the end the deterministic policy keeps it up for hundreds "
         "of steps, up to the episode limit of 500, on evaluation seeds it never trained on."),
      {tr("PPO on CartPole"), "train", {"env=cartpole"}},
      {"learning-curve", "trust-region"}};
}

QStringList RlPlugin::figureNames(const RunData& run) const {
  if (isKind(run, "train")) return {"learning-curve", "losses", "trust-region"};
  if (isKind(run, "evaluate")) return {"evaluation-returns"};
  if (isKind(run, "compare")) return {"learning-curve-over-seeds"};
  return {};
}

std::unique_ptr<widgets::Figure> RlPlugin::createFigure(const RunData& run, const QString& name) {
  if (!figureNames(run).contains(name)) return nullptr;
  if (name == "learning-curve") return learningCurveFigure(run);
  if (name == "losses") return lossesFigure(run);
  if (name == "trust-region") return trustRegionFigure(run);
  if (name == "learning-curve-over-seeds") return learningCurveOverSeedsFigure(run);
  return evaluationFigure(run);
}

QList<widgets::ReportSection> RlPlugin::reportSections(const RunData& run) {
  if (run.record.study != "rl") return {};
  widgets::ReportSection section;
  section.heading = isKind(run, "train")     ? tr("PPO training")
                    : isKind(run, "compare") ? tr("Learning curve over seeds")
                                             : tr("Evaluation");
  std::vector<std::byte> bytes;
  try {
    bytes = run.read_artifact("result.json");
  } catch (const std::exception&) {
    return {};
  }
  const auto result = nlohmann::json::parse(
      std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()), nullptr, false);
  if (result.is_discarded()) return {};
  for (const auto& [key, value] : result.items()) {
    section.key_values.append(
        {QString::fromStdString(key),
         QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump())});
  }
  if (isKind(run, "compare")) {
    section.paragraphs << tr(
        "Each run's episode returns are averaged over a window, aligned on a common step "
        "grid and aggregated over runs; the band is a bootstrap interval over runs.");
  } else {
    section.paragraphs << tr(
        "Evaluation episodes use seeds disjoint from training and deterministic actions "
        "(argmax or the Gaussian mean) unless the run says stochastic.");
  }
  return {section};
}

}  // namespace routescope::plugins::rl
