#include "app/gui/run_browser/run_browser.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <set>

#include "app/gui/run_browser/run_table_model.h"
#include "plugins/sdk/plugin_loader.h"
#include "sample_runs.h"

using namespace routescope;
using routescope::app::RunBrowser;
using routescope::app::RunTableModel;

namespace {

class RunBrowserTest : public ::testing::Test {
 protected:
  RunBrowserTest() : browser(*runs.store, plugins) {
    // Answers nobody gave are failures: a test that reaches an unexpected dialog must say so.
    app::RunBrowserPrompts prompts;
    prompts.confirm = [this](const QString& question) {
      questions.append(question);
      return confirm_answer;
    };
    prompts.askLine = [this](const QString&, const QString& label, const QString& text) {
      asked_labels.append(label);
      asked_texts.append(text);
      return line_answer;
    };
    prompts.askMultiLine = [this](const QString&, const QString&, const QString& text) {
      asked_texts.append(text);
      return notes_answer;
    };
    prompts.inform = [this](const QString& message) { messages.append(message); };
    browser.setPrompts(prompts);
    browser.resize(1100, 360);
  }

  QTableView* table() const { return browser.findChild<QTableView*>("runTable"); }
  QAction* action(const char* name) const { return browser.findChild<QAction*>(name); }
  int rows() const { return table()->model()->rowCount(); }
  // Ids in the order the table shows them.
  QStringList shownIds() const {
    QStringList ids;
    for (int r = 0; r < rows(); ++r)
      ids.append(table()->model()->index(r, 0).data(RunTableModel::RunIdRole).toString());
    return ids;
  }
  std::set<QString> shownSet() const {
    const QStringList ids = shownIds();
    return {ids.begin(), ids.end()};
  }
  QString cell(const std::string& id, int column) const {
    const int row = static_cast<int>(shownIds().indexOf(QString::fromStdString(id)));
    return row < 0 ? QStringLiteral("<absent>") : table()->model()->index(row, column).data().toString();
  }
  int metricColumn(const QString& metric) const {
    for (int c = RunTableModel::FirstMetricColumn; c < table()->model()->columnCount(); ++c) {
      if (table()->model()->headerData(c, Qt::Horizontal).toString() == metric) return c;
    }
    return -1;
  }
  void select(std::initializer_list<std::string> ids) {
    QStringList list;
    for (const auto& id : ids) list.append(QString::fromStdString(id));
    browser.selectRuns(list);
  }
  static void choose(QComboBox* combo, const QVariant& data) {
    const int index = combo->findData(data);
    ASSERT_GE(index, 0) << data.toString().toStdString();
    combo->setCurrentIndex(index);
  }

  app::test::SampleRuns runs;
  plugins::LoadedPlugins plugins;
  RunBrowser browser;
  QStringList questions, messages, asked_labels, asked_texts;
  bool confirm_answer = false;
  std::optional<QString> line_answer, notes_answer;
};

QString q(const std::string& text) {
  return QString::fromStdString(text);
}

TEST_F(RunBrowserTest, RowsAndColumnsShowTheRunsOfTheStore) {
  EXPECT_EQ(rows(), 4);
  // Fixed columns, then the preferred key metrics in order of preference.
  ASSERT_EQ(table()->model()->columnCount(), RunTableModel::FirstMetricColumn + 3);
  EXPECT_EQ(table()->model()->headerData(RunTableModel::FirstMetricColumn, Qt::Horizontal).toString(),
            "peak_gflops");
  EXPECT_EQ(table()->model()->headerData(RunTableModel::FirstMetricColumn + 1, Qt::Horizontal).toString(),
            "valid_loss");
  EXPECT_EQ(table()->model()->headerData(RunTableModel::FirstMetricColumn + 2, Qt::Horizontal).toString(),
            "train_loss");

  EXPECT_EQ(cell(runs.baseline, RunTableModel::IdColumn), q(runs.baseline));
  EXPECT_EQ(cell(runs.baseline, RunTableModel::NameColumn), "baseline");
  EXPECT_EQ(cell(runs.baseline, RunTableModel::StudyColumn), "system");
  EXPECT_EQ(cell(runs.baseline, RunTableModel::KindColumn), "gemm");
  EXPECT_EQ(cell(runs.baseline, RunTableModel::StatusColumn), "completed");
  EXPECT_EQ(cell(runs.baseline, RunTableModel::DurationColumn), "1:01:40");
  EXPECT_EQ(cell(runs.baseline, metricColumn("peak_gflops")), "100.000");
  EXPECT_EQ(cell(runs.baseline, metricColumn("train_loss")), "");
  EXPECT_EQ(cell(runs.tuned, RunTableModel::DurationColumn), "1:40");
  EXPECT_EQ(cell(runs.tuned, metricColumn("peak_gflops")), "9.500");
  EXPECT_EQ(cell(runs.failed, RunTableModel::StatusColumn), "failed");
  EXPECT_EQ(cell(runs.failed, metricColumn("valid_loss")), "3.000");
  EXPECT_EQ(cell(runs.failed, metricColumn("train_loss")), "2.500");
  EXPECT_EQ(cell(runs.running, RunTableModel::StatusColumn), "running");
  EXPECT_EQ(cell(runs.running, metricColumn("train_loss")), "4.000");
  // Newest first by default.
  EXPECT_EQ(shownIds().back(), q(runs.baseline));
  EXPECT_EQ(browser.findChild<QLabel*>("runCount")->text(), "4 of 4 runs");
}

TEST_F(RunBrowserTest, DisplayFormatFromSettingsAppliesToDurationsAndMetrics) {
  browser.setDisplayFormat({1, false, widgets::DurationStyle::Seconds});
  EXPECT_EQ(cell(runs.baseline, RunTableModel::DurationColumn), QLocale().toString(3700) + " s");
  EXPECT_EQ(cell(runs.tuned, metricColumn("peak_gflops")), "9.5");
  browser.setDisplayFormat({2, true, widgets::DurationStyle::Clock});
  EXPECT_EQ(cell(runs.baseline, RunTableModel::DurationColumn), "1:01:40");
  EXPECT_EQ(cell(runs.tuned, metricColumn("peak_gflops")), "9.50e+00");
}

TEST_F(RunBrowserTest, DurationsAndMetricsSortAsNumbers) {
  // As text "1:01:40" < "1:40" and "100" < "9.5"; as numbers the other way round.
  table()->sortByColumn(RunTableModel::DurationColumn, Qt::AscendingOrder);
  EXPECT_LT(shownIds().indexOf(q(runs.tuned)), shownIds().indexOf(q(runs.baseline)));
  table()->sortByColumn(RunTableModel::DurationColumn, Qt::DescendingOrder);
  EXPECT_EQ(shownIds().front(), q(runs.baseline));

  table()->sortByColumn(metricColumn("peak_gflops"), Qt::AscendingOrder);
  EXPECT_EQ(shownIds().mid(0, 2), QStringList({q(runs.tuned), q(runs.baseline)}));  // runs without it go last
  table()->sortByColumn(metricColumn("peak_gflops"), Qt::DescendingOrder);
  EXPECT_EQ(shownIds().mid(0, 2), QStringList({q(runs.baseline), q(runs.tuned)}));  // and last again
}

TEST_F(RunBrowserTest, StudyStatusAndSearchFiltersNarrowTheRows) {
  auto* study = browser.findChild<QComboBox*>("studyFilter");
  auto* status = browser.findChild<QComboBox*>("statusFilter");
  auto* search = browser.findChild<QLineEdit*>("searchRuns");
  ASSERT_TRUE(study && status && search);
  EXPECT_EQ(study->count(), 3);  // All, moe, system

  choose(study, "moe");
  EXPECT_EQ(shownSet(), std::set<QString>({q(runs.failed), q(runs.running)}));
  choose(status, static_cast<int>(core::RunStatus::Failed));
  EXPECT_EQ(shownIds(), QStringList({q(runs.failed)}));
  EXPECT_EQ(browser.findChild<QLabel*>("runCount")->text(), "1 of 4 runs");
  choose(study, QString());
  choose(status, -1);
  EXPECT_EQ(rows(), 4);

  search->setText("OPENBLAS");  // notes, any case
  EXPECT_EQ(shownIds(), QStringList({q(runs.tuned)}));
  search->setText("fast");  // a tag
  EXPECT_EQ(shownIds(), QStringList({q(runs.baseline)}));
  search->setText("moe sm");  // part of a name
  EXPECT_EQ(shownIds(), QStringList({q(runs.failed)}));
  search->setText(q(runs.running.substr(0, 6)));  // an id prefix
  EXPECT_EQ(shownIds(), QStringList({q(runs.running)}));
  search->setText("cpu");
  EXPECT_EQ(rows(), 2);
  search->clear();
  EXPECT_EQ(rows(), 4);
}

TEST_F(RunBrowserTest, RenameEditsTheNameCellAndWritesTheStore) {
  browser.show();
  select({runs.tuned});
  action("renameRun")->trigger();
  auto* editor = table()->viewport()->findChild<QLineEdit*>();
  ASSERT_NE(editor, nullptr) << "F2 should open an editor on the name column";
  EXPECT_EQ(editor->text(), "tuned");
  editor->setText("  tuned v2 ");
  QTest::keyClick(editor, Qt::Key_Return);
  QCoreApplication::processEvents();  // the delegate commits through a queued call
  EXPECT_EQ(runs.store->run(runs.tuned).name, "tuned v2");
  EXPECT_EQ(cell(runs.tuned, RunTableModel::NameColumn), "tuned v2");
}

TEST_F(RunBrowserTest, TagsAndNotesDialogsWriteTheStore) {
  select({runs.baseline});
  line_answer = "gpu, fast , gpu,";
  action("tagRuns")->trigger();
  EXPECT_EQ(asked_texts.value(0), "fast, cpu");
  EXPECT_EQ(runs.store->run(runs.baseline).tags, (std::vector<std::string>{"fast", "gpu"}));

  // Several runs: the dialog edits the tags they share; each keeps its others.
  select({runs.baseline, runs.failed});
  asked_texts.clear();
  line_answer = "gpu, reviewed";
  runs.store->setTags(runs.failed, {"paper", "gpu"});
  browser.refresh();
  action("tagRuns")->trigger();
  EXPECT_EQ(asked_texts.value(0), "gpu");
  EXPECT_EQ(runs.store->run(runs.baseline).tags, (std::vector<std::string>{"fast", "gpu", "reviewed"}));
  EXPECT_EQ(runs.store->run(runs.failed).tags, (std::vector<std::string>{"paper", "gpu", "reviewed"}));

  select({runs.tuned});
  asked_texts.clear();
  notes_answer = "first line\nsecond line";
  action("editNotes")->trigger();
  EXPECT_EQ(asked_texts.value(0), "openblas build");
  EXPECT_EQ(runs.store->run(runs.tuned).notes, "first line\nsecond line");

  // Cancelling a dialog writes nothing.
  notes_answer.reset();
  action("editNotes")->trigger();
  EXPECT_EQ(runs.store->run(runs.tuned).notes, "first line\nsecond line");
  EXPECT_EQ(browser.selectedRunIds(), QStringList({q(runs.tuned)}));  // the selection survives
  EXPECT_TRUE(messages.isEmpty()) << messages.join('\n').toStdString();
}

TEST_F(RunBrowserTest, DeleteAsksFirstAndDeclinedDeletesNothing) {
  select({runs.baseline, runs.tuned});
  confirm_answer = false;
  action("deleteRuns")->trigger();
  ASSERT_EQ(questions.size(), 1);
  EXPECT_TRUE(questions[0].contains("baseline (" + q(runs.baseline) + ")")) << questions[0].toStdString();
  EXPECT_TRUE(questions[0].contains("tuned (" + q(runs.tuned) + ")")) << questions[0].toStdString();
  EXPECT_TRUE(questions[0].startsWith("Delete these 2 runs?")) << questions[0].toStdString();
  EXPECT_EQ(runs.store->listRuns().size(), 4u);
  EXPECT_EQ(rows(), 4);

  confirm_answer = true;
  action("deleteRuns")->trigger();
  EXPECT_FALSE(runs.store->findRun(runs.baseline));
  EXPECT_FALSE(runs.store->findRun(runs.tuned));
  EXPECT_EQ(runs.store->listRuns().size(), 2u);
  EXPECT_EQ(shownSet(), std::set<QString>({q(runs.failed), q(runs.running)}));
  // The study of the deleted runs is gone from the filter too.
  EXPECT_EQ(browser.findChild<QComboBox*>("studyFilter")->findData("system"), -1);
}

TEST_F(RunBrowserTest, RunningRunsAreNotDeleted) {
  select({runs.running, runs.failed});
  confirm_answer = true;
  action("deleteRuns")->trigger();
  EXPECT_TRUE(questions.isEmpty());
  ASSERT_EQ(messages.size(), 1);
  EXPECT_TRUE(messages[0].contains(q(runs.running))) << messages[0].toStdString();
  EXPECT_TRUE(runs.store->findRun(runs.running));
  EXPECT_TRUE(runs.store->findRun(runs.failed));
  EXPECT_EQ(rows(), 4);
}

TEST_F(RunBrowserTest, CompareNeedsTwoRunsAndEmitsTheSelectedIds) {
  QSignalSpy compare(&browser, &RunBrowser::compareRunsRequested);
  QSignalSpy open(&browser, &RunBrowser::openRunRequested);
  select({runs.baseline});
  EXPECT_FALSE(action("compareRuns")->isEnabled());
  action("openRun")->trigger();
  ASSERT_EQ(open.size(), 1);
  EXPECT_EQ(open[0][0].toString(), q(runs.baseline));

  select({runs.baseline, runs.tuned});
  EXPECT_TRUE(action("compareRuns")->isEnabled());
  EXPECT_FALSE(action("renameRun")->isEnabled());
  action("compareRuns")->trigger();
  ASSERT_EQ(compare.size(), 1);
  const QStringList ids = compare[0][0].toStringList();
  EXPECT_EQ(std::set<QString>(ids.begin(), ids.end()), std::set<QString>({q(runs.baseline), q(runs.tuned)}));
}

TEST_F(RunBrowserTest, KeyboardEnterOpensF2RenamesDelDeletes) {
  browser.show();
  browser.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&browser));
  table()->setFocus();
  select({runs.failed});
  QSignalSpy open(&browser, &RunBrowser::openRunRequested);
  QTest::keyClick(table(), Qt::Key_Return);
  ASSERT_EQ(open.size(), 1);
  EXPECT_EQ(open[0][0].toString(), q(runs.failed));

  confirm_answer = false;
  QTest::keyClick(table(), Qt::Key_Delete);
  EXPECT_EQ(questions.size(), 1);

  QTest::keyClick(table(), Qt::Key_F2);
  auto* editor = table()->viewport()->findChild<QLineEdit*>();
  ASSERT_NE(editor, nullptr);
  editor->setText("renamed by keyboard");
  QTest::keyClick(editor, Qt::Key_Return);  // commits the name; does not open the run
  QCoreApplication::processEvents();
  EXPECT_EQ(runs.store->run(runs.failed).name, "renamed by keyboard");
  EXPECT_EQ(open.size(), 1);
}

TEST_F(RunBrowserTest, RefreshShowsNewRunsAndKeepsTheSelection) {
  select({runs.tuned, runs.failed});
  const std::string added =
      runs.store->beginRun(app::test::newRun("traffic", "ue", nlohmann::json::object(), "added later"));
  browser.refresh();
  EXPECT_EQ(rows(), 5);
  EXPECT_EQ(cell(added, RunTableModel::NameColumn), "added later");
  const QStringList selected = browser.selectedRunIds();
  EXPECT_EQ(std::set<QString>(selected.begin(), selected.end()),
            std::set<QString>({q(runs.tuned), q(runs.failed)}));
  EXPECT_GE(browser.findChild<QComboBox*>("studyFilter")->findData("traffic"), 0);
}

TEST_F(RunBrowserTest, Screenshot) {
  select({runs.tuned});
  browser.show();
  app::test::saveScreenshot(browser, "run_browser.png");
}

}  // namespace
