#pragma once
// The attributes of what was clicked on the map: a link (from, to, capacity, free-flow time,
// flow, v/c, travel time, and the difference to a base run) or a node (number, zone or not).

#include <QWidget>

#include "plugins/traffic/map_data.h"

class QFormLayout;
class QLabel;

namespace routescope::plugins::traffic {

class AttributePanel : public QWidget {
  Q_OBJECT

 public:
  explicit AttributePanel(QWidget* parent = nullptr);
  void showLink(const MapData& data, int link, const MapData* base = nullptr);
  void showNode(const MapData& data, int node);
  void clear();
  // The rows shown, "name: value" each (tests, copy).
  QStringList rows() const;

 private:
  void setRows(const QString& heading, const QList<QPair<QString, QString>>& rows);
  QLabel* heading_;
  QFormLayout* form_;
};

}  // namespace routescope::plugins::traffic
