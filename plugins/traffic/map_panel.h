#pragma once
// The map tab of a traffic view: the network map with a quantity chooser, the attributes of what
// was clicked, and (when the problem can be re-solved) the what-if panel, whose results replace
// the map by the edited solution coloured by its difference to the shown one.

#include <QWidget>
#include <optional>

#include "plugins/traffic/map_data.h"
#include "plugins/traffic/traffic_problem.h"

class QComboBox;

namespace routescope::plugins::traffic {

class AttributePanel;
class NetworkMapView;
class WhatIfPanel;

class MapPanel : public QWidget {
  Q_OBJECT

 public:
  // Without a loader there is no what-if panel.
  MapPanel(std::optional<ProblemLoader> loader, QWidget* parent = nullptr);
  void setData(const MapData& data, const std::optional<MapData>& base = std::nullopt);
  NetworkMapView* map() const { return map_; }
  AttributePanel* attributes() const { return attributes_; }
  WhatIfPanel* whatIf() const { return whatif_; }

 Q_SIGNALS:
  // The data shown changed (a what-if result): the link table follows.
  void dataChanged(const routescope::plugins::traffic::MapData& data,
                   const std::optional<routescope::plugins::traffic::MapData>& base);

 private:
  void refillQuantities();
  NetworkMapView* map_;
  AttributePanel* attributes_;
  WhatIfPanel* whatif_ = nullptr;
  QComboBox* quantity_;
};

}  // namespace routescope::plugins::traffic
