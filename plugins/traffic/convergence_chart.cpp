#include "plugins/traffic/convergence_chart.h"

namespace routescope::plugins::traffic {

std::unique_ptr<widgets::ChartView> convergenceChart(const QList<ConvergenceSeries>& series,
                                                     ConvergenceAxis axis) {
  auto chart = std::make_unique<widgets::ChartView>();
  const bool by_seconds = axis == ConvergenceAxis::Seconds;
  chart->setFigureName(by_seconds ? QStringLiteral("convergence-time") : QStringLiteral("convergence"));
  chart->setTitle(by_seconds ? QObject::tr("Relative gap versus time")
                             : QObject::tr("Relative gap versus iteration"));
  chart->setAxisScales(widgets::AxisScale::Linear, widgets::AxisScale::Log);
  chart->setAxisTitles(by_seconds ? QObject::tr("seconds") : QObject::tr("iteration"),
                       QObject::tr("relative gap (TSTT − SPTT) / TSTT"));
  for (const ConvergenceSeries& s : series) {
    const int index = chart->addSeries(s.name);
    chart->setPoints(index, by_seconds ? s.by_seconds : s.by_iteration);
  }
  return chart;
}

}  // namespace routescope::plugins::traffic
