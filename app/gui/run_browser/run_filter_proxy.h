#pragma once
// Filters the run table by study, status and a search text (id, name, notes or tags, any case),
// and sorts by RunTableModel::SortRole so durations, times and metrics sort as numbers.

#include <QSortFilterProxyModel>
#include <optional>

#include "backend/core/run_record.h"

namespace routescope::app {

class RunTableModel;

class RunFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit RunFilterProxy(RunTableModel* runs, QObject* parent = nullptr);

  void setStudy(const QString& study);  // empty: any study
  void setStatus(std::optional<core::RunStatus> status);
  void setSearchText(const QString& text);

 protected:
  bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;
  // Runs without a value (a metric they never reported) go last in both directions.
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  bool matchesSearch(const core::RunRecord& record) const;

  RunTableModel* runs_;
  QString study_;
  std::optional<core::RunStatus> status_;
  QString search_;
};

}  // namespace routescope::app
