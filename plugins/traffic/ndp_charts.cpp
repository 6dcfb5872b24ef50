#include "plugins/traffic/ndp_charts.h"

#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <algorithm>
#include <cmath>
#include <limits>

namespace routescope::plugins::traffic {
namespace {

// The Qt series behind ChartView's index `i` (ChartView adds them in order; these charts have no
// bands or bars that would interleave).
QXYSeries* xy(widgets::ChartView& chart, int i) {
  return qobject_cast<QXYSeries*>(chart.chart()->series().value(i));
}

// A series' colour taken from the chart theme, before any other series exist to shift it.
QColor themeColour(widgets::ChartView& chart, int i) {
  QXYSeries* s = xy(chart, i);
  return s ? s->color() : QColor(Qt::black);
}

}  // namespace

std::unique_ptr<widgets::ChartView> gaConvergenceChart(const QList<GaHistory>& histories) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName(QStringLiteral("ga-convergence"));
  chart->setTitle(QObject::tr("Genetic algorithm: fitness per generation"));
  chart->setAxisTitles(QObject::tr("generation"), QObject::tr("TSTT of the design (fitness)"));
  bool surrogate = false;
  for (const GaHistory& h : histories) {
    // ga-gnn ranks designs by the surrogate: its fitness is a prediction, not a UE solve.
    const bool predicted = h.name.contains(QStringLiteral("gnn"));
    surrogate = surrogate || predicted;
    const QString suffix = predicted ? QObject::tr(" (surrogate)") : QString();
    const int best = chart->addSeries(QObject::tr("%1: best").arg(h.name) + suffix);
    chart->setPoints(best, h.best);
    const QColor colour = themeColour(*chart, best);
    const int mean = chart->addSeries(QObject::tr("%1: population mean").arg(h.name) + suffix);
    chart->setPoints(mean, h.mean);
    // Mean dashed in the colour of its best line, so each search reads as one pair.
    if (QXYSeries* s = xy(*chart, best)) s->setPen(QPen(colour, 2.5));
    if (QXYSeries* s = xy(*chart, mean)) s->setPen(QPen(colour, 1.5, Qt::DashLine));
  }
  if (surrogate)
    chart->setTitle(QObject::tr("Genetic algorithm: fitness per generation (GNN values are predictions)"));
  return chart;
}

QString rSquaredText(double r2) {
  return QStringLiteral("R² = ") + QString::number(r2, 'f', 4);
}

std::unique_ptr<widgets::ChartView> surrogateScatterChart(const ScatterData& data,
                                                          SurrogateQuantity quantity) {
  auto chart = std::make_unique<widgets::ChartView>();
  const bool tstt = quantity == SurrogateQuantity::Tstt;
  chart->setFigureName(tstt ? QStringLiteral("surrogate-scatter") : QStringLiteral("surrogate-flow-scatter"));
  const QString n = QStringLiteral("n = ") + QLocale().toString(qlonglong(data.points.size()));
  chart->setTitle(
      (tstt ? QObject::tr("Surrogate versus user equilibrium: TSTT of validation designs")
            : QObject::tr("Surrogate versus user equilibrium: link flows of validation designs")) +
      QStringLiteral(" (") + n + QStringLiteral(", ") + rSquaredText(data.r2) + QStringLiteral(")"));
  chart->setAxisTitles(
      tstt ? QObject::tr("TSTT by user equilibrium") : QObject::tr("flow by user equilibrium"),
      tstt ? QObject::tr("TSTT predicted by the surrogate") : QObject::tr("flow predicted by the surrogate"));
  QList<QPointF> shown = data.points;
  if (shown.size() > kMaxScatterPoints) {
    // Evenly spread, so every sample and link keeps its share of the cloud.
    shown.clear();
    const double stride = double(data.points.size()) / kMaxScatterPoints;
    for (int i = 0; i < kMaxScatterPoints; ++i) shown << data.points[qsizetype(i * stride)];
  }
  double low = 0.0, high = 1.0;
  if (!data.points.isEmpty()) {
    low = high = data.points.front().x();
    for (const QPointF& p : data.points) {
      low = std::min({low, p.x(), p.y()});
      high = std::max({high, p.x(), p.y()});
    }
  }
  const int diagonal = chart->addSeries(QObject::tr("y = x (perfect prediction)"));
  chart->setPoints(diagonal, {QPointF(low, low), QPointF(high, high)});
  if (QXYSeries* s = xy(*chart, diagonal)) s->setPen(QPen(QColor(90, 90, 90), 1.5, Qt::DashLine));
  const QString name =
      shown.size() == data.points.size()
          ? (tstt ? QObject::tr("validation samples") : QObject::tr("link flows"))
          : QObject::tr("%1 of %2 link flows shown").arg(shown.size()).arg(data.points.size());
  const int points = chart->addSeries(name, widgets::SeriesKind::Scatter);
  chart->setPoints(points, shown);
  if (auto* s = qobject_cast<QScatterSeries*>(xy(*chart, points))) {
    s->setMarkerSize(tstt ? 8.0 : 4.0);
    s->setBorderColor(Qt::transparent);
  }
  return chart;
}

std::unique_ptr<widgets::ChartView> paretoChart(const QList<ParetoPoint>& points) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName(QStringLiteral("pareto-front"));
  chart->setTitle(QObject::tr("Budget versus best TSTT (Pareto front)"));
  chart->setAxisTitles(QObject::tr("budget (% of the total candidate cost)"), QObject::tr("best TSTT found"));
  QList<QPointF> xy_points;
  for (const ParetoPoint& p : points) xy_points << QPointF(100.0 * p.budget_fraction, p.best_tstt);
  std::sort(xy_points.begin(), xy_points.end(),
            [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
  const int series = chart->addSeries(QObject::tr("best design per budget"));
  chart->setPoints(series, xy_points);
  if (auto* line = qobject_cast<QLineSeries*>(xy(*chart, series))) {
    line->setPointsVisible(true);
    line->setMarkerSize(9.0);
    line->setPen(QPen(line->color(), 2.5));
  }
  return chart;
}

std::unique_ptr<widgets::ChartView> gapVsTimeChart(const QList<GapSeries>& series) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName(QStringLiteral("gap-vs-time"));
  chart->setTitle(QObject::tr("Gap to the reference optimum versus wall time"));
  // Methods differ by orders of magnitude in time (a surrogate GA versus enumeration).
  chart->setAxisScales(widgets::AxisScale::Log, widgets::AxisScale::Linear);
  chart->setAxisTitles(QObject::tr("seconds (log scale)"), QObject::tr("gap to the reference TSTT (%)"));
  double first = std::numeric_limits<double>::infinity(), last = 0.0;
  for (const GapSeries& s : series) {
    QList<QPointF> positive;  // a log axis cannot place t = 0
    for (const QPointF& p : s.points)
      if (p.x() > 0.0) positive << p;
    const int index = chart->addSeries(s.method);
    chart->setPoints(index, positive);
    if (auto* line = qobject_cast<QLineSeries*>(xy(*chart, index))) {
      line->setPointsVisible(true);
      line->setMarkerSize(8.0);
      // The surrogate's own view of its incumbent (ga-gnn's "(predicted)" trace) is not a UE value:
      // dashed, apart from the solid lines of solved designs.
      const bool predicted = s.method.contains(QStringLiteral("predicted"));
      line->setPen(QPen(line->color(), 2.5, predicted ? Qt::DashLine : Qt::SolidLine));
    }
    for (const QPointF& p : positive) {
      first = std::min(first, p.x());
      last = std::max(last, p.x());
    }
  }
  // Half decades around the data with a margin: no marker sits cut in half on the plot's edge, and
  // the log axis still labels a power of ten or two.
  auto* axis = qobject_cast<QLogValueAxis*>(chart->chart()->axes(Qt::Horizontal).value(0));
  if (axis && first <= last)
    axis->setRange(std::pow(10.0, std::floor(2.0 * std::log10(first) - 0.1) / 2.0),
                   std::pow(10.0, std::ceil(2.0 * std::log10(last) + 0.1) / 2.0));
  return chart;
}

}  // namespace routescope::plugins::traffic
