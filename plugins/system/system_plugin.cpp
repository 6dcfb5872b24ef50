#include "plugins/system/system_plugin.h"

#include "plugins/system/system_figures.h"

namespace routescope::plugins::system {
namespace {

bool isKind(const RunData& run, const char* kind) {
  return run.record.study == "system" && run.record.kind == kind;
}

}  // namespace

QList<JobLauncher> SystemPlugin::jobLaunchers() const {
  return {{tr("Measure this machine"), "profile", {}}, {tr("Training check"), "train-check", {}}};
}

std::optional<GuidedDemo> SystemPlugin::guidedDemo() const {
  return GuidedDemo{
      tr("How fast is this machine?"),
      tr("Measures how many billion floating-point operations per second LibTorch's matrix "
         "multiply reaches here, for several matrix sizes and thread counts. The best value per "
         "thread count is the peak that the studies divide by to report how well they use the "
         "machine."),
      {tr("Measure this machine"), "profile", {}},
      {"sgemm-by-size", "sgemm-by-threads"}};
}

QStringList SystemPlugin::figureNames(const RunData& run) const {
  if (isKind(run, "profile")) return {"sgemm-by-size", "sgemm-by-threads"};
  if (isKind(run, "train-check")) return {"loss"};
  return {};
}

std::unique_ptr<widgets::Figure> SystemPlugin::createFigure(const RunData& run, const QString& name) {
  if (!figureNames(run).contains(name)) return nullptr;
  if (name == "sgemm-by-size") return sgemmBySizeFigure(run);
  if (name == "sgemm-by-threads") return sgemmByThreadsFigure(run);
  return lossFigure(run);
}

QList<widgets::ReportSection> SystemPlugin::reportSections(const RunData& run) {
  if (!isKind(run, "profile")) return {};
  widgets::ReportSection section;
  section.heading = tr("Machine");
  const auto& p = run.record.provenance;
  auto text = [&](const char* key) {
    return p.contains(key)
               ? QString::fromStdString(p[key].is_string() ? p[key].get<std::string>() : p[key].dump())
               : QString();
  };
  section.key_values = {{tr("CPU"), text("cpu_model")},
                        {tr("BLAS library"), text("blas_library")},
                        {tr("LibTorch"), text("libtorch_version")},
                        {tr("CUDA available"), text("cuda_available")}};
  widgets::ReportTable peaks{tr("Peak sgemm GFLOP/s per thread count"), {tr("threads"), tr("GFLOP/s")}, {}};
  for (const auto& point : run.series("peak_gflops")) {
    peaks.rows.append({QString::number(point.step), QString::number(point.value, 'f', 1)});
  }
  section.tables << peaks;
  section.paragraphs << tr(
      "Studies divide their achieved FLOP/s by this peak to report model FLOP utilisation.");
  return {section};
}

}  // namespace routescope::plugins::system
