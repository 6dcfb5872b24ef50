// The MoE plugin's views on synthetic traces with known routing, stored as trace artifacts of a
// run in a temporary RunStore (QT_QPA_PLATFORM=offscreen): heatmap values, pixel colours and token
// labels, re-colouring per checkpoint (timed, printed, never asserted), exports at the requested
// size, the run view with its slider and export, the analysis figures and the demo story's text.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <cmath>
#include <cstdio>

#include "backend/core/run_store.h"
#include "backend/moe/analysis/run_analysis.h"
#include "backend/moe/trace_store.h"
#include "plugins/moe/analysis_figures.h"
#include "plugins/moe/csv_figure.h"
#include "plugins/moe/demo_story.h"
#include "plugins/moe/moe_run_view.h"
#include "plugins/moe/routing_heatmap_view.h"
#include "plugins/moe/run_analysis_cache.h"
#include "plugins/moe/summary_figures.h"
#include "widgets/heatmap/colormap.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::plugins::moe {
namespace {

namespace rm = routescope::moe;

struct Shape {
  int sequences = 2;
  int length = 40;
  int layers = 2;
  int experts = 4;
  int vocab = 16;
};

// Known routing: token id v in layer l goes first to expert (v + l) % E with probability
// 0.4 + step / 100 and second to (v + l + 1) % E with 0.2; from position 30 on the second choice
// is dropped. Token ids cycle through the vocabulary; piece 1 has a leading space.
rm::RoutingTrace knownTrace(int64_t step, const Shape& shape = {}) {
  rm::RoutingTrace t;
  t.layers = shape.layers;
  t.experts = shape.experts;
  t.top_k = 2;
  t.checkpoint_step = step;
  t.router = "linear";
  t.run_id = "synthetic";
  for (int v = 0; v < shape.vocab; ++v) t.pieces.push_back(v == 1 ? " the" : "w" + std::to_string(v));
  for (int s = 0; s < shape.sequences; ++s) {
    rm::TraceSequence sequence;
    sequence.domain = s % 2 == 0 ? "code" : "english";
    for (int p = 0; p < shape.length; ++p) {
      const int v = (p * 7 + s * 3) % shape.vocab;
      sequence.token_ids.push_back(v);
      for (int l = 0; l < shape.layers; ++l) {
        t.expert_ids.push_back(int16_t((v + l) % shape.experts));
        t.expert_ids.push_back(int16_t((v + l + 1) % shape.experts));
        t.probs.push_back(0.4f + float(step) / 100.0f);
        t.probs.push_back(0.2f);
        t.dropped.push_back(0);
        t.dropped.push_back(p >= 30 ? 1 : 0);
      }
    }
    t.sequences.push_back(std::move(sequence));
  }
  t.validate();
  return t;
}

// A run with traces at `steps`, in a store under `dir`.
struct StoredRun {
  std::unique_ptr<core::RunStore> store;
  std::string id;
  RunData data;
};

StoredRun storeRun(const QString& dir, const std::vector<int64_t>& steps, const Shape& shape = {}) {
  StoredRun run;
  run.store = std::make_unique<core::RunStore>((dir + "/runs.sqlite").toStdString());
  core::NewRun spec;
  spec.study = "moe";
  spec.kind = "train";
  spec.config = {{"preset", "demo"}, {"model", {{"router", "linear"}}}};
  run.id = run.store->beginRun(spec);
  for (const int64_t step : steps) {
    const auto bytes = rm::writeTrace(knownTrace(step, shape));
    run.store->putArtifact(run.id, rm::traceArtifactName(step), bytes);
  }
  run.store->finishRun(run.id, core::RunStatus::Completed);
  run.data = loadRunData(*run.store, run.id);
  return run;
}

QColor expected(float p) {
  return QColor::fromRgb(widgets::Colormap(widgets::ColormapKind::Viridis).map(p, 0.0f, 1.0f));
}

// The colour painted at the centre of cell (row, col) when `view` renders into `size`.
QColor cellColour(RoutingHeatmapView& view, int row, int col, QSize size = {1200, 700}) {
  QImage image(size, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  const QRectF target(QPointF(0, 0), QSizeF(size));
  view.paintFigure(painter, target);
  painter.end();
  const widgets::HeatmapLayout layout = view.heatmap()->figureLayout(target);
  const QRectF region = view.heatmap()->visibleRegion();
  const double x = layout.plot.left() + (col + 0.5 - region.left()) * layout.plot.width() / region.width();
  const double y = layout.plot.top() + (row + 0.5 - region.top()) * layout.plot.height() / region.height();
  return image.pixelColor(int(x), int(y));
}

bool near(const QColor& a, const QColor& b, int tolerance = 3) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

std::string describe(const QColor& c) {
  return c.name().toStdString();
}

class MoeViewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.isValid());
    // Keeps the analysis disk cache inside the temporary folder.
    QStandardPaths::setTestModeEnabled(true);
    clearAnalysisMemoryCache();
  }
  QTemporaryDir dir_;
};

TEST_F(MoeViewsTest, HeatmapSourceHoldsTheRouterProbabilitiesOfTheKnownRouting) {
  auto run = storeRun(dir_.path(), {10, 20, 30});
  const auto series = loadTraceSeries(run.data);
  ASSERT_EQ(series->steps, (std::vector<int64_t>{10, 20, 30}));
  RoutingHeatmapSource source(series);
  EXPECT_EQ(source.rows(), 2 * 4);
  EXPECT_EQ(source.cols(), 80);
  EXPECT_EQ(source.stepIndex(), 2u);
  // Token 1 (sequence 0, position 1) has id 7: layer 0 → experts 3 (0.7) and 0 (0.2).
  EXPECT_FLOAT_EQ(source.value(3, 1), 0.7f);
  EXPECT_FLOAT_EQ(source.value(0, 1), 0.2f);
  EXPECT_TRUE(std::isnan(source.value(1, 1)));  // not chosen: not recorded, not 0
  // Layer 1 → experts 0 (0.7) and 1 (0.2), rows 4 + e.
  EXPECT_FLOAT_EQ(source.value(4, 1), 0.7f);
  EXPECT_FLOAT_EQ(source.value(5, 1), 0.2f);
  source.setStepIndex(0);
  EXPECT_FLOAT_EQ(source.value(3, 1), 0.5f);
  // Labels: readable pieces, a leading space made visible.
  EXPECT_EQ(source.colLabel(0), QStringLiteral("w0"));
  EXPECT_EQ(source.colLabel(1), QStringLiteral("w7"));
  EXPECT_EQ(source.colLabel(7), QString::fromUtf8("\u2423the"));  // id (49 % 16) = 1
  EXPECT_EQ(source.rowLabel(5), QStringLiteral("L1 e1"));
  // Drops: the second choice from position 30 on, in both layers of both sequences.
  EXPECT_EQ(source.dropMarks().size(), size_t(2 * 10 * 2));
  // The domain filter keeps the other sequence's tokens only.
  RoutingHeatmapSource english(series, QStringLiteral("english"));
  EXPECT_EQ(english.cols(), 40);
  EXPECT_EQ(english.tokenAt(0), 40);
  EXPECT_EQ(traceDomains(*series), (QStringList{"code", "english"}));
}

TEST_F(MoeViewsTest, HeatmapPaintsTheExpectedColoursAndRecoloursPerCheckpoint) {
  auto run = storeRun(dir_.path(), {10, 20, 30});
  RoutingHeatmapView view;
  view.resize(1200, 700);
  view.setTraces(loadTraceSeries(run.data));
  EXPECT_EQ(view.step(), 30);
  const QColor top1 = cellColour(view, 3, 1);
  EXPECT_TRUE(near(top1, expected(0.7f))) << describe(top1) << " vs " << describe(expected(0.7f));
  const QColor second = cellColour(view, 0, 1);
  EXPECT_TRUE(near(second, expected(0.2f))) << describe(second);
  const QColor unchosen = cellColour(view, 1, 1);
  EXPECT_TRUE(near(unchosen, view.heatmap()->nanColor())) << describe(unchosen);

  view.slider()->setValue(0);  // as the user drags it
  EXPECT_EQ(view.step(), 10);
  const QColor early = cellColour(view, 3, 1);
  EXPECT_TRUE(near(early, expected(0.5f))) << describe(early) << " vs " << describe(expected(0.5f));
  std::printf("[ timing ] re-colour of the 80-token trace: %.2f ms\n", view.lastRecolourMs());
  EXPECT_TRUE(view.heatmap()->title().contains(QStringLiteral("step 10")));

  // Clicking a token shows its path through the layers.
  view.selectColumn(1);
  const QString panel = view.tokenPanel()->toPlainText();
  EXPECT_TRUE(panel.contains(QStringLiteral("w7"))) << panel.toStdString();
  EXPECT_TRUE(panel.contains(QString::fromUtf8("e3 → e0"))) << panel.toStdString();
  view.selectColumn(31);  // position 31: second choices dropped
  EXPECT_TRUE(view.tokenPanel()->toPlainText().contains(QStringLiteral("dropped")));
}

TEST_F(MoeViewsTest, RecolouringADemoSizedTraceIsMeasured) {
  // The demo preset traces 8192 tokens of a 4-layer, 8-expert, top-2 model at 8 checkpoints.
  Shape shape;
  shape.sequences = 64;
  shape.length = 128;
  shape.layers = 4;
  shape.experts = 8;
  shape.vocab = 2048;
  auto run = storeRun(dir_.path(), {10, 25, 50, 100, 150, 200, 300, 400}, shape);
  QElapsedTimer load;
  load.start();
  const auto series = loadTraceSeries(run.data);
  const double load_ms = double(load.nsecsElapsed()) / 1e6;
  RoutingHeatmapView view;
  view.resize(1400, 800);
  view.setTraces(series);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view, 5000));
  double total = 0, worst = 0;
  for (int i = 0; i < 8; ++i) {
    view.setStepIndex(i);
    total += view.lastRecolourMs();
    worst = std::max(worst, view.lastRecolourMs());
  }
  // Zoomed out to all 8192 tokens: the expensive case for the tiles.
  view.heatmap()->resetView();
  double zoomed_out = 0;
  for (int i = 7; i >= 0; --i) {
    view.setStepIndex(i);
    zoomed_out = std::max(zoomed_out, view.lastRecolourMs());
  }
  std::printf(
      "[ timing ] demo-sized trace (8192 tokens x 4 layers x 8 experts, 8 checkpoints): load %.1f ms; "
      "re-colour per step mean %.2f ms, worst %.2f ms (96 tokens shown), worst %.2f ms (all 8192 shown)\n",
      load_ms, total / 8, worst, zoomed_out);
  EXPECT_EQ(view.step(), 10);
}

TEST_F(MoeViewsTest, HeatmapExportsHaveTheRequestedSizeAndCsvHasEveryToken) {
  auto run = storeRun(dir_.path(), {10, 20});
  RoutingHeatmapView view;
  view.setTraces(loadTraceSeries(run.data));
  const QString png = dir_.filePath("heatmap.png");
  ASSERT_EQ(exportFigureFile(view, png, QSize(800, 500)), QString());
  EXPECT_EQ(QImage(png).size(), QSize(800, 500));
  const QString svg = dir_.filePath("heatmap.svg");
  ASSERT_EQ(exportFigureFile(view, svg, QSize(640, 480)), QString());
  QFile svg_file(svg);
  ASSERT_TRUE(svg_file.open(QIODevice::ReadOnly));
  const QByteArray svg_text = svg_file.readAll();
  EXPECT_TRUE(svg_text.contains("width=\"640") || svg_text.contains("width=\"169"))
      << svg_text.left(400).data();
  const QString pdf = dir_.filePath("heatmap.pdf");
  ASSERT_EQ(exportFigureFile(view, pdf, QSize(640, 480)), QString());
  EXPECT_GT(QFileInfo(pdf).size(), 1000);
  const QString csv = dir_.filePath("heatmap.csv");
  ASSERT_EQ(exportFigureFile(view, csv), QString());
  QFile csv_file(csv);
  ASSERT_TRUE(csv_file.open(QIODevice::ReadOnly));
  const QStringList lines = QString::fromUtf8(csv_file.readAll()).split('\n', Qt::SkipEmptyParts);
  ASSERT_EQ(lines.size(), 81);
  EXPECT_TRUE(lines[0].startsWith(QStringLiteral("step,token,sequence,position,domain,piece,L0.e0")));
  EXPECT_TRUE(lines[2].startsWith(QStringLiteral("20,1,0,1,code,w7,0.2,,,0.6,")));
  EXPECT_TRUE(lines[32].endsWith(QStringLiteral("L0.e2 L1.e3")));  // token 31 (id 9): second choices dropped
}

TEST_F(MoeViewsTest, RunViewAnalysesOffTheGuiThreadMovesTheSliderAndExports) {
  auto run = storeRun(dir_.path(), {10, 20, 30});
  MoeRunView view(run.data, {});
  view.resize(1400, 850);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view, 5000));
  ASSERT_TRUE(QTest::qWaitFor([&] { return view.isReady(); }, 60000));
  ASSERT_TRUE(view.analysis().is_object());
  EXPECT_EQ(view.analysis().value("step", int64_t(0)), 30);
  for (const char* name : {"routing-heatmap", "specialisation", "routing-agreement", "drop-by-position",
                           "domain-radar", "cross-layer-mi", "expert-load"})
    EXPECT_NE(view.figure(QString::fromLatin1(name)), nullptr) << name;
  EXPECT_EQ(view.figure(QStringLiteral("gru-states")), nullptr);  // a linear router has no states
  // A demo run opens on its findings.
  EXPECT_EQ(view.tabs()->currentIndex(), 0);
  EXPECT_GT(view.story()->stepCount(), 5);
  EXPECT_FALSE(view.story()->currentText().isEmpty());

  ASSERT_TRUE(view.showFigure(QStringLiteral("routing-heatmap")));
  view.heatmap()->slider()->setValue(1);
  EXPECT_EQ(view.heatmap()->step(), 20);
  const QString png = dir_.filePath("run-heatmap.png");
  ASSERT_EQ(view.exportCurrent(png, QSize(1000, 600)), QString());
  EXPECT_EQ(QImage(png).size(), QSize(1000, 600));

  ASSERT_TRUE(view.showFigure(QStringLiteral("drop-by-position")));
  const QString csv = dir_.filePath("drop.csv");
  ASSERT_EQ(view.exportCurrent(csv), QString());
  EXPECT_GT(QFileInfo(csv).size(), 20);

  // The analysis is cached per run: a second view finds it at once.
  EXPECT_TRUE(cachedAnalysis(run.data).has_value());

  // Screenshots for the docs, when asked for.
  const QString shots = qEnvironmentVariable("ROUTESCOPE_SCREENSHOT_DIR");
  if (!shots.isEmpty()) {
    QDir().mkpath(shots);
    view.heatmap()->selectColumn(31);
    view.showFigure(QStringLiteral("routing-heatmap"));
    view.grab().save(shots + "/moe-routing-heatmap.png");
    view.tabs()->setCurrentIndex(0);
    view.story()->showStep(1);
    view.grab().save(shots + "/moe-demo-story.png");
    for (const char* name : {"specialisation", "routing-agreement", "drop-by-position", "domain-radar",
                             "cross-layer-mi", "expert-load"}) {
      view.showFigure(QString::fromLatin1(name));
      view.grab().save(shots + "/moe-" + QString::fromLatin1(name) + ".png");
    }
  }
}

TEST_F(MoeViewsTest, AnalysisFiguresDrawAndExportTheirData) {
  auto run = storeRun(dir_.path(), {10, 20, 30});
  const nlohmann::json analysis = analysisOf(run.data);
  for (const QString& name : analysisFigureNames(analysis)) {
    auto figure = createAnalysisFigure(analysis, name);
    ASSERT_NE(figure, nullptr) << name.toStdString();
    EXPECT_EQ(figure->figureName(), name);
    EXPECT_FALSE(figureExplanation(name).isEmpty());
    const QString png = dir_.filePath(name + ".png");
    ASSERT_EQ(exportFigureFile(*figure, png, QSize(600, 400)), QString()) << name.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(600, 400)) << name.toStdString();
    const QString csv = dir_.filePath(name + ".csv");
    ASSERT_EQ(exportFigureFile(*figure, csv), QString()) << name.toStdString();
    EXPECT_GT(QFileInfo(csv).size(), 10) << name.toStdString();
  }
  // Agreement of the known routing: the top-1 choices never change, so 1 at every checkpoint.
  for (const auto& v : analysis["early_learning"]["agreement_with_final"])
    EXPECT_DOUBLE_EQ(v.get<double>(), 1.0);
}

// --- comparisons and checkpoint router weights ----------------------------------------------------

// Writes `figure` to ROUTESCOPE_MOE_SCREENSHOTS/<file> when that variable names a folder
// (docs/screenshots); otherwise nothing.
void screenshot(widgets::Figure& figure, const QString& file, QSize size) {
  const QString folder = qEnvironmentVariable("ROUTESCOPE_MOE_SCREENSHOTS");
  if (folder.isEmpty()) return;
  EXPECT_EQ(exportFigureFile(figure, QDir(folder).filePath(file), size), QString());
}

// Exports every figure as PNG at 640 x 420, SVG and CSV; returns the CSVs by figure name.
QHash<QString, QString> exportAll(const QString& dir, const RunData& run, const QStringList& names) {
  QHash<QString, QString> csvs;
  for (const QString& name : names) {
    auto figure = createSummaryFigure(run, name);
    EXPECT_NE(figure, nullptr) << name.toStdString();
    if (!figure) continue;
    EXPECT_EQ(figure->figureName(), name);
    EXPECT_FALSE(figureExplanation(name).isEmpty()) << name.toStdString();
    EXPECT_NE(figureTitle(name), name) << name.toStdString();
    const QString png = QDir(dir).filePath(name + ".png");
    EXPECT_EQ(exportFigureFile(*figure, png, QSize(640, 420)), QString()) << name.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(640, 420)) << name.toStdString();
    EXPECT_EQ(exportFigureFile(*figure, QDir(dir).filePath(name + ".svg")), QString()) << name.toStdString();
    const QString csv = QDir(dir).filePath(name + ".csv");
    EXPECT_EQ(exportFigureFile(*figure, csv), QString()) << name.toStdString();
    QFile file(csv);
    if (file.open(QIODevice::ReadOnly)) csvs[name] = QString::fromUtf8(file.readAll());
    screenshot(*figure, QStringLiteral("moe-%1.png").arg(name), QSize(1200, 700));
  }
  return csvs;
}

QString storyText(const QList<DemoStep>& story, const QString& figure);  // below, with the story tests

// Two linear runs differing only in seed and a GRU run; the second linear run routes 1 in 5
// choices at random and learns later, so that the runs differ visibly.
TEST_F(MoeViewsTest, ComparisonRunShowsEveryRunSideBySideAndExports) {
  core::RunStore store(dir_.filePath("runs.sqlite").toStdString());
  Shape shape;
  shape.sequences = 8;
  shape.length = 64;
  shape.vocab = 24;
  std::vector<std::string> ids;
  const std::pair<const char*, uint64_t> runs[] = {{"linear", 1}, {"linear", 2}, {"gru", 1}};
  for (size_t r = 0; r < 3; ++r) {
    core::NewRun spec;
    spec.study = "moe";
    spec.kind = "train";
    spec.config = {{"model", {{"router", runs[r].first}}}};
    spec.seed = runs[r].second;
    const std::string id = store.beginRun(spec);
    uint32_t lcg = 12345u + uint32_t(r);
    for (const int64_t step : {10, 20, 30, 40}) {
      rm::RoutingTrace t = knownTrace(step, shape);
      t.router = runs[r].first;
      for (size_t i = 0; i < t.expert_ids.size(); i += 2) {
        lcg = lcg * 1664525u + 1013904223u;
        const bool noisy = r == 1 ? (lcg >> 16) % 5 == 0 : (r == 2 && step < 30 && (lcg >> 16) % 3 == 0);
        if (noisy) t.expert_ids[i] = int16_t((t.expert_ids[i] + 1 + (lcg >> 8) % 2) % shape.experts);
        if (t.expert_ids[i] == t.expert_ids[i + 1])
          t.expert_ids[i + 1] = int16_t((t.expert_ids[i] + 1) % shape.experts);
      }
      store.putArtifact(id, rm::traceArtifactName(step), rm::writeTrace(t));
    }
    const std::vector<core::MetricPoint> bpb = {
        {"valid_bpb", 40, 2.5 + 0.1 * double(r) - (r == 2 ? 0.35 : 0.0)}};
    store.addMetrics(id, bpb);
    store.finishRun(id, core::RunStatus::Completed);
    ids.push_back(id);
  }
  rm::analysis::AnalysisOptions options;
  options.permutations = 2;
  const nlohmann::json comparison = rm::analysis::compareRuns(store, ids, options);
  core::NewRun spec;
  spec.study = "moe";
  spec.kind = "compare";
  const std::string compare_id = store.beginRun(spec);
  const std::string text = comparison.dump();
  store.putArtifact(compare_id, "comparison.json",
                    std::span(reinterpret_cast<const std::byte*>(text.data()), text.size()));
  store.finishRun(compare_id, core::RunStatus::Completed);
  const RunData run = loadRunData(store, compare_id);

  const QStringList names = summaryFigureNames(run);
  EXPECT_EQ(names,
            (QStringList{"comparison-mi", "comparison-drops", "comparison-agreement", "comparison-bpb"}));
  const auto csvs = exportAll(dir_.path(), run, names);
  // Every run in every figure's data: 2 layers each for MI, one line each for drops.
  for (const auto& id : ids) {
    for (const QString& name : names)
      EXPECT_TRUE(csvs[name].contains(QString::fromStdString(id))) << name.toStdString() << " lacks " << id;
  }
  EXPECT_EQ(csvs["comparison-mi"].count(QLatin1Char('\n')), 1 + 3 * 2);
  EXPECT_EQ(csvs["comparison-drops"].count(QLatin1Char('\n')), 1 + 3);
  // The two linear runs form one seed group: mean 2.55, std sqrt(0.005).
  EXPECT_TRUE(csvs["comparison-bpb"].contains(QStringLiteral(",2.55,0.0707107,2")))
      << csvs["comparison-bpb"].toStdString();
  EXPECT_EQ(comparison["seed_groups"].size(), 2u);
  // Early routing learning: run 0 never changes (90 % at the first step 10); the GRU run is noisy
  // before step 30 only (reached at 30); run 1 is noisy at every step, the final one included, so
  // no checkpoint before the final one reaches 90 %: null, never the final step 40 itself.
  EXPECT_EQ(comparison["runs"][0]["early_learning"]["first_step_at_threshold"], 10);
  EXPECT_EQ(comparison["runs"][2]["early_learning"]["first_step_at_threshold"], 30);
  EXPECT_TRUE(comparison["runs"][1]["early_learning"]["first_step_at_threshold"].is_null())
      << comparison["runs"][1]["early_learning"].dump();
  const QString agreement = csvs["comparison-agreement"];
  EXPECT_TRUE(agreement.contains(QString::fromStdString(ids[0]) + ",linear,1,10,10,"))
      << agreement.toStdString();
  EXPECT_TRUE(agreement.contains(QString::fromStdString(ids[1]) + ",linear,2,,10,"))
      << agreement.toStdString();
  EXPECT_TRUE(agreement.contains(QString::fromStdString(ids[2]) + ",gru,1,30,10,"))
      << agreement.toStdString();
  const QString early = storyText(demoStory(comparison["runs"][1]), "routing-agreement");
  EXPECT_TRUE(early.contains("did not appear") && early.contains("No checkpoint before the final one"))
      << early.toStdString();

  MoeRunView view(run, {});
  EXPECT_TRUE(view.isReady());
  EXPECT_EQ(view.tabs()->count(), 0);  // figures come in `extra`; plain view of nothing is empty
  std::vector<std::unique_ptr<widgets::Figure>> figures;
  for (const QString& name : names) figures.push_back(createSummaryFigure(run, name));
  MoeRunView full(run, std::move(figures));
  ASSERT_EQ(full.tabs()->count(), 4);
  EXPECT_EQ(full.tabs()->tabText(0), figureTitle("comparison-mi"));
  ASSERT_TRUE(full.showFigure("comparison-bpb"));
  EXPECT_EQ(full.exportCurrent(dir_.filePath("bpb.pdf"), QSize(800, 500)), QString());
  EXPECT_GT(QFileInfo(dir_.filePath("bpb.pdf")).size(), 1000);

  const auto section = summaryReportSection(run);
  ASSERT_TRUE(section.has_value());
  EXPECT_EQ(section->figures.size(), 4);
  ASSERT_EQ(section->tables.size(), 1);
  EXPECT_EQ(section->tables[0].header.size(), 1 + 3 + 2);
}

// A router_summary.json as `moe inspect-checkpoint` writes it: 5 layers of 4 experts, expert 0
// and 1 routed alike (similarity 0.9), expert 3 opposite to expert 2.
TEST_F(MoeViewsTest, CheckpointRouterWeightFiguresFromASyntheticSummary) {
  const int L = 5, E = 4;
  nlohmann::json norms = nlohmann::json::array(), similarity = nlohmann::json::array();
  for (int l = 0; l < L; ++l) {
    nlohmann::json row = nlohmann::json::array();
    for (int e = 0; e < E; ++e) row.push_back(1.0 + 0.5 * l + 0.1 * e);
    norms.push_back(row);
    nlohmann::json matrix = nlohmann::json::array();
    for (int i = 0; i < E; ++i) {
      nlohmann::json r = nlohmann::json::array();
      for (int j = 0; j < E; ++j) {
        const bool pair01 = (i < 2 && j < 2), pair23 = (i >= 2 && j >= 2);
        r.push_back(i == j ? 1.0 : pair01 ? 0.9 : pair23 ? -0.8 : 0.0);
      }
      matrix.push_back(r);
    }
    similarity.push_back(matrix);
  }
  const nlohmann::json summary = {{"layout", "mixtral"},
                                  {"layers", L},
                                  {"experts", E},
                                  {"hidden", 16},
                                  {"tensor_names", {"a"}},
                                  {"norms", norms},
                                  {"cosine_similarity", similarity}};
  core::RunStore store(dir_.filePath("runs.sqlite").toStdString());
  core::NewRun spec;
  spec.study = "moe";
  spec.kind = "inspect-checkpoint";
  spec.config = {{"path", "/models/synthetic.safetensors"}};
  const std::string id = store.beginRun(spec);
  const std::string text = summary.dump();
  store.putArtifact(id, "router_summary.json",
                    std::span(reinterpret_cast<const std::byte*>(text.data()), text.size()));
  store.finishRun(id, core::RunStatus::Completed);
  const RunData run = loadRunData(store, id);

  const QStringList names = summaryFigureNames(run);
  ASSERT_EQ(names, (QStringList{"router-norms", "expert-similarity"}));
  const auto csvs = exportAll(dir_.path(), run, names);
  EXPECT_EQ(csvs["router-norms"].count(QLatin1Char('\n')), 1 + L * E);
  EXPECT_TRUE(csvs["router-norms"].contains(QStringLiteral("\n4,3,3.3\n")));
  EXPECT_EQ(csvs["expert-similarity"].count(QLatin1Char('\n')), 1 + L * E * E);
  EXPECT_TRUE(csvs["expert-similarity"].contains(QStringLiteral("\n2,0,1,0.9\n")));
  EXPECT_TRUE(csvs["expert-similarity"].contains(QStringLiteral("\n2,3,2,-0.8\n")));

  // The tiled grid: 5 layers in 3 columns x 2 rows of 4 x 4 blocks with one empty line between.
  auto figure = createSummaryFigure(run, "expert-similarity");
  auto* heatmap = dynamic_cast<widgets::HeatmapView*>(figure.get());
  ASSERT_NE(heatmap, nullptr);
  ASSERT_NE(heatmap->source(), nullptr);
  EXPECT_EQ(heatmap->source()->rows(), 2 * 5 - 1);
  EXPECT_EQ(heatmap->source()->cols(), 3 * 5 - 1);
  EXPECT_FLOAT_EQ(heatmap->source()->value(5 + 0, 5 + 1), 0.9f);  // layer 4 (row band 1, column +1)
  EXPECT_TRUE(std::isnan(heatmap->source()->value(4, 0)));

  // An old summary without similarities still offers its norms.
  nlohmann::json old = summary;
  old.erase("cosine_similarity");
  EXPECT_EQ(routerWeightFigureNames(old), QStringList{"router-norms"});

  const auto section = summaryReportSection(run);
  ASSERT_TRUE(section.has_value());
  EXPECT_EQ(section->figures.size(), 2);
  MoeRunView view(run, {});
  EXPECT_TRUE(view.isReady());
}

// A hand-written analysis document with every finding present.
nlohmann::json knownAnalysis() {
  return {
      {"router", "linear"},
      {"layers", 2},
      {"experts", 4},
      {"top_k", 2},
      {"tokens", 8192},
      {"checkpoint_steps", {10, 100, 400}},
      {"valid_bpb", 2.345},
      {"mi_token", {1.10, 1.30}},
      {"mi_position", {0.02, 0.04}},
      {"mi_prev_token", {0.30, 0.50}},
      {"expert_entropy", {1.90, 1.98}},
      {"consistency_mean", {0.81, 0.85}},
      {"early_learning",
       {{"steps", {10, 100, 400}},
        {"agreement_with_final", {0.62, 0.93, 1.0}},
        {"agreement_with_previous", {nullptr, 0.7, 0.95}},
        {"threshold", 0.9},
        {"first_step_at_threshold", 100}}},
      {"drop_by_position", {{"all", {0.01, 0.02, 0.05}}, {"overall", 0.025}}},
      {"domain_shares",
       {{{"domain", "code"}, {"tokens", 4000}, {"share", {{0.1, 0.6, 0.2, 0.1}, {0.25, 0.25, 0.25, 0.25}}}},
        {{"domain", "english"},
         {"tokens", 4192},
         {"share", {{0.3, 0.2, 0.3, 0.2}, {0.25, 0.25, 0.25, 0.25}}}}}},
      {"cross_layer_mi_top1", {{"offdiagonal_mean", 0.42}}},
      {"cross_layer_mi_binned", {{"offdiagonal_mean", 0.17}}},
      {"load",
       {{"dead_experts", {nlohmann::json::array(), nlohmann::json::array()}},
        {"max_over_uniform", {1.5, 1.7}}}},
      {"gru_pca", nullptr}};
}

QString storyText(const QList<DemoStep>& story, const QString& figure) {
  for (const auto& step : story)
    if (step.figure == figure) return step.text;
  return {};
}

bool appeared(const QList<DemoStep>& story, const QString& figure) {
  for (const auto& step : story)
    if (step.figure == figure) return step.appeared;
  return false;
}

TEST(MoeDemoStory, QuotesTheMeasuredValuesOfEachFinding) {
  const auto story = demoStory(knownAnalysis());
  ASSERT_EQ(story.size(), 7);  // no GRU step for a linear router
  const QString intro = storyText(story, "routing-heatmap");
  EXPECT_TRUE(intro.contains("8192")) << intro.toStdString();
  EXPECT_TRUE(intro.contains("2.345")) << intro.toStdString();
  const QString spec = storyText(story, "specialisation");
  EXPECT_TRUE(appeared(story, "specialisation"));
  EXPECT_TRUE(spec.contains("1.20 bits about the token id")) << spec.toStdString();
  EXPECT_TRUE(spec.contains("0.03 bits about the position")) << spec.toStdString();
  EXPECT_TRUE(spec.contains("0.40 bits about the previous token")) << spec.toStdString();
  EXPECT_TRUE(spec.contains("83.0 %")) << spec.toStdString();
  const QString early = storyText(story, "routing-agreement");
  EXPECT_TRUE(appeared(story, "routing-agreement"));
  EXPECT_TRUE(early.contains("62.0 %")) << early.toStdString();
  EXPECT_TRUE(early.contains("step 100")) << early.toStdString();
  EXPECT_TRUE(early.contains("25.0 %")) << early.toStdString();
  const QString drop = storyText(story, "drop-by-position");
  EXPECT_TRUE(appeared(story, "drop-by-position"));
  EXPECT_TRUE(drop.contains("2.5 %") && drop.contains("1.0 %") && drop.contains("5.0 %"))
      << drop.toStdString();
  const QString domain = storyText(story, "domain-radar");
  EXPECT_TRUE(appeared(story, "domain-radar"));
  EXPECT_TRUE(domain.contains("expert 1 of layer 0 receives 60.0 % of the \"code\" tokens, 2.4 times"))
      << domain.toStdString();
  const QString cross = storyText(story, "cross-layer-mi");
  // Top-1 MI in bits, the RMoE binned measure in nats (scikit-learn's mutual_info_score).
  EXPECT_TRUE(cross.contains("0.42 bits") && cross.contains("0.17 nats")) << cross.toStdString();
  EXPECT_FALSE(cross.contains("0.17 bits")) << cross.toStdString();
  EXPECT_TRUE(appeared(story, "expert-load"));
  EXPECT_TRUE(storyText(story, "expert-load").contains("1.60 times"))
      << storyText(story, "expert-load").toStdString();
  for (const auto& step : story)
    EXPECT_FALSE(step.text.contains("did not appear")) << step.text.toStdString();
}

TEST(MoeDemoStory, SaysPlainlyWhenAFindingDidNotAppear) {
  nlohmann::json a = knownAnalysis();
  a["mi_token"] = {0.02, 0.02};                          // less than the previous token's
  a["early_learning"]["first_step_at_threshold"] = 300;  // late
  a["drop_by_position"] = nullptr;                       // no dropped flags traced
  a["domain_shares"][0]["share"] = {{0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}};
  a["domain_shares"][1]["share"] = {{0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}};
  a["load"]["dead_experts"] = {{2}, nlohmann::json::array()};
  a["router"] = "gru";  // GRU router whose trace kept no states
  const auto story = demoStory(a);
  for (const QString figure : {"specialisation", "routing-agreement", "drop-by-position", "domain-radar",
                               "expert-load", "gru-states"}) {
    EXPECT_FALSE(appeared(story, figure)) << figure.toStdString();
    EXPECT_TRUE(storyText(story, figure).contains("did not appear"))
        << storyText(story, figure).toStdString();
  }
  EXPECT_TRUE(storyText(story, "specialisation").contains("0.02 bits about the token id"));
  EXPECT_TRUE(storyText(story, "routing-agreement").contains("only at step 300"));
  EXPECT_TRUE(storyText(story, "drop-by-position").contains("no dropped choices"));
  EXPECT_TRUE(storyText(story, "expert-load").contains("1 expert(s)"));

  // No checkpoint before the final one reached the threshold (the analysis gives null).
  a["early_learning"]["first_step_at_threshold"] = nullptr;
  const QString never = storyText(demoStory(a), "routing-agreement");
  EXPECT_TRUE(never.contains("did not appear")) << never.toStdString();
  EXPECT_TRUE(never.contains("No checkpoint before the final one reached 90.0 %")) << never.toStdString();
}

// The cross-layer figure mixes two units: its title, column groups' data and CSV name them.
TEST_F(MoeViewsTest, CrossLayerFigureLabelsBitsAndNats) {
  const nlohmann::json m = {{0.5, 0.25}, {0.25, 0.5}};
  const nlohmann::json a = {{"layers", 2},
                            {"cross_layer_mi_top1", {{"corrected", m}, {"raw", m}, {"bias", m}}},
                            {"cross_layer_mi_binned", {{"matrix", m}, {"unit", "nats"}}}};
  auto figure = createAnalysisFigure(a, QStringLiteral("cross-layer-mi"));
  ASSERT_NE(figure, nullptr);
  auto* heatmap = dynamic_cast<widgets::HeatmapView*>(figure.get());
  ASSERT_NE(heatmap, nullptr);
  EXPECT_TRUE(heatmap->title().contains("bits") && heatmap->title().contains("nats"))
      << heatmap->title().toStdString();
  const QString csv = dir_.filePath("cross.csv");
  ASSERT_EQ(exportFigureFile(*figure, csv), QString());
  QFile file(csv);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(file.readAll());
  EXPECT_TRUE(text.startsWith("measure,unit,layer_i,layer_j,value")) << text.toStdString();
  EXPECT_TRUE(text.contains("top1_corrected,bits,0,1,0.25")) << text.toStdString();
  EXPECT_TRUE(text.contains("binned_probabilities,nats,0,1,0.25")) << text.toStdString();
  EXPECT_TRUE(figureExplanation(QStringLiteral("cross-layer-mi")).contains("nats"));
}

}  // namespace
}  // namespace routescope::plugins::moe
