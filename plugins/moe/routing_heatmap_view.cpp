#include "plugins/moe/routing_heatmap_view.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/heatmap/colormap.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::plugins::moe {
namespace {

// Columns shown at first: enough to read the labels, a sentence or two of text.
constexpr double kInitialColumns = 96;

QString html(const QString& text) {
  return text.toHtmlEscaped();
}

QString probabilityText(float p) {
  return std::isfinite(p) ? QString::number(double(p), 'f', 3) : QStringLiteral("–");
}

}  // namespace

RoutingHeatmapView::RoutingHeatmapView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("routingHeatmapView"));
  heatmap_ = new widgets::HeatmapView(this);
  heatmap_->setObjectName(QStringLiteral("routingHeatmap"));
  heatmap_->setFigureName(figureName());
  heatmap_->setColormap(widgets::ColormapKind::Viridis);
  heatmap_->setFixedRange(0.0f, 1.0f);
  // Zoomed out, a block shows its strongest probability: a routed token must not fade to the mean.
  heatmap_->setAggregation(widgets::AggregationMode::Max);
  heatmap_->setNanColor(QColor(0xf2, 0xf2, 0xf2));
  widgets::HeatmapStyle style = heatmap_->heatmapStyle();
  style.row_label_width = 64;
  style.column_label_height = 64;
  heatmap_->setHeatmapStyle(style);

  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setObjectName(QStringLiteral("checkpointSlider"));
  slider_->setEnabled(false);
  slider_->setPageStep(1);
  slider_->setTickPosition(QSlider::TicksBelow);
  slider_->setToolTip(tr("Checkpoint: drag to watch the routing settle over training"));
  step_label_ = new QLabel(this);
  step_label_->setMinimumWidth(90);
  domain_box_ = new QComboBox(this);
  domain_box_->setObjectName(QStringLiteral("domainFilter"));
  domain_box_->setToolTip(tr("Show only the tokens of one corpus domain"));
  scroll_ = new QScrollBar(Qt::Horizontal, this);
  scroll_->setObjectName(QStringLiteral("tokenScrollBar"));
  panel_ = new QTextBrowser(this);
  panel_->setObjectName(QStringLiteral("tokenPanel"));
  panel_->setMinimumWidth(260);
  message_ = new QLabel(this);
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);

  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Checkpoint:"), this));
  controls->addWidget(slider_, 1);
  controls->addWidget(step_label_);
  controls->addSpacing(12);
  controls->addWidget(new QLabel(tr("Domain:"), this));
  controls->addWidget(domain_box_);

  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(message_);
  left_layout->addWidget(heatmap_, 1);
  left_layout->addWidget(scroll_);
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(left);
  splitter->addWidget(panel_);
  splitter->setStretchFactor(0, 4);
  splitter->setStretchFactor(1, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(splitter, 1);

  connect(slider_, &QSlider::valueChanged, this, &RoutingHeatmapView::setStepIndex);
  connect(domain_box_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (index >= 0) setDomain(domain_box_->itemData(index).toString());
  });
  connect(heatmap_, &widgets::HeatmapView::cellSelected, this, [this](int, int col) { selectColumn(col); });
  connect(heatmap_, &widgets::HeatmapView::columnSelected, this, &RoutingHeatmapView::selectColumn);
  connect(heatmap_, &widgets::HeatmapView::visibleRegionChanged, this, [this] { syncScrollBar(); });
  connect(scroll_, &QScrollBar::valueChanged, this, [this](int value) {
    if (syncing_ || !source_) return;
    QRectF region = heatmap_->visibleRegion();
    region.moveLeft(value);
    heatmap_->setVisibleRegion(region);
  });
  setMessage(tr("Loading the routing traces…"));
}

RoutingHeatmapView::~RoutingHeatmapView() = default;

void RoutingHeatmapView::setMessage(const QString& message) {
  message_->setText(message);
  message_->setVisible(!message.isEmpty());
}

void RoutingHeatmapView::setTraces(std::shared_ptr<const TraceSeries> series) {
  series_ = std::move(series);
  if (!series_ || series_->empty()) {
    source_.reset();
    setMessage(tr("This run has no routing traces."));
    return;
  }
  setMessage({});
  {
    const QSignalBlocker block(domain_box_);
    domain_box_->clear();
    domain_box_->addItem(tr("all domains"), QString());
    for (const QString& d : traceDomains(*series_)) domain_box_->addItem(d, d);
  }
  {
    const QSignalBlocker block(slider_);
    slider_->setRange(0, static_cast<int>(series_->steps.size()) - 1);
    slider_->setValue(slider_->maximum());
    slider_->setEnabled(series_->steps.size() > 1);
  }
  rebuildSource();
}

void RoutingHeatmapView::rebuildSource() {
  source_ = std::make_shared<RoutingHeatmapSource>(series_, domain());
  source_->setStepIndex(static_cast<size_t>(slider_->value()));
  heatmap_->setSource(source_);
  heatmap_->setRowGroups(source_->layerGroups());
  heatmap_->setMarks(source_->dropMarks());
  heatmap_->setVisibleRegion(
      QRectF(0, 0, std::min<double>(kInitialColumns, std::max(1, source_->cols())), source_->rows()));
  selected_col_ = -1;
  refreshTitle();
  refreshPanel();
  syncScrollBar();
}

void RoutingHeatmapView::setStepIndex(int index) {
  if (!source_) return;
  QElapsedTimer timer;
  timer.start();
  source_->setStepIndex(static_cast<size_t>(std::max(0, index)));
  heatmap_->setMarks(source_->dropMarks());
  heatmap_->sourceDataChanged();
  if (slider_->value() != index) {
    const QSignalBlocker block(slider_);
    slider_->setValue(index);
  }
  refreshTitle();
  refreshPanel();
  // The frame is part of re-colouring: repaint now instead of waiting for the event loop.
  if (heatmap_->isVisible()) heatmap_->repaint();
  last_recolour_ms_ = double(timer.nsecsElapsed()) / 1e6;
  Q_EMIT stepChanged(step());
}

int RoutingHeatmapView::stepIndex() const {
  return source_ ? static_cast<int>(source_->stepIndex()) : -1;
}

int64_t RoutingHeatmapView::step() const {
  return source_ ? series_->steps.at(source_->stepIndex()) : -1;
}

void RoutingHeatmapView::setDomain(const QString& domain) {
  const int index = std::max(0, domain_box_->findData(domain));
  if (domain_box_->currentIndex() != index) {
    const QSignalBlocker block(domain_box_);
    domain_box_->setCurrentIndex(index);
  }
  if (series_ && !series_->empty()) rebuildSource();
}

QString RoutingHeatmapView::domain() const {
  return domain_box_->currentIndex() >= 0 ? domain_box_->currentData().toString() : QString();
}

void RoutingHeatmapView::selectColumn(int col) {
  if (!source_ || col < 0 || col >= source_->cols()) return;
  selected_col_ = col;
  refreshPanel();
}

void RoutingHeatmapView::refreshTitle() {
  if (!source_) return;
  const auto& trace = source_->trace();
  const QString what =
      trace.full_probs.empty()
          ? tr("router probability of the top-%1 choices (grey: not chosen)").arg(trace.top_k)
          : tr("router probability of every expert");
  const QString where = domain().isEmpty() ? tr("all domains") : domain();
  heatmap_->setTitle(tr("Routing per token at step %1 — %2; %3, %4 tokens; × dropped")
                         .arg(step())
                         .arg(what, where)
                         .arg(source_->cols()));
  step_label_->setText(tr("step %1").arg(step()));
}

void RoutingHeatmapView::refreshPanel() {
  if (!source_ || selected_col_ < 0) {
    panel_->setHtml(tr("<p>Click a token to see its path through the layers.</p>"));
    return;
  }
  panel_->setHtml(tokenPathHtml(*source_, selected_col_));
}

void RoutingHeatmapView::syncScrollBar() {
  if (!source_) return;
  const QRectF region = heatmap_->visibleRegion();
  syncing_ = true;
  const int width = std::max(1, int(std::lround(region.width())));
  scroll_->setRange(0, std::max(0, source_->cols() - width));
  scroll_->setPageStep(width);
  scroll_->setSingleStep(std::max(1, width / 10));
  scroll_->setValue(int(std::lround(region.left())));
  syncing_ = false;
}

void RoutingHeatmapView::paintFigure(QPainter& painter, const QRectF& target) {
  heatmap_->paintFigure(painter, target);
}

QString RoutingHeatmapView::toCsv() const {
  if (!source_) return {};
  QString out = QStringLiteral("step,token,sequence,position,domain,piece");
  const int rows = source_->rows();
  for (int r = 0; r < rows; ++r)
    out += QStringLiteral(",L%1.e%2").arg(r / source_->experts()).arg(r % source_->experts());
  out += QStringLiteral(",dropped\n");
  const auto& trace = source_->trace();
  const auto& base = source_->series().last();
  std::vector<float> column(static_cast<size_t>(rows));
  for (int c = 0; c < source_->cols(); ++c) {
    const int64_t t = source_->tokenAt(c);
    source_->fillBlock(0, c, rows, 1, column.data());
    QString line = QStringLiteral("%1,%2,%3,%4,%5,%6")
                       .arg(step())
                       .arg(t)
                       .arg(base.sequenceOf(t))
                       .arg(base.positionOf(t))
                       .arg(csvField(QString::fromStdString(base.domainOf(t))),
                            csvField(QString::fromStdString(base.pieceOf(base.tokenIdOf(t)))));
    for (const float v : column)
      line += QLatin1Char(',') + (std::isfinite(v) ? QString::number(double(v), 'g', 6) : QString());
    QStringList dropped;
    if (!trace.dropped.empty() && trace.tokenCount() == base.tokenCount())
      for (int l = 0; l < trace.layers; ++l)
        for (int k = 0; k < trace.top_k; ++k) {
          const size_t i = trace.choiceIndex(t, l, k);
          if (trace.dropped[i]) dropped << QStringLiteral("L%1.e%2").arg(l).arg(trace.expert_ids[i]);
        }
    line += QLatin1Char(',') + dropped.join(QLatin1Char(' ')) + QLatin1Char('\n');
    out += line;
  }
  return out;
}

QString tokenPathHtml(const RoutingHeatmapSource& source, int col) {
  const auto& trace = source.trace();
  const auto& base = source.series().last();
  const int64_t t = source.tokenAt(col);
  const int E = source.experts();
  QString out;
  out += QStringLiteral("<h3>%1</h3>").arg(html(displayPiece(base.pieceOf(base.tokenIdOf(t)))));
  out += QObject::tr("<p>token %1 · sequence %2, position %3 · domain %4 · step %5</p>")
             .arg(t)
             .arg(base.sequenceOf(t))
             .arg(base.positionOf(t))
             .arg(html(QString::fromStdString(base.domainOf(t))))
             .arg(trace.checkpoint_step);
  if (trace.tokenCount() != base.tokenCount()) {
    out += QObject::tr("<p>This checkpoint traced other text.</p>");
    return out;
  }
  // The path: top-1 expert per layer, the rest of the choices in brackets.
  QStringList path;
  for (int l = 0; l < trace.layers; ++l) {
    const int e = trace.expert(t, l, 0);
    path << (e >= 0 ? QStringLiteral("e%1").arg(e) : QStringLiteral("–"));
  }
  out += QObject::tr("<p><b>Path (top-1 per layer):</b> %1</p>").arg(path.join(QStringLiteral(" → ")));
  const widgets::Colormap colormap(widgets::ColormapKind::Viridis);
  out += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
  for (int l = 0; l < trace.layers; ++l) {
    QStringList choices;
    for (int k = 0; k < trace.top_k; ++k) {
      const size_t i = trace.choiceIndex(t, l, k);
      const int e = trace.expert_ids[i];
      if (e < 0) continue;
      QString c = QStringLiteral("e%1").arg(e);
      if (!trace.probs.empty()) c += QStringLiteral(" %1").arg(probabilityText(trace.probs[i]));
      if (!trace.dropped.empty() && trace.dropped[i]) c += QObject::tr(" <b>dropped</b>");
      choices << c;
    }
    out += QObject::tr("<tr><td><b>layer %1</b></td><td colspan='%2'>%3</td></tr>")
               .arg(l)
               .arg(E)
               .arg(choices.isEmpty() ? QObject::tr("no expert") : choices.join(QStringLiteral(", ")));
    // The probability vector as coloured cells, the same colours as the heatmap.
    out += QStringLiteral("<tr><td></td>");
    std::vector<float> column(static_cast<size_t>(E));
    source.fillBlock(l * E, col, E, 1, column.data());
    for (int e = 0; e < E; ++e) {
      const float v = column[static_cast<size_t>(e)];
      const QColor fill =
          std::isfinite(v) ? QColor::fromRgb(colormap.map(v, 0.0f, 1.0f)) : QColor(0xf2, 0xf2, 0xf2);
      const QColor ink = fill.lightnessF() > 0.55 ? Qt::black : Qt::white;
      out += QStringLiteral("<td bgcolor='%1' style='color:%2' title='e%3'>%4</td>")
                 .arg(fill.name(), ink.name())
                 .arg(e)
                 .arg(std::isfinite(v) ? QString::number(double(v), 'f', 2) : QStringLiteral("·"));
    }
    out += QStringLiteral("</tr>");
  }
  out += QStringLiteral("</table>");
  if (!trace.update_gate_mean.empty()) {
    QStringList gates;
    for (int l = 0; l < trace.layers; ++l)
      gates << QString::number(double(trace.update_gate_mean[static_cast<size_t>(t) * trace.layers + l]), 'f',
                               2);
    out += QObject::tr("<p>GRU mean update gate per layer: %1</p>").arg(gates.join(QStringLiteral(", ")));
  }
  return out;
}

}  // namespace routescope::plugins::moe
