#include "plugins/system/system_figures.h"

#include <QObject>
#include <algorithm>
#include <map>

namespace routescope::plugins::system {
namespace {

constexpr const char* kSgemmPrefix = "sgemm_gflops.";

// shape -> (threads -> GFLOP/s), shapes ordered by their work (m·k·n).
std::vector<std::pair<std::string, std::map<int64_t, double>>> sgemmTable(const RunData& run) {
  std::vector<std::pair<std::string, std::map<int64_t, double>>> table;
  for (const auto& [name, points] : run.metrics) {
    if (name.rfind(kSgemmPrefix, 0) != 0) continue;
    std::map<int64_t, double> by_threads;
    for (const auto& p : points) by_threads[p.step] = p.value;
    table.emplace_back(name.substr(std::string(kSgemmPrefix).size()), by_threads);
  }
  auto work = [](const std::string& shape) {
    double product = 1;
    size_t start = 0;
    while (start < shape.size()) {
      const size_t x = shape.find('x', start);
      product *= std::stod(shape.substr(start, x == std::string::npos ? std::string::npos : x - start));
      if (x == std::string::npos) break;
      start = x + 1;
    }
    return product;
  };
  std::sort(table.begin(), table.end(),
            [&](const auto& a, const auto& b) { return work(a.first) < work(b.first); });
  return table;
}

}  // namespace

std::unique_ptr<widgets::ChartView> sgemmBySizeFigure(const RunData& run) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName("sgemm-by-size");
  chart->setTitle(QObject::tr("LibTorch sgemm throughput by matrix size"));
  chart->setAxisTitles(QObject::tr("matrix shape M×K×N"), QObject::tr("GFLOP/s"));
  const auto table = sgemmTable(run);
  QStringList shapes;
  std::map<int64_t, QList<double>> by_threads;
  for (const auto& [shape, values] : table) {
    shapes << QString::fromStdString(shape);
    for (const auto& [threads, gflops] : values) by_threads[threads];
  }
  for (auto& [threads, list] : by_threads) {
    for (const auto& [shape, values] : table) {
      const auto it = values.find(threads);
      list << (it == values.end() ? 0.0 : it->second);
    }
  }
  QList<QPair<QString, QList<double>>> sets;
  for (const auto& [threads, list] : by_threads)
    sets.append({QObject::tr("%n thread(s)", "", int(threads)), list});
  chart->setBars(shapes, sets);
  return chart;
}

std::unique_ptr<widgets::ChartView> sgemmByThreadsFigure(const RunData& run) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName("sgemm-by-threads");
  chart->setTitle(QObject::tr("LibTorch sgemm throughput by thread count"));
  chart->setAxisTitles(QObject::tr("threads"), QObject::tr("GFLOP/s"));
  for (const auto& [shape, values] : sgemmTable(run)) {
    const int series = chart->addSeries(QString::fromStdString(shape));
    QList<QPointF> points;
    for (const auto& [threads, gflops] : values) points.append(QPointF(static_cast<double>(threads), gflops));
    chart->setPoints(series, points);
  }
  const int peak = chart->addSeries(QObject::tr("peak"), widgets::SeriesKind::Scatter);
  QList<QPointF> points;
  for (const auto& p : run.series("peak_gflops"))
    points.append(QPointF(static_cast<double>(p.step), p.value));
  chart->setPoints(peak, points);
  return chart;
}

std::unique_ptr<widgets::ChartView> lossFigure(const RunData& run) {
  auto chart = std::make_unique<widgets::ChartView>();
  chart->setFigureName("loss");
  chart->setTitle(QObject::tr("Training check: mean squared error"));
  chart->setAxisScales(widgets::AxisScale::Linear, widgets::AxisScale::Log);
  chart->setAxisTitles(QObject::tr("step"), QObject::tr("loss"));
  for (const char* name : {"train_loss", "valid_loss"}) {
    const int series = chart->addSeries(QString::fromLatin1(name));
    QList<QPointF> points;
    for (const auto& p : run.series(name)) points.append(QPointF(static_cast<double>(p.step), p.value));
    chart->setPoints(series, points);
  }
  return chart;
}

}  // namespace routescope::plugins::system
