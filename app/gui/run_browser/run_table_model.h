#pragma once
// The runs of a store as a table: one row per run, fixed columns for what identifies a run and
// up to three key-metric columns (see key_metrics.h). The name column is editable and renames the
// run in the store. Numbers sort as numbers through SortRole.

#include <QAbstractTableModel>
#include <QStringList>
#include <map>
#include <vector>

#include "backend/core/run_record.h"
#include "widgets/format/display_format.h"

namespace routescope::core {
class RunStore;
}

namespace routescope::app {

class RunTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    IdColumn,
    NameColumn,
    StudyColumn,
    KindColumn,
    StatusColumn,
    StartColumn,
    DurationColumn,
    FirstMetricColumn  // key metrics follow, one column each
  };
  enum Role {
    SortRole = Qt::UserRole + 1,  // numbers for time, duration and metrics; text otherwise
    RunIdRole,
  };

  explicit RunTableModel(core::RunStore& store, QObject* parent = nullptr);

  // Re-reads every run and its metrics from the store.
  void reload();
  // How durations and metric values are shown (Settings → Units and numbers).
  void setDisplayFormat(const widgets::DisplayFormat& format);

  const core::RunRecord& record(int row) const { return rows_.at(static_cast<size_t>(row)).record; }
  // -1 when no row has that id.
  int rowOf(const QString& run_id) const;
  const QStringList& keyMetrics() const { return key_metrics_; }
  QStringList studies() const;  // distinct, sorted

  static QString statusText(core::RunStatus status);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 Q_SIGNALS:
  // A write to the store failed (e.g. the run was deleted by another process).
  void storeError(const QString& message);

 private:
  struct Row {
    core::RunRecord record;
    std::map<QString, double> last_values;  // metric name -> value at its last step
  };
  QVariant displayValue(const Row& row, int column) const;
  QVariant sortValue(const Row& row, int column) const;
  // Seconds from start to finish, or until now for a run still going.
  static double durationSeconds(const core::RunRecord& record);

  core::RunStore& store_;
  widgets::DisplayFormat format_;
  std::vector<Row> rows_;
  QStringList key_metrics_;
};

}  // namespace routescope::app
