#pragma once
// The link table: one row per link (number, from, to, capacity, free-flow time, flow, v/c, travel
// time, and with a base run the flow difference), sortable by any column, exportable as CSV.

#include <QAbstractTableModel>
#include <QWidget>
#include <optional>

#include "plugins/traffic/map_data.h"

class QSortFilterProxyModel;
class QTableView;

namespace routescope::plugins::traffic {

class LinkTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit LinkTableModel(QObject* parent = nullptr);
  void setData(MapData data, std::optional<MapData> base = std::nullopt);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  // DisplayRole: text; Qt::UserRole: the number the column sorts by.
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  // Header row plus one row per link, full precision, '.' as decimal point.
  QString toCsv() const;

 private:
  double value(int row, int column) const;
  MapData data_;
  std::optional<MapData> base_;
};

class LinkTableView : public QWidget {
  Q_OBJECT

 public:
  explicit LinkTableView(QWidget* parent = nullptr);
  LinkTableModel* model() const { return model_; }
  QSortFilterProxyModel* proxy() const { return proxy_; }
  QTableView* table() const { return table_; }
  // Writes the table (in link order) to `path`; empty on success, else a one-line error.
  QString exportCsv(const QString& path) const;

 Q_SIGNALS:
  void linkActivated(int link);

 private:
  void askExport();
  LinkTableModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
};

}  // namespace routescope::plugins::traffic
