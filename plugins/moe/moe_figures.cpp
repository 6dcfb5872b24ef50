#include "plugins/moe/moe_figures.h"

#include <QObject>

namespace routescope::plugins::moe {
namespace {

QList<QPointF> points(const RunData& run, const std::string& name) {
  QList<QPointF> out;
  for (const auto& p : run.series(name)) out.append(QPointF(static_cast<double>(p.step), p.value));
  return out;
}

}  // namespace

std::unique_ptr<widgets::ChartView> trainingCurvesFigure(const RunData& run) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName("training-curves");
  chart->setTitle(QObject::tr("Training and validation loss"));
  chart->setAxisTitles(QObject::tr("step"), QObject::tr("cross-entropy (nats per token)"));
  chart->setPoints(chart->addSeries(QObject::tr("training loss")), points(run, "loss"));
  chart->setPoints(chart->addSeries(QObject::tr("validation loss")), points(run, "valid_loss"));
  return chart;
}

std::unique_ptr<widgets::ChartView> bitsPerByteFigure(const RunData& run) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName("bits-per-byte");
  chart->setTitle(QObject::tr("Validation bits per byte against a unigram model of the same tokens"));
  chart->setAxisTitles(QObject::tr("step"), QObject::tr("bits per byte"));
  const auto model = points(run, "valid_bpb");
  chart->setPoints(chart->addSeries(QObject::tr("model")), model);
  // The unigram baseline is one number; drawn as a line across the steps the model was validated.
  const auto& unigram = run.series("unigram_bpb");
  if (!unigram.empty() && !model.isEmpty()) {
    chart->setPoints(chart->addSeries(QObject::tr("unigram model")),
                     {QPointF(0, unigram.front().value), QPointF(model.back().x(), unigram.front().value)});
  }
  return chart;
}

std::unique_ptr<widgets::ChartView> perLayerFigure(const RunData& run, const char* prefix,
                                                   const QString& figure_name, const QString& title,
                                                   const QString& y_title) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName(figure_name);
  chart->setTitle(title);
  chart->setAxisTitles(QObject::tr("step"), y_title);
  const std::string start = std::string(prefix) + ".layer";
  for (int layer = 0;; ++layer) {
    const std::string name = start + std::to_string(layer);
    if (!run.hasMetric(name)) break;
    chart->setPoints(chart->addSeries(QObject::tr("MoE layer %1").arg(layer)), points(run, name));
  }
  return chart;
}

}  // namespace routescope::plugins::moe
