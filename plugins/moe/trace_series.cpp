#include "plugins/moe/trace_series.h"

#include <algorithm>

#include "backend/moe/trace_store.h"

namespace routescope::plugins::moe {
std::vector<int64_t> traceStepsOf(const RunData& run) {
  std::vector<int64_t> steps;
  for (const auto& info : run.artifacts)
    if (const auto step = routescope::moe::traceStepOf(info.name)) steps.push_back(*step);
  std::sort(steps.begin(), steps.end());
  return steps;
}

bool hasTraces(const RunData& run) {
  return !traceStepsOf(run).empty();
}

std::shared_ptr<TraceSeries> loadTraceSeries(const RunData& run) {
  auto series = std::make_shared<TraceSeries>();
  series->steps = traceStepsOf(run);
  for (size_t i = 0; i < series->steps.size(); ++i) {
    const std::string name = routescope::moe::traceArtifactName(series->steps[i]);
    const auto bytes = run.read_artifact(name);
    auto trace = routescope::moe::readTrace(bytes, run.record.id + "/" + name);
    if (i + 1 < series->steps.size()) {
      trace.gru_state.clear();
      trace.gru_state.shrink_to_fit();
    }
    series->traces.push_back(std::move(trace));
  }
  return series;
}

QString displayPiece(const std::string& piece) {
  if (piece.empty()) return QStringLiteral("∅");
  QString text = QString::fromUtf8(piece.data(), static_cast<qsizetype>(piece.size()));
  text.replace(QLatin1Char(' '), QChar(0x2423));   // ␣
  text.replace(QLatin1Char('\n'), QChar(0x21B5));  // ↵
  text.replace(QLatin1Char('\t'), QChar(0x21E5));  // ⇥
  text.replace(QLatin1Char('\r'), QString());
  return text;
}

}  // namespace routescope::plugins::moe
