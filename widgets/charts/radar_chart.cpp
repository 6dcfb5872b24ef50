#include "widgets/charts/radar_chart.h"

#include <QCategoryAxis>
#include <QLineSeries>
#include <QPolarChart>
#include <QValueAxis>
#include <stdexcept>

#include "widgets/charts/chart_figure.h"

namespace routescope::widgets {

RadarChart::RadarChart(QWidget* parent)
    : QChartView(parent), chart_(new QPolarChart), angular_(new QCategoryAxis), radial_(new QValueAxis) {
  setChart(chart_);
  setRenderHint(QPainter::Antialiasing);
  angular_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  radial_->setLabelFormat("%.2g");
  radial_->setRange(0, 1);
  chart_->addAxis(angular_, QPolarChart::PolarOrientationAngular);
  chart_->addAxis(radial_, QPolarChart::PolarOrientationRadial);
  chart_->legend()->setAlignment(Qt::AlignBottom);
}

void RadarChart::setTitle(const QString& title) {
  chart_->setTitle(title);
}

void RadarChart::setSpokes(const QStringList& names) {
  spokes_ = names;
  for (const QString& label : angular_->categoriesLabels()) angular_->remove(label);
  // Spoke i sits at angle value i; the angular axis spans [0, n) so the polygon closes at n.
  for (int i = 0; i < names.size(); ++i) angular_->append(names[i], i);
  angular_->setRange(0, std::max<qsizetype>(1, names.size()));
}

void RadarChart::addSeries(const QString& name, const QList<double>& values) {
  if (values.size() != spokes_.size()) {
    throw std::invalid_argument("radar series '" + name.toStdString() + "' has " +
                                std::to_string(values.size()) + " values for " +
                                std::to_string(spokes_.size()) + " spokes");
  }
  auto* series = new QLineSeries;
  series->setName(name);
  for (int i = 0; i < values.size(); ++i) {
    series->append(i, values[i]);
    max_value_ = std::max(max_value_, values[i]);
  }
  if (!values.isEmpty()) series->append(values.size(), values.front());  // close the polygon
  chart_->addSeries(series);
  series->attachAxis(angular_);
  series->attachAxis(radial_);
  ++series_count_;
  if (!fixed_range_) radial_->setRange(0, max_value_ > 0 ? max_value_ * 1.1 : 1);
}

void RadarChart::setRadialRange(double low, double high) {
  fixed_range_ = true;
  radial_->setRange(low, high);
}

void RadarChart::paintFigure(QPainter& painter, const QRectF& target) {
  paintChart(*chart_, painter, target);
}

}  // namespace routescope::widgets
