#include "plugins/traffic/attribute_panel.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace routescope::plugins::traffic {
namespace {

QString number(double v) {
  return QString::number(v, 'g', 6);
}

}  // namespace

AttributePanel::AttributePanel(QWidget* parent)
    : QWidget(parent), heading_(new QLabel(this)), form_(new QFormLayout) {
  setObjectName(QStringLiteral("trafficAttributePanel"));
  auto* layout = new QVBoxLayout(this);
  QFont bold = heading_->font();
  bold.setBold(true);
  heading_->setFont(bold);
  layout->addWidget(heading_);
  layout->addLayout(form_);
  layout->addStretch();
  clear();
}

void AttributePanel::setRows(const QString& heading, const QList<QPair<QString, QString>>& rows) {
  heading_->setText(heading);
  while (form_->rowCount() > 0) form_->removeRow(0);
  for (const auto& [name, value] : rows) {
    auto* label = new QLabel(value, this);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form_->addRow(name, label);
  }
}

void AttributePanel::showLink(const MapData& data, int link, const MapData* base) {
  const MapLink& l = data.links.at(size_t(link));
  QList<QPair<QString, QString>> rows{{tr("from"), QString::number(l.from + 1)},
                                      {tr("to"), QString::number(l.to + 1)},
                                      {tr("capacity"), number(l.capacity)},
                                      {tr("free-flow time"), number(l.free_flow_time)},
                                      {tr("flow"), number(l.flow)},
                                      {tr("v/c"), number(l.volumeCapacity())},
                                      {tr("travel time"), number(l.travel_time)}};
  if (l.closed) rows.append({tr("state"), tr("closed")});
  if (base)
    rows.append({tr("flow difference"), number(linkValue(data, link, LinkQuantity::Difference, base))});
  setRows(tr("Link %1: %2 → %3").arg(link + 1).arg(l.from + 1).arg(l.to + 1), rows);
}

void AttributePanel::showNode(const MapData& data, int node) {
  setRows(tr("Node %1").arg(node + 1),
          {{tr("node"), QString::number(node + 1)},
           {tr("zone"), data.isZone(node) ? tr("yes (origin/destination centroid)") : tr("no")}});
}

void AttributePanel::clear() {
  setRows(tr("Click a link or a node on the map"), {});
}

QStringList AttributePanel::rows() const {
  QStringList out;
  for (int r = 0; r < form_->rowCount(); ++r) {
    auto* name = qobject_cast<QLabel*>(form_->itemAt(r, QFormLayout::LabelRole)->widget());
    auto* value = qobject_cast<QLabel*>(form_->itemAt(r, QFormLayout::FieldRole)->widget());
    if (name && value) out << name->text() + QStringLiteral(": ") + value->text();
  }
  return out;
}

}  // namespace routescope::plugins::traffic
