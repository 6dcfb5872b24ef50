#include "plugins/traffic/whatif_panel.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <optional>

#include "backend/traffic/whatif.h"

namespace routescope::plugins::traffic {

namespace rt = routescope::traffic;

// What the worker thread reads and writes; the GUI thread touches it only while no worker runs.
struct WhatIfPanel::State {
  ProblemLoader loader;
  std::optional<TrafficProblem> problem;
  rt::AssignmentResult base;
  MapData base_map, after_map;
  QString summary;
};

namespace {

rt::SolverOptions options(const TrafficProblem& problem, const std::atomic<bool>& cancel) {
  rt::SolverOptions o;
  o.algorithm = rt::Algorithm::AlgorithmB;
  o.target_gap = 1e-8;
  o.max_seconds = 120.0;
  o.cost = problem.cost;
  o.cancelled = [&cancel] { return cancel.load(); };
  return o;
}

QString amount(double v) {
  return QString::number(v, 'f', 2);
}

}  // namespace

WhatIfPanel::WhatIfPanel(ProblemLoader loader, QWidget* parent)
    : QWidget(parent),
      state_(std::make_shared<State>()),
      cancel_(std::make_shared<std::atomic<bool>>(false)) {
  setObjectName(QStringLiteral("trafficWhatIfPanel"));
  state_->loader = std::move(loader);

  auto* selected = new QGroupBox(tr("Selected link"), this);
  selection_ = new QLabel(tr("Click a link on the map"), selected);
  capacity_ = new QDoubleSpinBox(selected);
  capacity_->setRange(0.001, 1e9);
  capacity_->setDecimals(3);
  set_capacity_ = new QPushButton(tr("Set capacity"), selected);
  close_link_ = new QPushButton(tr("Close"), selected);
  open_link_ = new QPushButton(tr("Open"), selected);
  auto* selected_layout = new QFormLayout(selected);
  selected_layout->addRow(selection_);
  auto* capacity_row = new QHBoxLayout;
  capacity_row->addWidget(capacity_);
  capacity_row->addWidget(set_capacity_);
  selected_layout->addRow(tr("capacity"), capacity_row);
  auto* state_row = new QHBoxLayout;
  state_row->addWidget(close_link_);
  state_row->addWidget(open_link_);
  selected_layout->addRow(state_row);

  auto* add = new QGroupBox(tr("Add a link"), this);
  add_from_ = new QSpinBox(add);
  add_to_ = new QSpinBox(add);
  for (QSpinBox* box : {add_from_, add_to_}) box->setRange(1, 1'000'000);
  add_capacity_ = new QDoubleSpinBox(add);
  add_capacity_->setRange(0.001, 1e9);
  add_capacity_->setValue(1000.0);
  add_fftt_ = new QDoubleSpinBox(add);
  add_fftt_->setRange(0.0, 1e6);
  add_fftt_->setValue(1.0);
  auto* add_button = new QPushButton(tr("Add link"), add);
  auto* add_layout = new QFormLayout(add);
  add_layout->addRow(tr("from node"), add_from_);
  add_layout->addRow(tr("to node"), add_to_);
  add_layout->addRow(tr("capacity"), add_capacity_);
  add_layout->addRow(tr("free-flow time"), add_fftt_);
  add_layout->addRow(add_button);

  auto* demand = new QGroupBox(tr("Demand"), this);
  demand_factor_ = new QDoubleSpinBox(demand);
  demand_factor_->setRange(0.01, 100.0);
  demand_factor_->setSingleStep(0.05);
  demand_factor_->setValue(1.1);
  auto* scale_button = new QPushButton(tr("Scale demand"), demand);
  auto* demand_layout = new QHBoxLayout(demand);
  demand_layout->addWidget(demand_factor_);
  demand_layout->addWidget(scale_button);

  edit_list_ = new QListWidget(this);
  edit_list_->setObjectName(QStringLiteral("whatIfEdits"));
  auto* clear_button = new QPushButton(tr("Clear edits"), this);
  resolve_ = new QPushButton(tr("Re-solve warm"), this);
  resolve_->setObjectName(QStringLiteral("whatIfResolveButton"));
  status_ = new QLabel(this);
  status_->setWordWrap(true);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(selected);
  layout->addWidget(add);
  layout->addWidget(demand);
  layout->addWidget(new QLabel(tr("Edits"), this));
  layout->addWidget(edit_list_, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(clear_button);
  buttons->addWidget(resolve_);
  layout->addLayout(buttons);
  layout->addWidget(status_);

  const auto link_text = [this] { return QStringLiteral("%1-%2").arg(selected_from_).arg(selected_to_); };
  connect(set_capacity_, &QPushButton::clicked, this, [this, link_text] {
    addEdit(QStringLiteral("capacity %1 %2").arg(link_text(), QString::number(capacity_->value(), 'g', 12)));
  });
  connect(close_link_, &QPushButton::clicked, this,
          [this, link_text] { addEdit(QStringLiteral("close ") + link_text()); });
  connect(open_link_, &QPushButton::clicked, this,
          [this, link_text] { addEdit(QStringLiteral("open ") + link_text()); });
  connect(add_button, &QPushButton::clicked, this, [this] {
    addEdit(QStringLiteral("add %1-%2 capacity=%3 fftt=%4")
                .arg(add_from_->value())
                .arg(add_to_->value())
                .arg(QString::number(add_capacity_->value(), 'g', 12),
                     QString::number(add_fftt_->value(), 'g', 12)));
  });
  connect(scale_button, &QPushButton::clicked, this, [this] {
    addEdit(QStringLiteral("demand x") + QString::number(demand_factor_->value(), 'g', 12));
  });
  connect(clear_button, &QPushButton::clicked, this, &WhatIfPanel::clearEdits);
  connect(resolve_, &QPushButton::clicked, this, &WhatIfPanel::resolve);
  refreshSelection();
}

WhatIfPanel::~WhatIfPanel() {
  // The solver polls the flag each iteration, so this wait is short.
  cancel_->store(true);
  if (thread_) {
    thread_->wait();
    delete thread_;
  }
}

void WhatIfPanel::setSelectedLink(const MapData& data, int link) {
  if (link < 0 || size_t(link) >= data.links.size()) {
    selected_from_ = selected_to_ = 0;
  } else {
    const MapLink& l = data.links[size_t(link)];
    selected_from_ = l.from + 1;
    selected_to_ = l.to + 1;
    capacity_->setValue(l.capacity);
  }
  refreshSelection();
}

void WhatIfPanel::refreshSelection() {
  const bool any = selected_from_ > 0;
  selection_->setText(any ? tr("Link %1 → %2").arg(selected_from_).arg(selected_to_)
                          : tr("Click a link on the map"));
  for (QWidget* w : {static_cast<QWidget*>(capacity_), static_cast<QWidget*>(set_capacity_),
                     static_cast<QWidget*>(close_link_), static_cast<QWidget*>(open_link_)})
    w->setEnabled(any);
}

void WhatIfPanel::addEdit(const QString& edit) {
  edits_ << edit;
  edit_list_->addItem(edit);
}

void WhatIfPanel::clearEdits() {
  edits_.clear();
  edit_list_->clear();
}

QString WhatIfPanel::status() const {
  return status_->text();
}

void WhatIfPanel::resolve() {
  if (edits_.isEmpty()) {
    status_->setText(tr("Add an edit first."));
    return;
  }
  run(true);
}

void WhatIfPanel::solveBase() {
  run(false);
}

void WhatIfPanel::setBusy(bool busy) {
  resolve_->setEnabled(!busy);
  if (busy) status_->setText(tr("Solving…"));
}

void WhatIfPanel::run(bool with_edits) {
  if (thread_) return;
  setBusy(true);
  const std::string edits = edits_.join(QStringLiteral("; ")).toStdString();
  auto state = state_;
  auto cancel = cancel_;
  QPointer<WhatIfPanel> self(this);
  thread_ = QThread::create([state, cancel, edits, with_edits, self] {
    QString error;
    try {
      if (!state->problem) {
        state->problem = state->loader();
        state->base =
            rt::solve(state->problem->network, state->problem->demand, options(*state->problem, *cancel));
        state->base_map = mapDataFromSolution(state->problem->network, state->base, state->problem->cost);
      }
      if (with_edits) {
        const TrafficProblem& p = *state->problem;
        const rt::WhatIf plan = rt::applyEdits(p.network, p.demand, state->base, rt::parseEdits(edits));
        TrafficProblem edited{plan.network, plan.demand, p.cost};
        const rt::AssignmentResult after =
            rt::solve(edited.network, edited.demand, options(edited, *cancel), &plan.warm);
        state->after_map = mapDataFromSolution(edited.network, after, edited.cost);
        const double before_tstt = state->base.final.tstt;
        state->summary = WhatIfPanel::tr("TSTT %1 → %2 (%3), %4 warm iteration(s), relative gap %5")
                             .arg(amount(before_tstt), amount(after.final.tstt),
                                  (after.final.tstt >= before_tstt ? QStringLiteral("+") : QString()) +
                                      amount(after.final.tstt - before_tstt))
                             .arg(after.final.iteration)
                             .arg(after.final.relative_gap, 0, 'g', 3);
      }
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    // Back to the GUI thread (dropped if the panel is gone).
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [self, with_edits, error] {
          if (self) self->onFinished(with_edits, error);
        },
        Qt::QueuedConnection);
  });
  thread_->start();
}

void WhatIfPanel::onFinished(bool with_edits, const QString& error) {
  thread_->wait();
  thread_->deleteLater();
  thread_ = nullptr;
  setBusy(false);
  if (!error.isEmpty()) {
    status_->setText(error);
    Q_EMIT failed(error);
    return;
  }
  if (!with_edits) {
    status_->setText(tr("Solved: TSTT %1, relative gap %2")
                         .arg(amount(state_->base.final.tstt))
                         .arg(state_->base.final.relative_gap, 0, 'g', 3));
    Q_EMIT baseSolved(state_->base_map);
    return;
  }
  status_->setText(state_->summary);
  Q_EMIT solved(state_->base_map, state_->after_map, state_->summary);
}

}  // namespace routescope::plugins::traffic
