#include "plugins/moe/moe_plugin.h"

#include <nlohmann/json.hpp>

#include "backend/core/job.h"
#include "backend/moe/train_schema.h"
#include "plugins/moe/moe_figures.h"

namespace routescope::plugins::moe {
namespace {

bool isTrainRun(const RunData& run) {
  return run.record.study == "moe" && run.record.kind == "train";
}

// A preset of `moe train` as launcher overrides, so the GUI and `--preset` start from the same values.
QStringList presetOverrides(const std::string& preset, const QStringList& extra = {}) {
  QStringList overrides{QStringLiteral("preset=") + QString::fromStdString(preset)};
  const auto presets = routescope::moe::trainPresets();  // kept alive while iterating
  for (const auto& [key, value] : presets.at(preset).items()) {
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    overrides << QString::fromStdString(key + "=" + text);
  }
  return overrides + extra;
}

QString number(const nlohmann::json& value, int decimals) {
  return value.is_number() ? QString::number(value.get<double>(), 'f', decimals) : QString();
}

}  // namespace

QList<JobLauncher> MoePlugin::jobLaunchers() const {
  return {{tr("Train the demo model (OpenMoE linear router)"), "train", presetOverrides("demo")},
          {tr("Train the demo model (RMoE GRU router)"), "train", presetOverrides("demo-gru")},
          {tr("Train the demo model (expert-choice router)"), "train",
           presetOverrides("demo", {QStringLiteral("model.router=expert-choice")})},
          {tr("Build the corpus"), "corpus", {}}};
}

QStringList MoePlugin::figureNames(const RunData& run) const {
  if (!isTrainRun(run)) return {};
  return {"training-curves", "bits-per-byte", "drop-rate", "load-entropy"};
}

std::unique_ptr<widgets::Figure> MoePlugin::createFigure(const RunData& run, const QString& name) {
  if (!figureNames(run).contains(name)) return nullptr;
  if (name == "training-curves") return trainingCurvesFigure(run);
  if (name == "bits-per-byte") return bitsPerByteFigure(run);
  if (name == "drop-rate") {
    return perLayerFigure(run, "drop_rate", name, tr("Share of top-k choices dropped (beyond capacity)"),
                          tr("drop rate"));
  }
  return perLayerFigure(run, "load_entropy", name, tr("Entropy of the expert load"), tr("bits"));
}

QList<widgets::ReportSection> MoePlugin::reportSections(const RunData& run) {
  if (!isTrainRun(run)) return {};
  nlohmann::json result = nlohmann::json::object();
  for (const auto& info : run.artifacts) {
    if (info.name != std::string(core::kResultArtifact)) continue;
    const auto bytes = run.read_artifact(info.name);
    result = nlohmann::json::parse(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  }
  widgets::ReportSection section;
  section.heading = tr("MoE language model");
  const auto& model =
      run.record.config.contains("model") ? run.record.config["model"] : nlohmann::json::object();
  auto text = [](const nlohmann::json& value) {
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
  };
  section.key_values = {
      {tr("router"), text(model.value("router", nlohmann::json("?")))},
      {tr("layers × experts, top-k"), text(model.value("layers", nlohmann::json(0))) + " × " +
                                          text(model.value("experts", nlohmann::json(0))) + ", " +
                                          text(model.value("top_k", nlohmann::json(0)))},
      {tr("parameters"), text(result.value("parameters", nlohmann::json("")))},
      {tr("validation bits per byte"), number(result.value("valid_bpb", nlohmann::json()), 3)},
      {tr("unigram bits per byte"), number(result.value("unigram_bpb", nlohmann::json()), 3)},
      {tr("training tokens per second"), number(result.value("tokens_per_second", nlohmann::json()), 0)}};
  section.paragraphs << tr(
      "Bits per byte divide the validation cross-entropy by the text's size in bytes, so models "
      "with different tokenizers compare directly. The unigram model predicts every token from its "
      "training frequency alone: the language model must beat it by learning context.");
  return {section};
}

}  // namespace routescope::plugins::moe
