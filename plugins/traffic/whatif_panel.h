#pragma once
// The what-if panel: edit the network of the shown solution (capacity of the selected link,
// close/open it, add a link, scale the demand), then re-solve warm from the shown solution in a
// background thread (the GUI thread never blocks) and hand both solutions to the map, which shows
// their difference.

#include <QStringList>
#include <QWidget>
#include <atomic>
#include <memory>

#include "plugins/traffic/map_data.h"
#include "plugins/traffic/traffic_problem.h"

class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QThread;

namespace routescope::plugins::traffic {

class WhatIfPanel : public QWidget {
  Q_OBJECT

 public:
  explicit WhatIfPanel(ProblemLoader loader, QWidget* parent = nullptr);
  ~WhatIfPanel() override;

  // The link the edits for "selected link" apply to (0-based; -1 none).
  void setSelectedLink(const MapData& data, int link);
  // Edits in the backend's text form ("close 3-4", "capacity 1-2 4000", …), in order.
  QStringList edits() const { return edits_; }
  void addEdit(const QString& edit);
  void clearEdits();
  // Loads and solves the unedited problem (if not yet done), then the edited one warm.
  void resolve();
  // Only loads and solves the unedited problem (File → Open shows its map this way).
  void solveBase();
  bool busy() const { return thread_ != nullptr; }
  QString status() const;

 Q_SIGNALS:
  void baseSolved(const routescope::plugins::traffic::MapData& base);
  // `after` has the base's link indices (closed links stay, added links are appended).
  void solved(const routescope::plugins::traffic::MapData& before,
              const routescope::plugins::traffic::MapData& after, const QString& summary);
  void failed(const QString& error);

 private:
  struct State;
  void run(bool with_edits);
  void setBusy(bool busy);
  void onFinished(bool with_edits, const QString& error);
  void refreshSelection();

  std::shared_ptr<State> state_;
  std::shared_ptr<std::atomic<bool>> cancel_;
  QThread* thread_ = nullptr;
  QStringList edits_;
  int selected_from_ = 0, selected_to_ = 0;
  QLabel* selection_;
  QDoubleSpinBox* capacity_;
  QPushButton* set_capacity_;
  QPushButton* close_link_;
  QPushButton* open_link_;
  QSpinBox* add_from_;
  QSpinBox* add_to_;
  QDoubleSpinBox* add_capacity_;
  QDoubleSpinBox* add_fftt_;
  QDoubleSpinBox* demand_factor_;
  QListWidget* edit_list_;
  QPushButton* resolve_;
  QLabel* status_;
};

}  // namespace routescope::plugins::traffic
