#include "plugins/moe/moe_plugin.h"

#include <nlohmann/json.hpp>

#include "backend/core/job.h"
#include "backend/moe/train_schema.h"
#include "plugins/moe/analysis_figures.h"
#include "plugins/moe/moe_figures.h"
#include "plugins/moe/moe_run_view.h"
#include "plugins/moe/routing_heatmap_view.h"
#include "plugins/moe/run_analysis_cache.h"
#include "plugins/moe/summary_figures.h"
#include "plugins/moe/trace_series.h"

namespace routescope::plugins::moe {
namespace {

bool isTrainRun(const RunData& run) {
  return run.record.study == "moe" && run.record.kind == "train";
}

bool isMoeRun(const RunData& run) {
  return run.record.study == "moe";
}

// Runs that store a JSON document instead of traces (summary_figures.h).
bool isSummaryRun(const RunData& run) {
  return isMoeRun(run) && (run.record.kind == "compare" || run.record.kind == "inspect-checkpoint");
}

const QStringList kTrainingFigures{"training-curves", "bits-per-byte", "drop-rate", "load-entropy"};

// Without a cached analysis the figure list comes from the config: GRU states only for GRU routers.
bool mayHaveGruStates(const RunData& run) {
  const auto& config = run.record.config;
  const auto& model = config.is_object() && config.contains("model") ? config["model"] : nlohmann::json();
  const bool gru = model.is_object() && model.value("router", std::string()) == "gru";
  const bool traced = !(config.is_object() && config.contains("trace") && config["trace"].is_object() &&
                        config["trace"].value("gru_states", std::string("final")) == "none");
  return gru && traced;
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

std::optional<GuidedDemo> MoePlugin::guidedDemo() const {
  // Full probabilities make every heatmap cell meaningful and enable RMoE's binned cross-layer MI;
  // for the demo's 8192 traced tokens they add about 1 MB per checkpoint.
  return GuidedDemo{
      tr("Mixture-of-Experts routing"),
      tr("Trains the small demo language model (a few minutes on two cores), traces its routing at every "
         "checkpoint and walks through the OpenMoE and RMoE findings with the values measured on this run: "
         "specialisation on token identity, early routing learning, drops towards the end of a sequence, "
         "domain experts and cross-layer dependence."),
      {tr("Mixture-of-Experts routing demo"), "train",
       presetOverrides("demo", {QStringLiteral("trace.full_probs=true")})},
      {QStringLiteral("routing-heatmap"), QStringLiteral("specialisation"),
       QStringLiteral("routing-agreement"), QStringLiteral("drop-by-position"),
       QStringLiteral("domain-radar")}};
}

QStringList MoePlugin::figureNames(const RunData& run) const {
  if (!isMoeRun(run)) return {};
  if (isSummaryRun(run)) return summaryFigureNames(run);
  QStringList names;
  if (isTrainRun(run)) names << kTrainingFigures;
  if (!hasTraces(run)) return names;
  names << QStringLiteral("routing-heatmap");
  if (const auto analysis = cachedAnalysis(run)) return names + analysisFigureNames(*analysis);
  for (const QString& name : allAnalysisFigureNames())
    if (name != QLatin1String("gru-states") || mayHaveGruStates(run)) names << name;
  return names;
}

std::unique_ptr<widgets::Figure> MoePlugin::createFigure(const RunData& run, const QString& name) {
  if (!figureNames(run).contains(name)) return nullptr;
  if (isSummaryRun(run)) return createSummaryFigure(run, name);
  try {
    if (name == QLatin1String("routing-heatmap")) {
      auto view = std::make_unique<RoutingHeatmapView>();
      view->setTraces(loadTraceSeries(run));
      return view;
    }
    if (allAnalysisFigureNames().contains(name)) return createAnalysisFigure(analysisOf(run), name);
  } catch (const std::exception&) {
    return nullptr;  // unreadable traces: the figure is not offered
  }
  if (name == "training-curves") return trainingCurvesFigure(run);
  if (name == "bits-per-byte") return bitsPerByteFigure(run);
  if (name == "drop-rate") {
    return perLayerFigure(run, "drop_rate", name, tr("Share of top-k choices dropped (beyond capacity)"),
                          tr("drop rate"));
  }
  return perLayerFigure(run, "load_entropy", name, tr("Entropy of the expert load"), tr("bits"));
}

QWidget* MoePlugin::createRunView(const RunData& run, QWidget* parent) {
  if (!isMoeRun(run)) return StudyPlugin::createRunView(run, parent);
  std::vector<std::unique_ptr<widgets::Figure>> training;
  if (isSummaryRun(run))
    for (const QString& name : summaryFigureNames(run))
      if (auto figure = createSummaryFigure(run, name)) training.push_back(std::move(figure));
  if (isTrainRun(run))
    for (const QString& name : kTrainingFigures)
      if (auto figure = createFigure(run, name)) training.push_back(std::move(figure));
  return new MoeRunView(run, std::move(training), parent);
}

QList<widgets::ReportSection> MoePlugin::reportSections(const RunData& run) {
  QList<widgets::ReportSection> sections;
  if (isTrainRun(run)) sections << trainingSection(run);
  if (isSummaryRun(run))
    if (auto section = summaryReportSection(run)) sections << *section;
  if (isMoeRun(run) && hasTraces(run)) {
    try {
      sections << routingSection(run, analysisOf(run));
    } catch (const std::exception& e) {
      widgets::ReportSection failed;
      failed.heading = tr("Routing analyses");
      failed.paragraphs
          << tr("The routing traces could not be analysed: %1").arg(QString::fromStdString(e.what()));
      sections << failed;
    }
  }
  return sections;
}

widgets::ReportSection MoePlugin::routingSection(const RunData& run, const nlohmann::json& analysis) {
  widgets::ReportSection section;
  section.heading = tr("Routing analyses");
  section.paragraphs
      << tr("The routing of checkpoint %1 on %2 traced tokens, with early routing learning and the "
            "load over all %3 traced checkpoints. Mutual information is corrected by a "
            "shuffled-label baseline.")
             .arg(analysis.value("step", int64_t(0)))
             .arg(analysis.value("tokens", int64_t(0)))
             .arg(traceStepsOf(run).size());
  for (const DemoStep& step : demoStory(analysis)) {
    section.key_values.append(
        {step.appeared ? step.title : tr("%1 (did not appear)").arg(step.title), step.text});
  }
  for (const QString& name : analysisFigureNames(analysis)) {
    auto figure = createAnalysisFigure(analysis, name);
    if (!figure) continue;
    section.figures.append({std::shared_ptr<widgets::Figure>(std::move(figure)),
                            figureTitle(name) + QStringLiteral(": ") + figureExplanation(name),
                            {960, 600}});
  }
  return section;
}

widgets::ReportSection MoePlugin::trainingSection(const RunData& run) {
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
  return section;
}

}  // namespace routescope::plugins::moe
