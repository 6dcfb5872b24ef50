#include "app/gui/run_browser/run_browser.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/run_browser/run_filter_proxy.h"
#include "app/gui/run_browser/run_table_model.h"
#include "app/gui/run_browser/tag_edit.h"
#include "backend/core/run_store.h"
#include "plugins/sdk/plugin_loader.h"

namespace routescope::app {
namespace {

QString q(const std::string& text) {
  return QString::fromStdString(text);
}

constexpr core::RunStatus kStatuses[] = {core::RunStatus::Running, core::RunStatus::Completed,
                                         core::RunStatus::Failed, core::RunStatus::Cancelled,
                                         core::RunStatus::Interrupted};

}  // namespace

RunBrowser::RunBrowser(core::RunStore& store, const plugins::LoadedPlugins& plugins, QWidget* parent)
    : QWidget(parent), store_(store), plugins_(plugins), prompts_(RunBrowserPrompts::dialogs(this)) {
  setObjectName(QStringLiteral("runBrowser"));
  model_ = new RunTableModel(store_, this);
  proxy_ = new RunFilterProxy(model_, this);
  connect(model_, &RunTableModel::storeError, this,
          [this](const QString& message) { prompts_.inform(message); });

  view_ = new QTableView(this);
  view_->setObjectName(QStringLiteral("runTable"));
  view_->setModel(proxy_);
  view_->setSortingEnabled(true);
  view_->sortByColumn(RunTableModel::StartColumn, Qt::DescendingOrder);  // newest first
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  // Renaming goes through the F2 action, which always edits the name column of the current row.
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setWordWrap(false);
  view_->verticalHeader()->hide();
  // No stretched last column: a metric's number would sit far from its header.
  view_->horizontalHeader()->setStretchLastSection(false);
  view_->setContextMenuPolicy(Qt::ActionsContextMenu);
  connect(view_, &QTableView::doubleClicked, this, [this] { openCurrent(); });
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateActions(); });

  createActions();
  auto* toolbar = new QToolBar(this);
  toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  toolbar->addActions({open_, rename_, tags_, notes_, delete_});
  toolbar->addSeparator();
  toolbar->addActions({compare_, refresh_});

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(toolbar);
  layout->addWidget(buildFilterBar());
  layout->addWidget(view_);

  connect(proxy_, &QAbstractItemModel::rowsInserted, this, [this] { updateCountLabel(); });
  connect(proxy_, &QAbstractItemModel::rowsRemoved, this, [this] { updateCountLabel(); });
  connect(proxy_, &QAbstractItemModel::modelReset, this, [this] { updateCountLabel(); });
  connect(proxy_, &QAbstractItemModel::layoutChanged, this, [this] { updateCountLabel(); });
  rebuildStudyChoices();
  view_->resizeColumnsToContents();
  updateCountLabel();
  updateActions();
}

QWidget* RunBrowser::buildFilterBar() {
  study_choice_ = new QComboBox(this);
  study_choice_->setObjectName(QStringLiteral("studyFilter"));
  study_choice_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(study_choice_, &QComboBox::currentIndexChanged, this,
          [this] { proxy_->setStudy(study_choice_->currentData().toString()); });

  status_choice_ = new QComboBox(this);
  status_choice_->setObjectName(QStringLiteral("statusFilter"));
  status_choice_->addItem(tr("All statuses"), -1);
  for (auto status : kStatuses)
    status_choice_->addItem(RunTableModel::statusText(status), static_cast<int>(status));
  connect(status_choice_, &QComboBox::currentIndexChanged, this, [this] {
    const int status = status_choice_->currentData().toInt();
    proxy_->setStatus(status < 0 ? std::nullopt : std::optional(static_cast<core::RunStatus>(status)));
  });

  search_ = new QLineEdit(this);
  search_->setObjectName(QStringLiteral("searchRuns"));
  search_->setPlaceholderText(tr("Search id, name, notes, tags"));
  search_->setClearButtonEnabled(true);
  connect(search_, &QLineEdit::textChanged, proxy_, &RunFilterProxy::setSearchText);

  count_label_ = new QLabel(this);
  count_label_->setObjectName(QStringLiteral("runCount"));

  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(6, 0, 6, 0);
  row->addWidget(new QLabel(tr("Study:"), bar));
  row->addWidget(study_choice_);
  row->addWidget(new QLabel(tr("Status:"), bar));
  row->addWidget(status_choice_);
  row->addWidget(search_, 1);
  row->addWidget(count_label_);
  return bar;
}

void RunBrowser::createActions() {
  const auto make = [this](const QString& text, const char* name, const QString& tip, auto slot) {
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setToolTip(tip);
    connect(action, &QAction::triggered, this, slot);
    return action;
  };
  open_ = make(tr("Open"), "openRun", tr("Open the run (Enter)"), &RunBrowser::openCurrent);
  rename_ = make(tr("Rename"), "renameRun", tr("Rename the run (F2)"), &RunBrowser::renameCurrent);
  tags_ = make(tr("Tags…"), "tagRuns", tr("Edit the tags of the selected runs"), &RunBrowser::editTags);
  notes_ = make(tr("Notes…"), "editNotes", tr("Edit the run's notes"), &RunBrowser::editNotes);
  delete_ =
      make(tr("Delete"), "deleteRuns", tr("Delete the selected runs (Del)"), &RunBrowser::deleteSelected);
  compare_ = make(tr("Compare"), "compareRuns", tr("Compare the selected runs (two or more)"),
                  &RunBrowser::compareSelected);
  refresh_ = make(tr("Refresh"), "refreshRuns", tr("Re-read the run store (F5)"), &RunBrowser::refresh);

  open_->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
  rename_->setShortcut(QKeySequence(Qt::Key_F2));
  delete_->setShortcut(QKeySequence::Delete);
  refresh_->setShortcut(QKeySequence::Refresh);
  // Only while the table has focus: Enter in the rename editor must commit the name, and Del in
  // the search field must delete text, not runs.
  for (QAction* action : {open_, rename_, tags_, notes_, delete_, compare_}) {
    action->setShortcutContext(Qt::WidgetShortcut);
  }
  refresh_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  addAction(refresh_);

  // The table's context menu lists its actions; adding them to the table also scopes the shortcuts.
  auto* separator = new QAction(this);
  separator->setSeparator(true);
  view_->addActions({open_, rename_, tags_, notes_, delete_, separator, compare_});
}

void RunBrowser::setPrompts(RunBrowserPrompts prompts) {
  if (prompts.confirm) prompts_.confirm = std::move(prompts.confirm);
  if (prompts.askLine) prompts_.askLine = std::move(prompts.askLine);
  if (prompts.askMultiLine) prompts_.askMultiLine = std::move(prompts.askMultiLine);
  if (prompts.inform) prompts_.inform = std::move(prompts.inform);
}

void RunBrowser::updateActions() {
  const auto selected = selectedRunIds().size();
  open_->setEnabled(selected >= 1);
  rename_->setEnabled(selected == 1);
  tags_->setEnabled(selected >= 1);
  notes_->setEnabled(selected == 1);
  delete_->setEnabled(selected >= 1);
  compare_->setEnabled(selected >= 2);
}

void RunBrowser::updateCountLabel() {
  count_label_->setText(tr("%1 of %2 runs").arg(proxy_->rowCount()).arg(model_->rowCount()));
}

void RunBrowser::rebuildStudyChoices() {
  const QString chosen = study_choice_->currentData().toString();
  {
    // Rebuilding must not reach the filter half-way (it would briefly show every study).
    const QSignalBlocker quiet(study_choice_);
    study_choice_->clear();
    study_choice_->addItem(tr("All studies"), QString());
    for (const QString& study : model_->studies()) {
      const plugins::StudyPlugin* plugin = plugins_.find(study);
      study_choice_->addItem(plugin ? plugin->displayName() : study, study);
    }
    study_choice_->setCurrentIndex(std::max(0, study_choice_->findData(chosen)));
  }
  // The chosen study may have lost its last run; then the filter falls back to all studies.
  proxy_->setStudy(study_choice_->currentData().toString());
}

QStringList RunBrowser::selectedRunIds() const {
  QModelIndexList rows = view_->selectionModel()->selectedRows(RunTableModel::IdColumn);
  std::sort(rows.begin(), rows.end(),
            [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
  QStringList ids;
  for (const QModelIndex& index : rows) ids.append(index.data(RunTableModel::RunIdRole).toString());
  return ids;
}

QString RunBrowser::currentRunId() const {
  const QModelIndex current = view_->currentIndex();
  if (current.isValid() && view_->selectionModel()->isRowSelected(current.row(), {})) {
    return current.data(RunTableModel::RunIdRole).toString();
  }
  const QStringList selected = selectedRunIds();
  return selected.isEmpty() ? QString() : selected.front();
}

void RunBrowser::selectRuns(const QStringList& run_ids) {
  QItemSelection selection;
  QModelIndex first;
  for (const QString& id : run_ids) {
    const int source_row = model_->rowOf(id);
    if (source_row < 0) continue;
    const QModelIndex index = proxy_->mapFromSource(model_->index(source_row, 0));
    if (!index.isValid()) continue;  // filtered out
    selection.select(index, index);
    if (!first.isValid()) first = index;
  }
  auto* selection_model = view_->selectionModel();
  selection_model->clearSelection();
  if (first.isValid()) selection_model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
  selection_model->select(selection, QItemSelectionModel::Select | QItemSelectionModel::Rows);
  updateActions();
}

void RunBrowser::setDisplayFormat(const widgets::DisplayFormat& format) {
  model_->setDisplayFormat(format);
}

void RunBrowser::refresh() {
  const QStringList selected = selectedRunIds();
  const QString current = currentRunId();
  const QStringList metrics_before = model_->keyMetrics();
  model_->reload();
  rebuildStudyChoices();
  if (model_->keyMetrics() != metrics_before) view_->resizeColumnsToContents();
  // Current first, so it stays the run that Enter opens and F2 renames.
  QStringList ordered = selected;
  if (ordered.removeAll(current) > 0) ordered.prepend(current);
  selectRuns(ordered);
  updateCountLabel();
}

template <typename Write>
void RunBrowser::writeToStore(const QString& what, Write write) {
  try {
    write();
  } catch (const std::exception& error) {
    prompts_.inform(tr("Could not %1: %2").arg(what, q(error.what())));
  }
  refresh();
}

void RunBrowser::openCurrent() {
  const QString id = currentRunId();
  if (!id.isEmpty()) Q_EMIT openRunRequested(id);
}

void RunBrowser::renameCurrent() {
  const int source_row = model_->rowOf(currentRunId());
  if (source_row < 0) return;
  const QModelIndex name = proxy_->mapFromSource(model_->index(source_row, RunTableModel::NameColumn));
  view_->setCurrentIndex(name);
  view_->edit(name);  // the model's setData writes the new name to the store
}

void RunBrowser::editTags() {
  const QStringList ids = selectedRunIds();
  if (ids.isEmpty()) return;
  std::vector<TagList> current;
  for (const QString& id : ids) current.push_back(model_->record(model_->rowOf(id)).tags);
  const TagList before = commonTags(current);
  const QString label = ids.size() == 1
                            ? tr("Tags of run %1, separated by commas:").arg(ids.front())
                            : tr("Tags shared by the %1 selected runs, separated by commas:").arg(ids.size());
  const std::optional<QString> answer = prompts_.askLine(tr("Tags"), label, tagLine(before));
  if (!answer) return;
  const TagList after = parseTagLine(*answer);
  writeToStore(tr("change tags"), [&] {
    for (size_t i = 0; i < current.size(); ++i) {
      store_.setTags(ids[static_cast<int>(i)].toStdString(), applyTagEdit(current[i], before, after));
    }
  });
}

void RunBrowser::editNotes() {
  const QString id = currentRunId();
  const int row = model_->rowOf(id);
  if (row < 0) return;
  const std::optional<QString> answer =
      prompts_.askMultiLine(tr("Notes"), tr("Notes on run %1:").arg(id), q(model_->record(row).notes));
  if (!answer) return;
  writeToStore(tr("save the notes"), [&] { store_.setNotes(id.toStdString(), answer->toStdString()); });
}

void RunBrowser::deleteSelected() {
  const QStringList ids = selectedRunIds();
  if (ids.isEmpty()) return;
  QStringList running, described;
  for (const QString& id : ids) {
    const core::RunRecord& record = model_->record(model_->rowOf(id));
    if (record.status == core::RunStatus::Running) running.append(id);
    described.append(record.name.empty() ? id : tr("%1 (%2)").arg(q(record.name), id));
  }
  // A running run still has a job writing to it; deleting it would orphan that job's writes.
  if (!running.isEmpty()) {
    prompts_.inform(
        tr("Cannot delete running runs: %1. Cancel them first.").arg(running.join(QStringLiteral(", "))));
    return;
  }
  // Plain plural forms: the app ships no English translation that would resolve "%n run(s)".
  const QString question =
      (ids.size() == 1 ? tr("Delete this run? This cannot be undone.\n\n%1")
                       : tr("Delete these %1 runs? This cannot be undone.\n\n%2").arg(ids.size()))
          .arg(described.join(QStringLiteral("\n")));
  if (!prompts_.confirm(question)) return;
  writeToStore(tr("delete runs"), [&] {
    for (const QString& id : ids) store_.deleteRun(id.toStdString());
  });
}

void RunBrowser::compareSelected() {
  const QStringList ids = selectedRunIds();
  if (ids.size() >= 2) Q_EMIT compareRunsRequested(ids);
}

}  // namespace routescope::app
