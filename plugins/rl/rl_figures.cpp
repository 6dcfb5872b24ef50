#include "plugins/rl/rl_figures.h"

#include <QObject>
#include <cmath>
#include <sstream>

#include "backend/core/error.h"
#include "backend/rl/artifacts.h"
#include "backend/stats/learning_curve.h"

namespace routescope::plugins::rl {
namespace {

QString environmentTitle(const RunData& run) {
  const auto& config = run.record.config;
  const std::string env = config.contains("env") ? config["env"].get<std::string>() : "";
  if (env == "cartpole") return QObject::tr("CartPole");
  if (env == "pendulum") return QObject::tr("Pendulum");
  if (env == "masked-grid") return QObject::tr("masked grid");
  return QString::fromStdString(env);
}

QList<QPointF> pointsOf(const RunData& run, const std::string& name) {
  QList<QPointF> points;
  for (const auto& p : run.series(name)) points.append(QPointF(static_cast<double>(p.step), p.value));
  return points;
}

std::unique_ptr<widgets::ChartView> chart(const QString& figure, const QString& title, const QString& y) {
  auto view = std::make_unique<widgets::ChartView>();
  view->setFigureName(figure);
  view->setTitle(title);
  view->setAxisTitles(QObject::tr("environment steps"), y);
  return view;
}

}  // namespace

std::unique_ptr<widgets::ChartView> learningCurveFigure(const RunData& run) {
  auto view = chart("learning-curve", QObject::tr("PPO on %1: episode return").arg(environmentTitle(run)),
                    QObject::tr("episode return"));
  const auto episodes = pointsOf(run, "episodic_return");
  view->setPoints(view->addSeries(QObject::tr("episodes"), widgets::SeriesKind::Scatter), episodes);
  std::vector<double> returns;
  for (const auto& p : episodes) returns.push_back(p.y());
  const auto means = stats::trailingMean(returns, 20);
  QList<QPointF> mean;
  for (qsizetype i = 0; i < episodes.size(); ++i)
    mean.append(QPointF(episodes[i].x(), means[static_cast<size_t>(i)]));
  view->setPoints(view->addSeries(QObject::tr("mean of last 20")), mean);
  if (run.hasMetric("eval_return")) {
    view->setPoints(view->addSeries(QObject::tr("evaluation"), widgets::SeriesKind::Scatter),
                    pointsOf(run, "eval_return"));
  }
  return view;
}

std::unique_ptr<widgets::ChartView> lossesFigure(const RunData& run) {
  auto view = chart("losses", QObject::tr("PPO on %1: losses per update").arg(environmentTitle(run)),
                    QObject::tr("loss (per minibatch, mean)"));
  view->setPoints(view->addSeries(QObject::tr("policy (clipped surrogate)")), pointsOf(run, "policy_loss"));
  view->setPoints(view->addSeries(QObject::tr("value")), pointsOf(run, "value_loss"));
  view->setPoints(view->addSeries(QObject::tr("entropy")), pointsOf(run, "entropy"));
  return view;
}

std::unique_ptr<widgets::ChartView> trustRegionFigure(const RunData& run) {
  auto view =
      chart("trust-region", QObject::tr("PPO on %1: approx. KL and clip fraction").arg(environmentTitle(run)),
            QObject::tr("KL (nats) / share of clipped ratios"));
  view->setPoints(view->addSeries(QObject::tr("approx. KL(old ‖ new)")), pointsOf(run, "approx_kl"));
  view->setPoints(view->addSeries(QObject::tr("clip fraction")), pointsOf(run, "clip_fraction"));
  return view;
}

std::unique_ptr<widgets::ChartView> learningCurveOverSeedsFigure(const RunData& run) {
  const std::string name(routescope::rl::kLearningCurveArtifact);
  const auto bytes = run.read_artifact(name);
  std::istringstream in(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  std::string line;
  std::getline(in, line);
  if (line != "step,runs,estimate,low,high") {
    throw core::Error("run " + run.record.id + ": " + name + " line 1: unexpected header '" + line + "'");
  }
  QList<QPointF> estimate, low, high;
  for (int number = 2; std::getline(in, line); ++number) {
    double step = 0, runs = 0, e = 0, lo = 0, hi = 0;
    char c1 = 0, c2 = 0, c3 = 0, c4 = 0;
    std::istringstream row(line);
    if (!(row >> step >> c1 >> runs >> c2 >> e >> c3 >> lo >> c4 >> hi) || c1 != ',' || c2 != ',' ||
        c3 != ',' || c4 != ',' || !std::isfinite(e) || !std::isfinite(lo) || !std::isfinite(hi)) {
      throw core::Error("run " + run.record.id + ": " + name + " line " + std::to_string(number) +
                        ": malformed row");
    }
    estimate.append(QPointF(step, e));
    low.append(QPointF(step, lo));
    high.append(QPointF(step, hi));
  }
  const auto& config = run.record.config;
  const bool iqm = config.value("aggregate", std::string("iqm")) == "iqm";
  auto view = chart("learning-curve-over-seeds",
                    QObject::tr("PPO: %1 over seeds with a %2 % bootstrap band")
                        .arg(iqm ? QObject::tr("interquartile mean") : QObject::tr("mean"))
                        .arg(config.value("level", 0.95) * 100.0, 0, 'f', 0),
                    QObject::tr("return (mean of last %1 episodes)").arg(config.value("window", 20)));
  const int series = view->addSeries(iqm ? QObject::tr("IQM over runs") : QObject::tr("mean over runs"));
  view->setPoints(series, estimate);
  view->setBand(series, low, high);
  return view;
}

std::unique_ptr<widgets::ChartView> evaluationFigure(const RunData& run) {
  auto view = std::make_unique<widgets::ChartView>();
  view->setFigureName("evaluation-returns");
  view->setTitle(QObject::tr("Evaluation: return per episode"));
  view->setAxisTitles(QObject::tr("episode"), QObject::tr("episode return"));
  QStringList episodes;
  QList<double> returns;
  for (const auto& p : run.series("episode_return")) {
    episodes << QString::number(p.step + 1);
    returns << p.value;
  }
  view->setBars(episodes, {{QObject::tr("return"), returns}});
  return view;
}

}  // namespace routescope::plugins::rl
