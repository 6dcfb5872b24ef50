#include "widgets/charts/chart_figure.h"

#include <QChart>
#include <QGraphicsScene>
#include <QPainter>

namespace routescope::widgets {

void paintChart(QChart& chart, QPainter& painter, const QRectF& target) {
  QGraphicsScene* own_scene = nullptr;
  QGraphicsScene* scene = chart.scene();
  if (!scene) {  // a chart never shown in a view: host it in a scene just for painting
    own_scene = new QGraphicsScene;
    own_scene->addItem(&chart);
    scene = own_scene;
  }
  const QRectF old_geometry = chart.geometry();
  const QPointF old_position = chart.pos();
  chart.setPos(0, 0);
  chart.resize(target.size());
  scene->setSceneRect(QRectF(QPointF(0, 0), target.size()));
  scene->render(&painter, target, QRectF(QPointF(0, 0), target.size()));
  chart.setGeometry(old_geometry);
  chart.setPos(old_position);
  if (own_scene) {
    own_scene->removeItem(&chart);
    delete own_scene;
  }
}

}  // namespace routescope::widgets
