#include "widgets/charts/chart_view.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>
#include <cmath>
#include <limits>

#include "widgets/charts/chart_figure.h"

namespace routescope::widgets {
namespace {

constexpr int kFlushIntervalMs = 33;

QAbstractAxis* makeAxis(AxisScale scale, const QString& title) {
  QAbstractAxis* axis = nullptr;
  if (scale == AxisScale::Log) {
    auto* log = new QLogValueAxis;
    log->setBase(10);
    log->setLabelFormat("%g");
    log->setMinorTickCount(-1);
    axis = log;
  } else {
    auto* linear = new QValueAxis;
    linear->setLabelFormat("%g");
    axis = linear;
  }
  axis->setTitleText(title);
  return axis;
}

void setRange(QAbstractAxis* axis, double low, double high) {
  if (!(low <= high)) return;  // no data (or NaN)
  if (low == high) {
    const double pad = low == 0 ? 1 : std::abs(low) * 0.05;
    low -= pad;
    high += pad;
  }
  axis->setRange(low, high);
  // Round tick positions (0, 0.5, 1) instead of data extremes such as 4.99729e-09; but rounding
  // must not push non-negative data (losses, throughputs, counts) below zero.
  if (auto* linear = qobject_cast<QValueAxis*>(axis)) {
    linear->applyNiceNumbers();
    if (low >= 0 && linear->min() < 0) linear->setMin(0);
  }
}

}  // namespace

ChartView::ChartView(QWidget* parent) : QChartView(parent), chart_(new QChart) {
  setChart(chart_);
  setRenderHint(QPainter::Antialiasing);
  chart_->legend()->setAlignment(Qt::AlignBottom);
  flush_timer_.setInterval(kFlushIntervalMs);
  connect(&flush_timer_, &QTimer::timeout, this, &ChartView::flush);
  rebuildAxes();
}

ChartView::~ChartView() = default;

void ChartView::setTitle(const QString& title) {
  chart_->setTitle(title);
}

void ChartView::setAxisTitles(const QString& x, const QString& y) {
  x_title_ = x;
  y_title_ = y;
  if (x_axis_) x_axis_->setTitleText(x);
  if (y_axis_) y_axis_->setTitleText(y);
}

void ChartView::setAxisScales(AxisScale x, AxisScale y) {
  x_scale_ = x;
  y_scale_ = y;
  rebuildAxes();
}

void ChartView::attach(QAbstractSeries* series) {
  chart_->addSeries(series);
  if (x_axis_) series->attachAxis(x_axis_);
  if (y_axis_) series->attachAxis(y_axis_);
}

void ChartView::rebuildAxes() {
  for (QAbstractAxis* axis : chart_->axes()) {
    chart_->removeAxis(axis);
    delete axis;
  }
  if (bars_) {
    auto* categories = new QBarCategoryAxis;
    categories->append(bar_categories_);
    categories->setTitleText(x_title_);
    x_axis_ = categories;
  } else {
    x_axis_ = makeAxis(x_scale_, x_title_);
  }
  y_axis_ = makeAxis(y_scale_, y_title_);
  chart_->addAxis(x_axis_, Qt::AlignBottom);
  chart_->addAxis(y_axis_, Qt::AlignLeft);
  for (QAbstractSeries* series : chart_->series()) {
    series->attachAxis(x_axis_);
    series->attachAxis(y_axis_);
  }
  fitAxes();
}

int ChartView::addSeries(const QString& name, SeriesKind kind) {
  QXYSeries* series = nullptr;
  if (kind == SeriesKind::Scatter) {
    auto* scatter = new QScatterSeries;
    scatter->setMarkerSize(7);
    series = scatter;
  } else {
    series = new QLineSeries;
  }
  series->setName(name);
  attach(series);
  series_.push_back({series, nullptr, {}});
  return static_cast<int>(series_.size()) - 1;
}

void ChartView::setPoints(int index, const QList<QPointF>& points) {
  Series& s = series_.at(static_cast<size_t>(index));
  s.pending.clear();
  s.xy->replace(points);
  fitAxes();
}

void ChartView::append(int index, double x, double y) {
  series_.at(static_cast<size_t>(index)).pending.append(QPointF(x, y));
  if (!flush_timer_.isActive()) flush_timer_.start();
}

void ChartView::flush() {
  flush_timer_.stop();
  bool changed = false;
  for (Series& s : series_) {
    if (s.pending.isEmpty()) continue;
    // replace() emits one pointsReplaced signal; append(list) re-lays out the series per point
    // (quadratic for large batches on Qt 6.4).
    s.xy->replace(s.xy->points() + s.pending);
    s.pending.clear();
    changed = true;
  }
  if (changed) fitAxes();
}

void ChartView::setBand(int index, const QList<QPointF>& lower, const QList<QPointF>& upper) {
  Series& s = series_.at(static_cast<size_t>(index));
  if (s.band) {
    chart_->removeSeries(s.band);
    delete s.band;
  }
  auto* low = new QLineSeries(this);
  auto* high = new QLineSeries(this);
  low->replace(lower);
  high->replace(upper);
  s.band = new QAreaSeries(high, low);
  s.band->setName(s.xy->name() + tr(" (band)"));
  QColor fill = s.xy->color();
  fill.setAlpha(60);
  s.band->setBrush(fill);
  s.band->setPen(Qt::NoPen);
  attach(s.band);
  chart_->legend()->markers(s.band).value(0)->setVisible(false);
  fitAxes();
}

void ChartView::setBars(const QStringList& categories, const QList<QPair<QString, QList<double>>>& sets) {
  if (bars_) {
    chart_->removeSeries(bars_);
    delete bars_;
  }
  bars_ = new QBarSeries;
  for (const auto& [name, values] : sets) {
    auto* set = new QBarSet(name);
    for (double v : values) set->append(v);
    bars_->append(set);
  }
  bar_categories_ = categories;
  chart_->addSeries(bars_);
  rebuildAxes();
}

int ChartView::pointCount(int index) const {
  const Series& s = series_.at(static_cast<size_t>(index));
  return static_cast<int>(s.xy->count() + s.pending.size());
}

void ChartView::fitAxes() {
  const bool log_x = x_scale_ == AxisScale::Log;
  const bool log_y = y_scale_ == AxisScale::Log;
  double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
  auto include = [&](const QPointF& p) {
    if (!std::isfinite(p.x()) || !std::isfinite(p.y())) return;
    if ((log_x && p.x() <= 0) || (log_y && p.y() <= 0)) return;
    x0 = std::min(x0, p.x());
    x1 = std::max(x1, p.x());
    y0 = std::min(y0, p.y());
    y1 = std::max(y1, p.y());
  };
  for (const Series& s : series_) {
    for (const QPointF& p : s.xy->points()) include(p);
    if (s.band) {
      for (const QPointF& p : s.band->upperSeries()->points()) include(p);
      for (const QPointF& p : s.band->lowerSeries()->points()) include(p);
    }
  }
  if (bars_) {
    for (QBarSet* set : bars_->barSets()) {
      for (int i = 0; i < set->count(); ++i) include(QPointF(i, set->at(i)));
    }
    y0 = std::min(y0, 0.0);
  }
  if (!bars_ && x_axis_) setRange(x_axis_, x0, x1);
  if (y_axis_) {
    if (log_y) {
      setRange(y_axis_, y0, y1);
    } else {
      const double pad = (y1 - y0) * 0.05;
      // Padding below must not cross zero for data that never does.
      const double low = bars_ ? y0 : (y0 >= 0 ? std::max(0.0, y0 - pad) : y0 - pad);
      setRange(y_axis_, low, y1 + pad);
    }
  }
}

void ChartView::paintFigure(QPainter& painter, const QRectF& target) {
  flush();
  paintChart(*chart_, painter, target);
}

}  // namespace routescope::widgets
