#include "plugins/traffic/braess_view.h"

#include <QGridLayout>
#include <QLabel>

#include "plugins/traffic/network_map_view.h"

namespace routescope::plugins::traffic {

BraessView::BraessView(QWidget* parent)
    : QWidget(parent), story_(computeBraessStory()), text_(new QLabel(this)) {
  setObjectName(QStringLiteral("braessView"));
  text_->setObjectName(QStringLiteral("braessText"));
  text_->setWordWrap(true);
  text_->setText(story_.text);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QGridLayout(this);
  layout->addWidget(text_, 0, 0, 1, 3);
  const std::array<const MapData*, 3> data{&story_.without_map, &story_.with_map, &story_.optimum_map};
  const std::array<QString, 3> titles{
      tr("Without the middle link (UE): TSTT %1").arg(story_.without_link.final.tstt, 0, 'f', 0),
      tr("With the middle link (UE): TSTT %1").arg(story_.with_link.final.tstt, 0, 'f', 0),
      tr("With the middle link, system optimum: TSTT %1").arg(story_.system_optimum.final.tstt, 0, 'f', 0)};
  for (size_t i = 0; i < maps_.size(); ++i) {
    maps_[i] = new NetworkMapView(this);
    maps_[i]->setFigureName(QStringLiteral("braess-%1").arg(i + 1));
    maps_[i]->setData(*data[i]);
    maps_[i]->setTitle(titles[i]);
    // One flow scale for all three, so equal colours mean equal flows.
    maps_[i]->setFixedRange(std::make_pair(0.0, story_.demand));
    maps_[i]->setMinimumSize(280, 220);
    layout->addWidget(maps_[i], 1, int(i));
  }
  layout->setRowStretch(1, 1);
}

QString BraessView::text() const {
  return text_->text();
}

}  // namespace routescope::plugins::traffic
