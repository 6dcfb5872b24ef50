#include "app/gui/run_browser/run_filter_proxy.h"

#include "app/gui/run_browser/run_table_model.h"

namespace routescope::app {

RunFilterProxy::RunFilterProxy(RunTableModel* runs, QObject* parent)
    : QSortFilterProxyModel(parent), runs_(runs) {
  setSourceModel(runs);
  setSortRole(RunTableModel::SortRole);
  setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RunFilterProxy::setStudy(const QString& study) {
  if (study == study_) return;
  study_ = study;
  invalidateRowsFilter();
}

void RunFilterProxy::setStatus(std::optional<core::RunStatus> status) {
  if (status == status_) return;
  status_ = status;
  invalidateRowsFilter();
}

void RunFilterProxy::setSearchText(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed == search_) return;
  search_ = trimmed;
  invalidateRowsFilter();
}

bool RunFilterProxy::matchesSearch(const core::RunRecord& record) const {
  if (search_.isEmpty()) return true;
  const auto contains = [this](const std::string& text) {
    return QString::fromStdString(text).contains(search_, Qt::CaseInsensitive);
  };
  if (contains(record.id) || contains(record.name) || contains(record.notes)) return true;
  for (const auto& tag : record.tags) {
    if (contains(tag)) return true;
  }
  return false;
}

bool RunFilterProxy::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
  if (source_parent.isValid()) return false;
  const core::RunRecord& record = runs_->record(source_row);
  if (!study_.isEmpty() && QString::fromStdString(record.study) != study_) return false;
  if (status_ && record.status != *status_) return false;
  return matchesSearch(record);
}

bool RunFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const bool left_missing = !left.data(sortRole()).isValid();
  const bool right_missing = !right.data(sortRole()).isValid();
  // The view reverses the order for descending sorts, so "missing" must flip sides to stay last.
  if (left_missing || right_missing) {
    if (left_missing == right_missing) return false;
    return left_missing == (sortOrder() == Qt::DescendingOrder);
  }
  return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace routescope::app
