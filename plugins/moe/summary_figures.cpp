#include "plugins/moe/summary_figures.h"

#include <QObject>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <mutex>

#include "plugins/moe/analysis_figures.h"
#include "plugins/moe/csv_figure.h"
#include "plugins/moe/figure_support.h"
#include "widgets/charts/chart_view.h"
#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::plugins::moe {
namespace {

using nlohmann::json;
using namespace figure_support;

const json& member(const json& object, const char* key) {
  static const json null;
  return object.is_object() && object.contains(key) ? object[key] : null;
}

const json& runsOf(const json& comparison) {
  static const json empty = json::array();
  const json& runs = member(comparison, "runs");
  return runs.is_array() ? runs : empty;
}

bool anyRun(const json& comparison, const std::function<bool(const json&)>& has) {
  const json& runs = runsOf(comparison);
  return std::any_of(runs.begin(), runs.end(), has);
}

bool hasMi(const json& run) {
  return member(run, "mi_token").is_array();
}
bool hasDrops(const json& run) {
  return member(run, "summary").is_object() && member(run["summary"], "drop_ratio_first_bin").is_number();
}
bool hasAgreement(const json& run) {
  return member(run, "early_learning").is_object();
}
bool hasBpb(const json& run) {
  return member(run, "valid_bpb").is_number();
}

// run_id, router and seed as the first CSV fields of a run's lines.
QString runFields(const json& run) {
  return csvField(QString::fromStdString(run.value("run_id", std::string()))) + QLatin1Char(',') +
         csvField(QString::fromStdString(run.value("router", std::string()))) + QLatin1Char(',') +
         (member(run, "seed").is_number() ? QString::number(run["seed"].get<uint64_t>()) : QString());
}

std::unique_ptr<widgets::Figure> comparisonMi(const json& c) {
  const json& runs = runsOf(c);
  size_t layers = 0;
  for (const auto& r : runs)
    if (hasMi(r)) layers = std::max(layers, r["mi_token"].size());
  if (layers == 0) return nullptr;
  const std::pair<const char*, QString> measures[] = {{"mi_token", QObject::tr("token")},
                                                      {"mi_position", QObject::tr("position")},
                                                      {"mi_prev_token", QObject::tr("previous token")}};
  QStringList categories;
  for (size_t l = 0; l < layers; ++l)
    for (const auto& [key, label] : measures) categories << QObject::tr("L%1 %2").arg(l).arg(label);
  QList<QPair<QString, QList<double>>> sets;
  auto chart = std::make_unique<CsvChart>();
  chart->csv = QStringLiteral("run_id,router,seed,layer,mi_token,mi_position,mi_prev_token,expert_entropy\n");
  for (const auto& r : runs) {
    if (!hasMi(r)) continue;
    QList<double> bars;
    const auto entropy = values(member(r, "expert_entropy"));
    std::vector<std::vector<double>> columns;
    for (const auto& [key, label] : measures) columns.push_back(values(member(r, key)));
    for (size_t l = 0; l < layers; ++l) {
      QStringList line{runFields(r), QString::number(l)};
      for (const auto& column : columns) {
        const double v = l < column.size() ? column[l] : NAN;
        bars << (std::isfinite(v) ? v : 0.0);  // a bar set needs a value per category
        line << cell(v);
      }
      line << cell(l < entropy.size() ? entropy[l] : NAN);
      chart->csv += line.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    sets.append({comparedRunLabel(r), bars});
  }
  chart->setFigureName(QStringLiteral("comparison-mi"));
  chart->setTitle(QObject::tr("Corrected mutual information of the top-1 expert per layer, run by run"));
  chart->setAxisTitles(QObject::tr("layer and conditioning variable"), QObject::tr("bits"));
  chart->setBars(categories, sets);
  return chart;
}

std::unique_ptr<widgets::Figure> comparisonDrops(const json& c) {
  if (!anyRun(c, hasDrops)) return nullptr;
  QStringList categories;
  QList<double> first, last;
  auto chart = std::make_unique<CsvChart>();
  chart->csv = QStringLiteral("run_id,router,seed,drop_ratio_first_bin,drop_ratio_last_bin,drop_ratio\n");
  for (const auto& r : runsOf(c)) {
    const json& s = member(r, "summary");
    const double f = num(member(s, "drop_ratio_first_bin")), l = num(member(s, "drop_ratio_last_bin"));
    categories << comparedRunLabel(r);
    first << (std::isfinite(f) ? f : 0.0);
    last << (std::isfinite(l) ? l : 0.0);
    chart->csv += QStringList{runFields(r), cell(f), cell(l), cell(num(member(s, "drop_ratio")))}.join(
                      QLatin1Char(',')) +
                  QLatin1Char('\n');
  }
  chart->setFigureName(QStringLiteral("comparison-drops"));
  chart->setTitle(QObject::tr("Drop ratio at the start and at the end of the sequences, run by run"));
  chart->setAxisTitles(QObject::tr("run"), QObject::tr("drop ratio"));
  chart->setBars(categories,
                 {{QObject::tr("first position bin"), first}, {QObject::tr("last position bin"), last}});
  return chart;
}

std::unique_ptr<widgets::Figure> comparisonAgreement(const json& c) {
  if (!anyRun(c, hasAgreement)) return nullptr;
  auto chart = std::make_unique<CsvChart>();
  chart->setFigureName(QStringLiteral("comparison-agreement"));
  chart->setTitle(QObject::tr("Top-1 routing agreement with each run's final checkpoint"));
  chart->setAxisTitles(QObject::tr("training step"), QObject::tr("share of (token, layer) pairs"));
  chart->csv = QStringLiteral("run_id,router,seed,first_step_at_threshold,step,agreement_with_final\n");
  double threshold = 0.9, x0 = std::numeric_limits<double>::infinity(), x1 = -x0;
  for (const auto& r : runsOf(c)) {
    if (!hasAgreement(r)) continue;
    const json& e = r["early_learning"];
    threshold = e.value("threshold", threshold);
    const auto steps = values(member(e, "steps")), agreement = values(member(e, "agreement_with_final"));
    const json& reached = member(e, "first_step_at_threshold");
    const QString when =
        reached.is_number()
            ? QObject::tr("%1 % at step %2").arg(threshold * 100, 0, 'f', 0).arg(reached.dump().c_str())
            : QObject::tr("%1 % not reached before the final step").arg(threshold * 100, 0, 'f', 0);
    QList<QPointF> points;
    for (size_t i = 0; i < std::min(steps.size(), agreement.size()); ++i) {
      if (std::isfinite(steps[i]) && std::isfinite(agreement[i]))
        points.append(QPointF(steps[i], agreement[i]));
      x0 = std::min(x0, steps[i]);
      x1 = std::max(x1, steps[i]);
      chart->csv +=
          QStringList{runFields(r), reached.is_number() ? QString::fromStdString(reached.dump()) : QString(),
                      cell(steps[i]), cell(agreement[i])}
              .join(QLatin1Char(',')) +
          QLatin1Char('\n');
    }
    chart->setPoints(chart->addSeries(QStringLiteral("%1 (%2)").arg(comparedRunLabel(r), when)), points);
  }
  if (std::isfinite(x0))
    chart->setPoints(chart->addSeries(QObject::tr("%1 %").arg(threshold * 100, 0, 'f', 0)),
                     {QPointF(x0, threshold), QPointF(x1, threshold)});
  chart->flush();
  return chart;
}

std::unique_ptr<widgets::Figure> comparisonBpb(const json& c) {
  if (!anyRun(c, hasBpb)) return nullptr;
  const json& runs = runsOf(c);
  // Comparisons stored before seed groups existed: every run is a group of its own.
  json groups = member(c, "seed_groups");
  if (!groups.is_array() || groups.empty()) {
    groups = json::array();
    for (size_t i = 0; i < runs.size(); ++i) groups.push_back({{"runs", {i}}});
  }
  auto chart = std::make_unique<CsvChart>();
  chart->setFigureName(QStringLiteral("comparison-bpb"));
  chart->setTitle(
      QObject::tr("Validation bits per byte: each run, and mean ± std over the seeds of a config"));
  chart->setAxisTitles(QObject::tr("config (runs differing only in seed)"), QObject::tr("bits per byte"));
  chart->csv = QStringLiteral("group,run_id,router,seed,valid_bpb,group_mean,group_std,group_n\n");
  QList<QPointF> each;
  int g = 0;
  for (const auto& group : groups) {
    ++g;
    std::vector<double> bpb;
    QStringList seeds;
    QString router;
    for (const auto& index : member(group, "runs")) {
      if (!index.is_number_unsigned() || index.get<size_t>() >= runs.size()) continue;
      const json& r = runs[index.get<size_t>()];
      router = QString::fromStdString(r.value("router", std::string()));
      if (member(r, "seed").is_number()) seeds << QString::number(r["seed"].get<uint64_t>());
      const double v = num(member(r, "valid_bpb"));
      if (std::isfinite(v)) {
        bpb.push_back(v);
        each.append(QPointF(g, v));
      }
    }
    double mean = NAN, std = NAN;
    if (!bpb.empty()) {
      mean = 0;
      for (const double v : bpb) mean += v / double(bpb.size());
      double squares = 0;
      for (const double v : bpb) squares += (v - mean) * (v - mean);
      std = bpb.size() > 1 ? std::sqrt(squares / double(bpb.size() - 1)) : 0.0;
    }
    for (const auto& index : member(group, "runs")) {
      if (!index.is_number_unsigned() || index.get<size_t>() >= runs.size()) continue;
      const json& r = runs[index.get<size_t>()];
      chart->csv += QStringList{QString::number(g), runFields(r), cell(num(member(r, "valid_bpb"))),
                                cell(mean),         cell(std),    QString::number(bpb.size())}
                        .join(QLatin1Char(',')) +
                    QLatin1Char('\n');
    }
    if (bpb.empty()) continue;
    const QString label =
        QObject::tr("%1: %2, seeds %3: %4 ± %5")
            .arg(g)
            .arg(router.isEmpty() ? QObject::tr("(no router)") : router, seeds.join(QStringLiteral(", ")))
            .arg(mean, 0, 'f', 3)
            .arg(std, 0, 'f', 3);
    const int s = chart->addSeries(label);
    chart->setPoints(s, {QPointF(g - 0.3, mean), QPointF(g + 0.3, mean)});
    chart->setBand(s, {QPointF(g - 0.3, mean - std), QPointF(g + 0.3, mean - std)},
                   {QPointF(g - 0.3, mean + std), QPointF(g + 0.3, mean + std)});
  }
  chart->setPoints(chart->addSeries(QObject::tr("each run"), widgets::SeriesKind::Scatter), each);
  chart->flush();
  return chart;
}

// --- router weights of a real checkpoint ---------------------------------------------------------

std::unique_ptr<widgets::Figure> routerNorms(const json& s) {
  const json& norms = member(s, "norms");
  const int L = int(norms.is_array() ? norms.size() : 0), E = s.value("experts", 0);
  if (L <= 0 || E <= 0) return nullptr;
  std::vector<float> data;
  QStringList rows, cols;
  QString csv = QStringLiteral("layer,expert,norm\n");
  for (int l = 0; l < L; ++l) {
    rows << QObject::tr("layer %1").arg(l);
    const auto row = values(norms[size_t(l)]);
    for (int e = 0; e < E; ++e) {
      const double v = e < int(row.size()) ? row[size_t(e)] : NAN;
      data.push_back(float(v));
      csv += QStringLiteral("%1,%2,%3\n").arg(l).arg(e).arg(cell(v));
    }
  }
  for (int e = 0; e < E; ++e) cols << QObject::tr("e%1").arg(e);
  auto source = std::make_shared<widgets::DenseHeatmapSource>(L, E, std::move(data));
  source->setRowLabels(rows);
  source->setColLabels(cols);
  auto view = std::make_unique<CsvMatrix>();
  view->setFigureName(QStringLiteral("router-norms"));
  view->setTitle(QObject::tr("L2 norm of each expert's router weights, per layer"));
  view->setColormap(widgets::ColormapKind::Viridis);
  view->setSource(source);
  view->csv = csv;
  return view;
}

// The layers' E × E similarity matrices tiled in a near-square grid with one empty (NaN) row and
// column between blocks, so that 32 layers of 8 experts or 27 of 64 stay readable in one picture.
std::unique_ptr<widgets::Figure> expertSimilarity(const json& s) {
  const json& sim = member(s, "cosine_similarity");
  const int L = int(sim.is_array() ? sim.size() : 0), E = s.value("experts", 0);
  if (L <= 0 || E <= 0) return nullptr;
  const int grid_cols = int(std::ceil(std::sqrt(double(L))));
  const int grid_rows = (L + grid_cols - 1) / grid_cols;
  const int rows = grid_rows * (E + 1) - 1, cols = grid_cols * (E + 1) - 1;
  std::vector<float> data(size_t(rows) * size_t(cols), NAN);
  QString csv = QStringLiteral("layer,expert_i,expert_j,cosine_similarity\n");
  for (int l = 0; l < L; ++l) {
    const int r0 = (l / grid_cols) * (E + 1), c0 = (l % grid_cols) * (E + 1);
    for (int i = 0; i < E; ++i)
      for (int j = 0; j < E; ++j) {
        const json& row = sim[size_t(l)].size() > size_t(i) ? sim[size_t(l)][size_t(i)] : json();
        const double v = row.is_array() && row.size() > size_t(j) ? num(row[size_t(j)]) : NAN;
        data[size_t(r0 + i) * size_t(cols) + size_t(c0 + j)] = float(v);
        csv += QStringLiteral("%1,%2,%3,%4\n").arg(l).arg(i).arg(j).arg(cell(v));
      }
  }
  QStringList row_labels, col_labels;
  for (int r = 0; r < rows; ++r)
    row_labels << ((r % (E + 1)) == E ? QString() : QObject::tr("e%1").arg(r % (E + 1)));
  for (int c = 0; c < cols; ++c)
    col_labels << ((c % (E + 1)) == E ? QString() : QObject::tr("e%1").arg(c % (E + 1)));
  std::vector<widgets::AxisGroup> row_groups, col_groups;
  for (int g = 0; g < grid_rows; ++g) {
    const int first = g * grid_cols, last = std::min(L, first + grid_cols) - 1;
    row_groups.push_back({g * (E + 1), g * (E + 1) + E - 1,
                          first == last ? QObject::tr("layer %1").arg(first)
                                        : QObject::tr("layers %1–%2").arg(first).arg(last)});
  }
  for (int g = 0; g < grid_cols && grid_cols > 1; ++g)
    col_groups.push_back({g * (E + 1), g * (E + 1) + E - 1, QStringLiteral("+%1").arg(g)});
  auto source = std::make_shared<widgets::DenseHeatmapSource>(rows, cols, std::move(data));
  source->setRowLabels(row_labels);
  source->setColLabels(col_labels);
  auto view = std::make_unique<CsvMatrix>();
  view->setFigureName(QStringLiteral("expert-similarity"));
  view->setTitle(grid_cols > 1
                     ? QObject::tr("Cosine similarity of the experts' router weights; one block per "
                                   "layer (row band's first layer + column offset)")
                     : QObject::tr("Cosine similarity of the experts' router weights"));
  view->setColormap(widgets::ColormapKind::BlueWhiteRed);
  view->setFixedRange(-1.0f, 1.0f);
  view->setNanColor(Qt::white);  // the gaps between layer blocks, not missing values
  view->setSource(source);
  view->setRowGroups(std::move(row_groups));
  view->setColumnGroups(std::move(col_groups));
  view->csv = csv;
  return view;
}

}  // namespace

QString comparedRunLabel(const json& run) {
  const QString id = QString::fromStdString(run.value("run_id", std::string())).left(8);
  const QString router = QString::fromStdString(run.value("router", std::string()));
  QString label = router.isEmpty() ? id : id + QLatin1Char(' ') + router;
  if (member(run, "seed").is_number()) label += QObject::tr(" seed %1").arg(run["seed"].get<uint64_t>());
  return label;
}

QStringList comparisonFigureNames(const json& comparison) {
  QStringList names;
  if (anyRun(comparison, hasMi)) names << QStringLiteral("comparison-mi");
  if (anyRun(comparison, hasDrops)) names << QStringLiteral("comparison-drops");
  if (anyRun(comparison, hasAgreement)) names << QStringLiteral("comparison-agreement");
  if (anyRun(comparison, hasBpb)) names << QStringLiteral("comparison-bpb");
  return names;
}

std::unique_ptr<widgets::Figure> createComparisonFigure(const json& comparison, const QString& name) {
  if (name == QLatin1String("comparison-mi")) return comparisonMi(comparison);
  if (name == QLatin1String("comparison-drops")) return comparisonDrops(comparison);
  if (name == QLatin1String("comparison-agreement")) return comparisonAgreement(comparison);
  if (name == QLatin1String("comparison-bpb")) return comparisonBpb(comparison);
  return nullptr;
}

QStringList routerWeightFigureNames(const json& summary) {
  QStringList names;
  if (member(summary, "norms").is_array()) names << QStringLiteral("router-norms");
  if (member(summary, "cosine_similarity").is_array()) names << QStringLiteral("expert-similarity");
  return names;
}

std::unique_ptr<widgets::Figure> createRouterWeightFigure(const json& summary, const QString& name) {
  if (name == QLatin1String("router-norms")) return routerNorms(summary);
  if (name == QLatin1String("expert-similarity")) return expertSimilarity(summary);
  return nullptr;
}

namespace {

const char* documentArtifact(const RunData& run) {
  if (run.record.study != "moe") return nullptr;
  if (run.record.kind == "compare") return "comparison.json";
  if (run.record.kind == "inspect-checkpoint") return "router_summary.json";
  return nullptr;
}

QString fixed(const json& v, int decimals) {
  return v.is_number() ? QString::number(v.get<double>(), 'f', decimals) : QStringLiteral("–");
}

}  // namespace

json summaryDocument(const RunData& run) {
  const char* artifact = documentArtifact(run);
  if (!artifact || !run.read_artifact) return nullptr;
  const bool stored = std::any_of(run.artifacts.begin(), run.artifacts.end(),
                                  [&](const core::ArtifactInfo& info) { return info.name == artifact; });
  if (!stored) return nullptr;
  static std::mutex mutex;
  static std::map<std::string, json> cache;  // finished runs never change their artifacts
  const std::string key = run.record.id + "/" + artifact;
  {
    std::lock_guard lock(mutex);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
  }
  json document;
  try {
    const auto bytes = run.read_artifact(artifact);
    document = json::parse(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  } catch (const std::exception&) {
    return nullptr;  // unreadable: the run offers no figures, as runs with broken traces
  }
  std::lock_guard lock(mutex);
  cache[key] = document;
  return document;
}

QStringList summaryFigureNames(const RunData& run) {
  const json document = summaryDocument(run);
  if (document.is_null()) return {};
  return run.record.kind == "compare" ? comparisonFigureNames(document) : routerWeightFigureNames(document);
}

std::unique_ptr<widgets::Figure> createSummaryFigure(const RunData& run, const QString& name) {
  const json document = summaryDocument(run);
  if (document.is_null()) return nullptr;
  return run.record.kind == "compare" ? createComparisonFigure(document, name)
                                      : createRouterWeightFigure(document, name);
}

std::optional<widgets::ReportSection> summaryReportSection(const RunData& run) {
  const json document = summaryDocument(run);
  if (document.is_null()) return std::nullopt;
  widgets::ReportSection section;
  if (run.record.kind == "compare") {
    section.heading = QObject::tr("Comparison of runs");
    section.paragraphs
        << QObject::tr(
               "The routing analyses of %1 runs side by side, each at its last traced checkpoint, with the "
               "mean and "
               "sample standard deviation of every headline number. Mutual information is corrected by a "
               "shuffled-label baseline.")
               .arg(runsOf(document).size());
    widgets::ReportTable table;
    table.caption = QObject::tr("Headline numbers per run");
    table.header << QObject::tr("metric");
    for (const auto& r : runsOf(document)) table.header << comparedRunLabel(r);
    table.header << QObject::tr("mean") << QObject::tr("std");
    for (const auto& [key, entry] : member(document, "metrics").items()) {
      QStringList row{QString::fromStdString(key)};
      for (const auto& v : member(entry, "values")) row << fixed(v, 4);
      row << fixed(member(entry, "mean"), 4) << fixed(member(entry, "std"), 4);
      table.rows << row;
    }
    section.tables << table;
  } else {
    section.heading = QObject::tr("Router weights of a checkpoint");
    section.key_values = {
        {QObject::tr("source"), QString::fromStdString(run.record.config.value("path", std::string()))},
        {QObject::tr("layout"), QString::fromStdString(document.value("layout", std::string()))},
        {QObject::tr("MoE layers × experts"),
         QStringLiteral("%1 × %2").arg(document.value("layers", 0)).arg(document.value("experts", 0))},
        {QObject::tr("hidden size"), QString::number(document.value("hidden", 0))}};
  }
  for (const QString& name : summaryFigureNames(run)) {
    auto figure = createSummaryFigure(run, name);
    if (!figure) continue;
    section.figures.append({std::shared_ptr<widgets::Figure>(std::move(figure)),
                            figureTitle(name) + QStringLiteral(": ") + figureExplanation(name),
                            {960, 600}});
  }
  return section;
}

}  // namespace routescope::plugins::moe
