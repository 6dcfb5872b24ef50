#include "plugins/traffic/link_table.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace routescope::plugins::traffic {
namespace {

enum Column {
  kLink,
  kFrom,
  kTo,
  kCapacity,
  kFreeFlowTime,
  kFlow,
  kVolumeCapacity,
  kTime,
  kClosed,
  kDifference
};

}  // namespace

LinkTableModel::LinkTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void LinkTableModel::setData(MapData data, std::optional<MapData> base) {
  beginResetModel();
  data_ = std::move(data);
  base_ = std::move(base);
  endResetModel();
}

int LinkTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(data_.links.size());
}

int LinkTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : (base_ ? kDifference + 1 : kDifference);
}

double LinkTableModel::value(int row, int column) const {
  const MapLink& l = data_.links[size_t(row)];
  switch (column) {
    case kLink:
      return row + 1;
    case kFrom:
      return l.from + 1;
    case kTo:
      return l.to + 1;
    case kCapacity:
      return l.capacity;
    case kFreeFlowTime:
      return l.free_flow_time;
    case kFlow:
      return l.flow;
    case kVolumeCapacity:
      return l.volumeCapacity();
    case kTime:
      return l.travel_time;
    case kClosed:
      return l.closed ? 1 : 0;
    case kDifference:
      return linkValue(data_, row, LinkQuantity::Difference, base_ ? &*base_ : nullptr);
  }
  return 0.0;
}

QVariant LinkTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const double v = value(index.row(), index.column());
  if (role == Qt::UserRole) return v;
  if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  if (index.column() == kClosed) return v != 0.0 ? tr("closed") : QString();
  if (index.column() <= kTo) return QString::number(qlonglong(v));
  return QString::number(v, 'g', 6);
}

QVariant LinkTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case kLink:
      return tr("link");
    case kFrom:
      return tr("from");
    case kTo:
      return tr("to");
    case kCapacity:
      return tr("capacity");
    case kFreeFlowTime:
      return tr("free-flow time");
    case kFlow:
      return tr("flow");
    case kVolumeCapacity:
      return tr("v/c");
    case kTime:
      return tr("travel time");
    case kClosed:
      return tr("state");
    case kDifference:
      return tr("flow difference");
  }
  return {};
}

QString LinkTableModel::toCsv() const {
  // Machine-readable names, independent of the UI language.
  QString csv =
      QStringLiteral("link,from,to,capacity,free_flow_time,flow,volume_capacity,travel_time,closed");
  if (base_) csv += QStringLiteral(",flow_difference");
  csv += QLatin1Char('\n');
  for (int row = 0; row < rowCount(); ++row) {
    QStringList cells;
    for (int column = 0; column < columnCount(); ++column)
      cells << (column <= kTo || column == kClosed ? QString::number(qlonglong(value(row, column)))
                                                   : QString::number(value(row, column), 'g', 12));
    csv += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
  }
  return csv;
}

LinkTableView::LinkTableView(QWidget* parent)
    : QWidget(parent),
      model_(new LinkTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)) {
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(Qt::UserRole);
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(kLink, Qt::AscendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->verticalHeader()->hide();
  auto* export_button = new QPushButton(tr("Export CSV…"), this);
  export_button->setObjectName(QStringLiteral("exportLinkCsvButton"));
  connect(export_button, &QPushButton::clicked, this, &LinkTableView::askExport);
  connect(table_, &QTableView::activated, this,
          [this](const QModelIndex& index) { Q_EMIT linkActivated(proxy_->mapToSource(index).row()); });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addWidget(export_button, 0, Qt::AlignRight);
}

QString LinkTableView::exportCsv(const QString& path) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return tr("%1: cannot write (%2)").arg(path, file.errorString());
  file.write(model_->toCsv().toUtf8());
  if (!file.commit()) return tr("%1: cannot write (%2)").arg(path, file.errorString());
  return {};
}

void LinkTableView::askExport() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export link table"),
                                                    QStringLiteral("links.csv"), tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  const QString error = exportCsv(path);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Export link table"), error);
}

}  // namespace routescope::plugins::traffic
