#include "plugins/traffic/map_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "plugins/traffic/attribute_panel.h"
#include "plugins/traffic/network_map_view.h"
#include "plugins/traffic/whatif_panel.h"

namespace routescope::plugins::traffic {

MapPanel::MapPanel(std::optional<ProblemLoader> loader, QWidget* parent)
    : QWidget(parent), map_(new NetworkMapView), attributes_(new AttributePanel), quantity_(new QComboBox) {
  setObjectName(QStringLiteral("trafficMapPanel"));
  quantity_->setObjectName(QStringLiteral("mapQuantity"));
  auto* left = new QWidget;
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  auto* chooser = new QHBoxLayout;
  chooser->addWidget(new QLabel(tr("Colour and width by")));
  chooser->addWidget(quantity_, 1);
  left_layout->addLayout(chooser);
  left_layout->addWidget(map_, 1);

  auto* right = new QWidget;
  auto* right_layout = new QVBoxLayout(right);
  right_layout->setContentsMargins(0, 0, 0, 0);
  right_layout->addWidget(attributes_);
  if (loader) {
    whatif_ = new WhatIfPanel(*loader);
    right_layout->addWidget(whatif_, 1);
    connect(whatif_, &WhatIfPanel::solved, this,
            [this](const MapData& before, const MapData& after, const QString&) { setData(after, before); });
  } else {
    right_layout->addStretch();
  }
  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(quantity_, &QComboBox::currentIndexChanged, this, [this] {
    if (quantity_->currentIndex() >= 0) map_->setQuantity(LinkQuantity(quantity_->currentData().toInt()));
  });
  connect(map_, &NetworkMapView::linkPicked, this, [this](int link) {
    attributes_->showLink(map_->data(), link, map_->base() ? &*map_->base() : nullptr);
    if (whatif_) whatif_->setSelectedLink(map_->data(), link);
  });
  connect(map_, &NetworkMapView::nodePicked, this,
          [this](int node) { attributes_->showNode(map_->data(), node); });
  connect(map_, &NetworkMapView::pickCleared, this, [this] {
    attributes_->clear();
    map_->selectLink(-1);
  });
}

void MapPanel::setData(const MapData& data, const std::optional<MapData>& base) {
  map_->setData(data);
  map_->setBase(base);
  refillQuantities();
  Q_EMIT dataChanged(data, base);
}

void MapPanel::refillQuantities() {
  const QSignalBlocker block(quantity_);
  quantity_->clear();
  QList<LinkQuantity> quantities{LinkQuantity::Flow, LinkQuantity::VolumeCapacity, LinkQuantity::TravelTime};
  if (map_->base()) quantities.prepend(LinkQuantity::Difference);
  for (LinkQuantity q : quantities) quantity_->addItem(quantityName(q), int(q));
  quantity_->setCurrentIndex(quantity_->findData(int(map_->quantity())));
}

}  // namespace routescope::plugins::traffic
