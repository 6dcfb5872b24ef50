#include "plugins/moe/analysis_figures.h"

#include <QObject>
#include <algorithm>
#include <cmath>
#include <limits>

#include "plugins/moe/csv_figure.h"
#include "plugins/moe/figure_support.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/radar_chart.h"
#include "widgets/heatmap/heatmap_source.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::plugins::moe {
namespace {

using nlohmann::json;
using namespace figure_support;

class CsvRadar : public widgets::RadarChart, public CsvFigure {
 public:
  QString csv;
  QString toCsv() const override { return csv; }
};

bool present(const json& a, const char* key) {
  return a.contains(key) && !a[key].is_null();
}

QList<QPointF> finitePoints(const std::vector<double>& x, const std::vector<double>& y) {
  QList<QPointF> out;
  for (size_t i = 0; i < std::min(x.size(), y.size()); ++i)
    if (std::isfinite(x[i]) && std::isfinite(y[i])) out.append(QPointF(x[i], y[i]));
  return out;
}

std::unique_ptr<widgets::Figure> dropByPosition(const json& a) {
  if (!present(a, "drop_by_position")) return nullptr;
  const json& d = a["drop_by_position"];
  auto chart = std::make_unique<CsvChart>();
  chart->setFigureName(QStringLiteral("drop-by-position"));
  chart->setTitle(QObject::tr("Share of top-k choices dropped by position in the sequence"));
  chart->setAxisTitles(QObject::tr("position (bin centre)"), QObject::tr("drop ratio"));
  std::vector<double> x;
  const auto starts = values(d["bin_start"]), ends = values(d["bin_end"]);
  for (size_t i = 0; i < std::min(starts.size(), ends.size()); ++i) x.push_back((starts[i] + ends[i]) / 2);
  QStringList header{QStringLiteral("bin_start"), QStringLiteral("bin_end"), QStringLiteral("all")};
  std::vector<std::vector<double>> columns{values(d["all"])};
  chart->setPoints(chart->addSeries(QObject::tr("all layers")), finitePoints(x, columns[0]));
  int layer = 0;
  for (const auto& row : d["by_layer"]) {
    columns.push_back(values(row));
    header << QStringLiteral("layer%1").arg(layer);
    chart->setPoints(chart->addSeries(QObject::tr("layer %1").arg(layer++)), finitePoints(x, columns.back()));
  }
  for (const auto& domain : d["by_domain"]) {
    const QString name = QString::fromStdString(domain.value("domain", std::string()));
    columns.push_back(values(domain["all"]));
    header << csvField(QStringLiteral("domain:") + name);
    chart->setPoints(chart->addSeries(QObject::tr("domain %1").arg(name)), finitePoints(x, columns.back()));
  }
  chart->csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
  for (size_t i = 0; i < x.size(); ++i) {
    QStringList line{cell(starts[i]), cell(ends[i])};
    for (const auto& c : columns) line << cell(i < c.size() ? c[i] : NAN);
    chart->csv += line.join(QLatin1Char(',')) + QLatin1Char('\n');
  }
  chart->flush();
  return chart;
}

std::unique_ptr<widgets::Figure> domainRadar(const json& a) {
  const json& shares = a.value("domain_shares", json::array());
  const int layers = a.value("layers", 0), experts = a.value("experts", 0);
  if (!shares.is_array() || shares.empty() || layers <= 0 || experts <= 0) return nullptr;
  const int layer = layers - 1;  // the deepest layer, where OpenMoE sees the clearest domain split
  auto radar = std::make_unique<CsvRadar>();
  radar->setFigureName(QStringLiteral("domain-radar"));
  radar->setTitle(QObject::tr("Share of each domain's tokens per expert (layer %1)").arg(layer));
  QStringList spokes;
  for (int e = 0; e < experts; ++e) spokes << QObject::tr("expert %1").arg(e);
  radar->setSpokes(spokes);
  QStringList header{QStringLiteral("domain"), QStringLiteral("tokens"), QStringLiteral("layer")};
  for (int e = 0; e < experts; ++e) header << QStringLiteral("e%1").arg(e);
  radar->csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
  for (const auto& d : shares) {
    const QString name = QString::fromStdString(d.value("domain", std::string()));
    const json& share = d["share"];
    for (int l = 0; l < layers && l < int(share.size()); ++l) {
      QStringList line{csvField(name), QString::number(d.value("tokens", int64_t(0))), QString::number(l)};
      for (const double v : values(share[size_t(l)])) line << cell(v);
      radar->csv += line.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    if (layer >= int(share.size())) continue;
    QList<double> spoke_values;
    for (const double v : values(share[size_t(layer)])) spoke_values << (std::isfinite(v) ? v : 0.0);
    if (spoke_values.size() == experts)
      radar->addSeries(name.isEmpty() ? QObject::tr("(no domain)") : name, spoke_values);
  }
  radar->addSeries(QObject::tr("uniform (1/%1)").arg(experts), QList<double>(experts, 1.0 / experts));
  return radar;
}

// A matrix figure with labelled rows and columns.
std::unique_ptr<CsvMatrix> matrixFigure(const QString& name, const QString& title, int rows, int cols,
                                        std::vector<float> data, QStringList row_labels,
                                        QStringList col_labels) {
  auto source = std::make_shared<widgets::DenseHeatmapSource>(rows, cols, std::move(data));
  source->setRowLabels(std::move(row_labels));
  source->setColLabels(std::move(col_labels));
  auto view = std::make_unique<CsvMatrix>();
  view->setFigureName(name);
  view->setTitle(title);
  view->setColormap(widgets::ColormapKind::Viridis);
  view->setSource(source);
  return view;
}

std::unique_ptr<widgets::Figure> crossLayerMi(const json& a) {
  if (!present(a, "cross_layer_mi_top1")) return nullptr;
  const int L = a.value("layers", 0);
  if (L <= 0) return nullptr;
  const json& top1 = a["cross_layer_mi_top1"];
  const bool binned = present(a, "cross_layer_mi_binned");
  const int cols = binned ? 2 * L : L;
  std::vector<float> data(size_t(L) * size_t(cols), NAN);
  QStringList rows, columns;
  QString csv = QStringLiteral("measure,unit,layer_i,layer_j,value,raw,bias\n");
  for (int i = 0; i < L; ++i) {
    rows << QObject::tr("layer %1").arg(i);
    for (int j = 0; j < L; ++j) {
      const double v = num(top1["corrected"][size_t(i)][size_t(j)]);
      data[size_t(i) * size_t(cols) + size_t(j)] = float(v);
      csv += QStringLiteral("top1_corrected,bits,%1,%2,%3,%4,%5\n")
                 .arg(i)
                 .arg(j)
                 .arg(cell(v), cell(num(top1["raw"][size_t(i)][size_t(j)])),
                      cell(num(top1["bias"][size_t(i)][size_t(j)])));
      if (binned) {
        const double b = num(a["cross_layer_mi_binned"]["matrix"][size_t(i)][size_t(j)]);
        data[size_t(i) * size_t(cols) + size_t(L + j)] = float(b);
        csv += QStringLiteral("binned_probabilities,nats,%1,%2,%3,,\n").arg(i).arg(j).arg(cell(b));
      }
    }
  }
  for (int c = 0; c < cols; ++c) columns << QObject::tr("layer %1").arg(c % L);
  auto view = matrixFigure(QStringLiteral("cross-layer-mi"),
                           binned ? QObject::tr("Mutual information between layers' routing (top-1: bits; "
                                                "binned: nats)")
                                  : QObject::tr("Mutual information between layers' routing (bits)"),
                           L, cols, std::move(data), rows, columns);
  std::vector<widgets::AxisGroup> groups{{0, L - 1, QObject::tr("top-1 choices, corrected (bits)")}};
  if (binned) groups.push_back({L, 2 * L - 1, QObject::tr("binned probability vectors (RMoE, nats)")});
  view->setColumnGroups(std::move(groups));
  view->csv = csv;
  return view;
}

std::unique_ptr<widgets::Figure> expertLoad(const json& a) {
  if (!present(a, "load")) return nullptr;
  const json& share = a["load"]["share"];
  const int L = int(share.size()), E = a.value("experts", 0);
  if (L <= 0 || E <= 0) return nullptr;
  std::vector<float> data;
  QStringList rows, cols;
  QString csv = QStringLiteral("layer,expert,share,dead\n");
  std::vector<widgets::CellMark> marks;
  double top = 0;
  for (int l = 0; l < L; ++l) {
    rows << QObject::tr("layer %1").arg(l);
    const auto row = values(share[size_t(l)]);
    const json& dead =
        a["load"]["dead_experts"].size() > size_t(l) ? a["load"]["dead_experts"][size_t(l)] : json::array();
    for (int e = 0; e < E; ++e) {
      const double v = e < int(row.size()) ? row[size_t(e)] : NAN;
      data.push_back(float(v));
      if (std::isfinite(v)) top = std::max(top, v);
      const bool is_dead = std::find(dead.begin(), dead.end(), json(e)) != dead.end();
      if (is_dead) marks.push_back({l, e, widgets::MarkShape::Cross, QColor(0xe0, 0x10, 0x10)});
      csv += QStringLiteral("%1,%2,%3,%4\n").arg(l).arg(e).arg(cell(v)).arg(is_dead ? 1 : 0);
    }
  }
  for (int e = 0; e < E; ++e) cols << QObject::tr("e%1").arg(e);
  auto view =
      matrixFigure(QStringLiteral("expert-load"),
                   QObject::tr("Share of each layer's routed choices per expert (× dead expert; uniform %1)")
                       .arg(1.0 / E, 0, 'f', 3),
                   L, E, std::move(data), rows, cols);
  view->setFixedRange(0.0f, float(std::max(top, 1.0 / E)));
  view->setMarks(std::move(marks));
  view->csv = csv;
  return view;
}

std::unique_ptr<widgets::Figure> routingAgreement(const json& a) {
  if (!present(a, "early_learning")) return nullptr;
  const json& e = a["early_learning"];
  const auto steps = values(e["steps"]);
  const auto final_agreement = values(e["agreement_with_final"]);
  const auto previous = values(e["agreement_with_previous"]);
  const double threshold = e.value("threshold", 0.9);
  auto chart = std::make_unique<CsvChart>();
  chart->setFigureName(QStringLiteral("routing-agreement"));
  chart->setTitle(QObject::tr("Top-1 routing agreement across checkpoints"));
  chart->setAxisTitles(QObject::tr("training step"), QObject::tr("share of (token, layer) pairs"));
  chart->setPoints(chart->addSeries(QObject::tr("with the final checkpoint")),
                   finitePoints(steps, final_agreement));
  chart->setPoints(chart->addSeries(QObject::tr("with the previous checkpoint")),
                   finitePoints(steps, previous));
  if (!steps.empty())
    chart->setPoints(chart->addSeries(QObject::tr("%1 %").arg(threshold * 100, 0, 'f', 0)),
                     {QPointF(steps.front(), threshold), QPointF(steps.back(), threshold)});
  chart->csv = QStringLiteral("step,agreement_with_final,agreement_with_previous\n");
  for (size_t i = 0; i < steps.size(); ++i)
    chart->csv += QStringLiteral("%1,%2,%3\n")
                      .arg(cell(steps[i]), cell(i < final_agreement.size() ? final_agreement[i] : NAN),
                           cell(i < previous.size() ? previous[i] : NAN));
  chart->flush();
  return chart;
}

std::unique_ptr<widgets::Figure> specialisation(const json& a) {
  if (!present(a, "mi_token")) return nullptr;
  auto chart = std::make_unique<CsvChart>();
  chart->setFigureName(QStringLiteral("specialisation"));
  chart->setTitle(
      QObject::tr("What the routing depends on: corrected mutual information per layer (band: bias)"));
  chart->setAxisTitles(QObject::tr("MoE layer"), QObject::tr("bits"));
  const auto entropy = values(a["expert_entropy"]);
  std::vector<double> x;
  for (size_t l = 0; l < entropy.size(); ++l) x.push_back(double(l));
  const std::pair<const char*, QString> measures[] = {
      {"mi_token", QObject::tr("I(expert; token)")},
      {"mi_position", QObject::tr("I(expert; position)")},
      {"mi_prev_token", QObject::tr("I(expert; previous token)")}};
  QStringList header{QStringLiteral("layer"), QStringLiteral("expert_entropy")};
  std::vector<std::vector<double>> columns{entropy};
  for (const auto& [key, label] : measures) {
    const auto corrected = values(a[key]);
    const auto raw = values(a[std::string(key) + "_raw"]);
    const int s = chart->addSeries(label);
    chart->setPoints(s, finitePoints(x, corrected));
    // The band spans corrected to raw: its height is the shuffled-label bias removed.
    chart->setBand(s, finitePoints(x, corrected), finitePoints(x, raw));
    columns.push_back(corrected);
    columns.push_back(raw);
    columns.push_back(values(a[std::string(key) + "_bias"]));
    header << QString::fromLatin1(key) << QString::fromLatin1(key) + QStringLiteral("_raw")
           << QString::fromLatin1(key) + QStringLiteral("_bias");
  }
  chart->setPoints(chart->addSeries(QObject::tr("H(expert)")), finitePoints(x, entropy));
  columns.push_back(values(a["consistency_mean"]));
  header << QStringLiteral("consistency_mean");
  chart->csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
  for (size_t l = 0; l < x.size(); ++l) {
    QStringList line{QString::number(l)};
    for (const auto& c : columns) line << cell(l < c.size() ? c[l] : NAN);
    chart->csv += line.join(QLatin1Char(',')) + QLatin1Char('\n');
  }
  chart->flush();
  return chart;
}

std::unique_ptr<widgets::Figure> gruStates(const json& a) {
  if (!present(a, "gru_pca")) return nullptr;
  const json& pca = a["gru_pca"];
  const json& coords = pca["coords"];
  const int L = a.value("layers", 0);
  if (!coords.is_array() || coords.empty() || L <= 0) return nullptr;
  auto chart = std::make_unique<CsvChart>();
  chart->setFigureName(QStringLiteral("gru-states"));
  const auto explained = values(pca["explained_variance"]);
  const double total = num(pca["total_variance"]);
  const double share = explained.size() == 2 && total > 0 ? (explained[0] + explained[1]) / total : NAN;
  chart->setTitle(QObject::tr("GRU router states, first two principal components (%1 % of the variance)")
                      .arg(std::isfinite(share) ? share * 100 : 0.0, 0, 'f', 0));
  chart->setAxisTitles(QObject::tr("PC 1"), QObject::tr("PC 2"));
  chart->csv = QStringLiteral("token,layer,pc1,pc2\n");
  std::vector<QList<QPointF>> per_layer(static_cast<size_t>(L));
  for (size_t t = 0; t < coords.size(); ++t)
    for (int l = 0; l < L && l < int(coords[t].size()); ++l) {
      const double x = num(coords[t][size_t(l)][0]), y = num(coords[t][size_t(l)][1]);
      if (std::isfinite(x) && std::isfinite(y)) per_layer[size_t(l)].append(QPointF(x, y));
      chart->csv += QStringLiteral("%1,%2,%3,%4\n").arg(t).arg(l).arg(cell(x), cell(y));
    }
  for (int l = 0; l < L; ++l)
    chart->setPoints(chart->addSeries(QObject::tr("layer %1").arg(l), widgets::SeriesKind::Scatter),
                     per_layer[size_t(l)]);
  chart->flush();
  return chart;
}

}  // namespace

QStringList allAnalysisFigureNames() {
  return {QStringLiteral("specialisation"),   QStringLiteral("routing-agreement"),
          QStringLiteral("drop-by-position"), QStringLiteral("domain-radar"),
          QStringLiteral("cross-layer-mi"),   QStringLiteral("expert-load"),
          QStringLiteral("gru-states")};
}

QStringList analysisFigureNames(const json& analysis) {
  QStringList names;
  for (const QString& name : allAnalysisFigureNames()) {
    const char* key = name == QLatin1String("specialisation")      ? "mi_token"
                      : name == QLatin1String("routing-agreement") ? "early_learning"
                      : name == QLatin1String("drop-by-position")  ? "drop_by_position"
                      : name == QLatin1String("domain-radar")      ? "domain_shares"
                      : name == QLatin1String("cross-layer-mi")    ? "cross_layer_mi_top1"
                      : name == QLatin1String("expert-load")       ? "load"
                                                                   : "gru_pca";
    if (present(analysis, key)) names << name;
  }
  return names;
}

std::unique_ptr<widgets::Figure> createAnalysisFigure(const json& analysis, const QString& name) {
  if (!analysis.is_object()) return nullptr;
  if (name == QLatin1String("drop-by-position")) return dropByPosition(analysis);
  if (name == QLatin1String("domain-radar")) return domainRadar(analysis);
  if (name == QLatin1String("cross-layer-mi")) return crossLayerMi(analysis);
  if (name == QLatin1String("expert-load")) return expertLoad(analysis);
  if (name == QLatin1String("routing-agreement")) return routingAgreement(analysis);
  if (name == QLatin1String("specialisation")) return specialisation(analysis);
  if (name == QLatin1String("gru-states")) return gruStates(analysis);
  return nullptr;
}

QString figureTitle(const QString& name) {
  if (name == QLatin1String("routing-heatmap")) return QObject::tr("Routing per token");
  if (name == QLatin1String("specialisation")) return QObject::tr("Specialisation");
  if (name == QLatin1String("routing-agreement")) return QObject::tr("Routing over training");
  if (name == QLatin1String("drop-by-position")) return QObject::tr("Drops by position");
  if (name == QLatin1String("domain-radar")) return QObject::tr("Domains per expert");
  if (name == QLatin1String("cross-layer-mi")) return QObject::tr("Cross-layer MI");
  if (name == QLatin1String("expert-load")) return QObject::tr("Expert load");
  if (name == QLatin1String("gru-states")) return QObject::tr("GRU router states");
  if (name == QLatin1String("comparison-mi")) return QObject::tr("Specialisation by run");
  if (name == QLatin1String("comparison-drops")) return QObject::tr("Drops by run");
  if (name == QLatin1String("comparison-agreement")) return QObject::tr("Routing over training by run");
  if (name == QLatin1String("comparison-bpb")) return QObject::tr("Bits per byte over seeds");
  if (name == QLatin1String("router-norms")) return QObject::tr("Router weight norms");
  if (name == QLatin1String("expert-similarity")) return QObject::tr("Expert similarity");
  return name;
}

QString figureExplanation(const QString& name) {
  if (name == QLatin1String("routing-heatmap"))
    return QObject::tr(
        "Each column is one traced token, each row one expert of one MoE layer; the colour is the router's "
        "probability for that expert and a cross marks a choice dropped beyond the expert's capacity.");
  if (name == QLatin1String("specialisation"))
    return QObject::tr(
        "Mutual information between a token's top-1 expert and its token id, its position bucket and the "
        "previous token, each minus the mean over shuffled labels (the band is that bias); a token-id value "
        "close to H(expert) means routing by token identity, whatever the context.");
  if (name == QLatin1String("routing-agreement"))
    return QObject::tr(
        "Share of (token, layer) pairs whose top-1 expert at a checkpoint equals the final checkpoint's and "
        "the previous one's, on the same traced text; crossing the 90 % line early means routing was learnt "
        "early in training.");
  if (name == QLatin1String("drop-by-position"))
    return QObject::tr(
        "Share of top-k choices dropped because the expert was full, by position in the sequence; a curve "
        "rising to the right means the tokens at the end of a sequence lose their experts most often.");
  if (name == QLatin1String("domain-radar"))
    return QObject::tr(
        "Share of each corpus domain's tokens that each expert of the deepest MoE layer receives, one spoke "
        "per expert; a domain bulging towards a few spokes has experts of its own.");
  if (name == QLatin1String("cross-layer-mi"))
    return QObject::tr(
        "Mutual information between the routing of two layers: of their top-1 choices across tokens, "
        "corrected by shuffling, in bits, and (when the trace has full probabilities) of the binned "
        "probability vectors as the RMoE paper computes it, in nats.");
  if (name == QLatin1String("expert-load"))
    return QObject::tr(
        "Share of each layer's routed choices that every expert receives; crosses mark dead experts, which "
        "get less than 1 % of the uniform share.");
  if (name == QLatin1String("gru-states"))
    return QObject::tr(
        "The GRU router's hidden states of the traced tokens projected on their first two principal "
        "components, coloured by layer: how the recurrent state moves as a token passes through the layers.");
  if (name == QLatin1String("comparison-mi"))
    return QObject::tr(
        "For every compared run, the corrected mutual information of each layer's top-1 expert with the "
        "token "
        "id, the position bucket and the previous token, side by side: which runs route by token identity.");
  if (name == QLatin1String("comparison-drops"))
    return QObject::tr(
        "For every compared run, the share of top-k choices dropped in the first and in the last position "
        "bin "
        "of the sequences; a higher last bar means drops pile up towards the end.");
  if (name == QLatin1String("comparison-agreement"))
    return QObject::tr(
        "For every compared run, the share of (token, layer) pairs whose top-1 expert already equals the "
        "final "
        "checkpoint's; the legend gives the first step reaching 90 %.");
  if (name == QLatin1String("comparison-bpb"))
    return QObject::tr(
        "Validation bits per byte of every compared run (dots), grouped by config: runs that differ only in "
        "their seed share a group, drawn as mean with a band of ± one standard deviation.");
  if (name == QLatin1String("router-norms"))
    return QObject::tr(
        "The L2 norm of each expert's row of the router weight matrix, per layer, read from the checkpoint "
        "file: experts with larger norms get sharper, more confident router logits.");
  if (name == QLatin1String("expert-similarity"))
    return QObject::tr(
        "Cosine similarity between the experts' router weight rows within each layer: red pairs are routed "
        "alike (similar tokens go to both), blue pairs are routed oppositely.");
  return {};
}

}  // namespace routescope::plugins::moe
