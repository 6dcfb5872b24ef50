#pragma once
// Exporting a Qt Charts chart at any size. Qt Charts lay out only when the chart is resized, so
// a hidden chart renders blank unless it is resized to the target first (measured on Qt 6.4).

#include <QRectF>

class QChart;
class QPainter;

namespace routescope::widgets {

// Renders `chart` into `target` of `painter`, temporarily resizing it to the target size.
void paintChart(QChart& chart, QPainter& painter, const QRectF& target);

}  // namespace routescope::widgets
