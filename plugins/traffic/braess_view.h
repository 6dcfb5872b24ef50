#pragma once
// The Braess paradox demo view: the computed explanation above three maps on one flow scale —
// user equilibrium without the middle link, with it, and the system optimum with it.

#include <QWidget>
#include <array>

#include "plugins/traffic/braess_story.h"

class QLabel;

namespace routescope::plugins::traffic {

class NetworkMapView;

class BraessView : public QWidget {
  Q_OBJECT

 public:
  explicit BraessView(QWidget* parent = nullptr);
  const BraessStory& story() const { return story_; }
  QString text() const;
  // Without, with, system optimum.
  NetworkMapView* map(int index) const { return maps_.at(size_t(index)); }

 private:
  BraessStory story_;
  QLabel* text_;
  std::array<NetworkMapView*, 3> maps_{};
};

}  // namespace routescope::plugins::traffic
