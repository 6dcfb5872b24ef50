#pragma once
// A chart for metrics: line, scatter and bar series, live appends (batched, so 10,000 points
// stream without stutter), linear or log axes, legend, and confidence bands.

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <vector>

#include "widgets/figure/figure.h"

class QAbstractAxis;
class QAreaSeries;
class QBarSeries;
class QLineSeries;
class QXYSeries;

namespace routescope::widgets {

enum class AxisScale { Linear, Log };
enum class SeriesKind { Line, Scatter };

class ChartView : public QChartView, public Figure {
  Q_OBJECT

 public:
  explicit ChartView(QWidget* parent = nullptr);
  ~ChartView() override;

  void setTitle(const QString& title);
  void setAxisTitles(const QString& x, const QString& y);
  void setAxisScales(AxisScale x, AxisScale y);
  void setFigureName(const QString& name) { figure_name_ = name; }

  // Returns the series index.
  int addSeries(const QString& name, SeriesKind kind = SeriesKind::Line);
  void setPoints(int series, const QList<QPointF>& points);
  // Live data: buffered and drawn at most ~30 times per second.
  void append(int series, double x, double y);
  // A shaded band between lower and upper (e.g. mean ± std over seeds) drawn under `series`.
  void setBand(int series, const QList<QPointF>& lower, const QList<QPointF>& upper);
  // Bars: one set per name, one value per category.
  void setBars(const QStringList& categories, const QList<QPair<QString, QList<double>>>& sets);
  int seriesCount() const { return static_cast<int>(series_.size()); }
  int pointCount(int series) const;
  // Applies buffered appends now (tests, export).
  void flush();

  QString figureName() const override { return figure_name_; }
  void paintFigure(QPainter& painter, const QRectF& target) override;

 private:
  struct Series {
    QXYSeries* xy = nullptr;
    QAreaSeries* band = nullptr;
    QList<QPointF> pending;
  };
  void attach(QAbstractSeries* series);
  void rebuildAxes();
  void fitAxes();

  QChart* chart_;
  std::vector<Series> series_;
  QBarSeries* bars_ = nullptr;
  QStringList bar_categories_;
  AxisScale x_scale_ = AxisScale::Linear;
  AxisScale y_scale_ = AxisScale::Linear;
  QString x_title_, y_title_;
  QAbstractAxis* x_axis_ = nullptr;
  QAbstractAxis* y_axis_ = nullptr;
  QTimer flush_timer_;
  QString figure_name_ = QStringLiteral("chart");
};

}  // namespace routescope::widgets
