#pragma once
// A radar (polar) chart: one spoke per category (e.g. one per expert, as OpenMoE draws domain
// specialisation), one closed polygon per series.

#include <QChartView>
#include <QStringList>

#include "widgets/figure/figure.h"

class QPolarChart;
class QCategoryAxis;
class QValueAxis;

namespace routescope::widgets {

class RadarChart : public QChartView, public Figure {
  Q_OBJECT

 public:
  explicit RadarChart(QWidget* parent = nullptr);
  void setTitle(const QString& title);
  void setSpokes(const QStringList& names);
  // One value per spoke; throws std::invalid_argument on a size mismatch.
  void addSeries(const QString& name, const QList<double>& values);
  void setRadialRange(double low, double high);
  int seriesCount() const { return series_count_; }
  void setFigureName(const QString& name) { figure_name_ = name; }

  QString figureName() const override { return figure_name_; }
  void paintFigure(QPainter& painter, const QRectF& target) override;

 private:
  QPolarChart* chart_;
  QCategoryAxis* angular_;
  QValueAxis* radial_;
  QStringList spokes_;
  int series_count_ = 0;
  double max_value_ = 0;
  bool fixed_range_ = false;
  QString figure_name_ = QStringLiteral("radar");
};

}  // namespace routescope::widgets
