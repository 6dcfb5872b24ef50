#include "app/gui/run_browser/run_table_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <set>

#include "app/gui/run_browser/key_metrics.h"
#include "backend/core/progress.h"
#include "backend/core/run_store.h"

namespace routescope::app {
namespace {

QString q(const std::string& text) {
  return QString::fromStdString(text);
}

}  // namespace

RunTableModel::RunTableModel(core::RunStore& store, QObject* parent)
    : QAbstractTableModel(parent), store_(store) {
  reload();
}

void RunTableModel::reload() {
  beginResetModel();
  rows_.clear();
  std::vector<std::vector<std::string>> metric_names;
  for (auto& record : store_.listRuns()) {
    Row row;
    std::vector<std::string> names;
    // Points come ordered by name then step, so the last point seen of a name is its last value.
    for (const auto& point : store_.metrics(record.id)) {
      if (names.empty() || names.back() != point.name) names.push_back(point.name);
      row.last_values[q(point.name)] = point.value;
    }
    metric_names.push_back(std::move(names));
    row.record = std::move(record);
    rows_.push_back(std::move(row));
  }
  key_metrics_ = chooseKeyMetrics(metric_names);
  endResetModel();
}

int RunTableModel::rowOf(const QString& run_id) const {
  const std::string id = run_id.toStdString();
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].record.id == id) return static_cast<int>(i);
  }
  return -1;
}

QStringList RunTableModel::studies() const {
  std::set<QString> names;
  for (const auto& row : rows_) names.insert(q(row.record.study));
  return {names.begin(), names.end()};
}

QString RunTableModel::statusText(core::RunStatus status) {
  switch (status) {
    case core::RunStatus::Running:
      return tr("running");
    case core::RunStatus::Completed:
      return tr("completed");
    case core::RunStatus::Failed:
      return tr("failed");
    case core::RunStatus::Cancelled:
      return tr("cancelled");
    case core::RunStatus::Interrupted:
      return tr("interrupted");
  }
  return {};
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : FirstMetricColumn + static_cast<int>(key_metrics_.size());
}

void RunTableModel::setDisplayFormat(const widgets::DisplayFormat& format) {
  format_ = format;
  if (!rows_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

double RunTableModel::durationSeconds(const core::RunRecord& record) {
  const int64_t end = record.finished_ms.value_or(core::nowMillis());
  return static_cast<double>(end - record.created_ms) / 1000.0;
}

QVariant RunTableModel::displayValue(const Row& row, int column) const {
  const auto& r = row.record;
  switch (column) {
    case IdColumn:
      return q(r.id);
    case NameColumn:
      return q(r.name);
    case StudyColumn:
      return q(r.study);
    case KindColumn:
      return q(r.kind);
    case StatusColumn:
      return statusText(r.status);
    case StartColumn:
      return QDateTime::fromMSecsSinceEpoch(r.created_ms).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    case DurationColumn:
      return format_.duration(durationSeconds(r));
    default: {
      const auto found = row.last_values.find(key_metrics_.value(column - FirstMetricColumn));
      return found == row.last_values.end() ? QVariant() : QVariant(format_.number(found->second));
    }
  }
}

QVariant RunTableModel::sortValue(const Row& row, int column) const {
  switch (column) {
    case StartColumn:
      return QVariant::fromValue<qint64>(row.record.created_ms);
    case DurationColumn:
      return durationSeconds(row.record);
    case StatusColumn:
      return static_cast<int>(row.record.status);
    default:
      if (column >= FirstMetricColumn) {
        const auto found = row.last_values.find(key_metrics_.value(column - FirstMetricColumn));
        // An invalid variant sorts after every number, so runs without the metric go last.
        return found == row.last_values.end() ? QVariant() : QVariant(found->second);
      }
      return displayValue(row, column).toString().toLower();
  }
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const Row& row = rows_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
      return displayValue(row, index.column());
    case SortRole:
      return sortValue(row, index.column());
    case RunIdRole:
      return q(row.record.id);
    case Qt::TextAlignmentRole:
      if (index.column() == DurationColumn || index.column() >= FirstMetricColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      }
      return {};
    case Qt::ForegroundRole:
      // Only the states that need attention stand out.
      if (index.column() != StatusColumn) return {};
      if (row.record.status == core::RunStatus::Failed) return QBrush(QColor(190, 30, 30));
      if (row.record.status == core::RunStatus::Running) return QBrush(QColor(20, 100, 200));
      return {};
    case Qt::ToolTipRole:
      if (index.column() == StatusColumn && !row.record.error.empty()) return q(row.record.error);
      if (index.column() == NameColumn && !row.record.notes.empty()) return q(row.record.notes);
      return {};
    default:
      return {};
  }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
    return QAbstractTableModel::headerData(section, orientation, role);
  }
  switch (section) {
    case IdColumn:
      return tr("Id");
    case NameColumn:
      return tr("Name");
    case StudyColumn:
      return tr("Study");
    case KindColumn:
      return tr("Kind");
    case StatusColumn:
      return tr("Status");
    case StartColumn:
      return tr("Started");
    case DurationColumn:
      return tr("Duration");
    default:
      return key_metrics_.value(section - FirstMetricColumn);
  }
}

Qt::ItemFlags RunTableModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags result = QAbstractTableModel::flags(index);
  if (index.isValid() && index.column() == NameColumn) result |= Qt::ItemIsEditable;
  return result;
}

bool RunTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || index.column() != NameColumn || role != Qt::EditRole) return false;
  Row& row = rows_[static_cast<size_t>(index.row())];
  const std::string name = value.toString().trimmed().toStdString();
  if (name == row.record.name) return true;
  try {
    store_.rename(row.record.id, name);
  } catch (const std::exception& error) {
    Q_EMIT storeError(tr("Could not rename run %1: %2").arg(q(row.record.id), q(error.what())));
    return false;
  }
  row.record.name = name;
  Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, SortRole});
  return true;
}

}  // namespace routescope::app
