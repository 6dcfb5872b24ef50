#pragma once
// The per-token expert heatmap (figure `routing-heatmap`): the traced text along x, layers ×
// experts along y, router probability as colour, dropped choices crossed out. A checkpoint slider
// re-colours the same tokens at every traced step (all traces decoded once, so a step costs one
// pass over the values), a domain filter narrows the columns, and clicking a token shows its path
// through the layers and its probability vectors in the side panel.

#include <QWidget>
#include <memory>

#include "plugins/moe/csv_figure.h"
#include "plugins/moe/routing_heatmap_source.h"
#include "widgets/figure/figure.h"

class QComboBox;
class QLabel;
class QScrollBar;
class QSlider;
class QTextBrowser;

namespace routescope::widgets {
class HeatmapView;
}

namespace routescope::plugins::moe {

class RoutingHeatmapView : public QWidget, public widgets::Figure, public CsvFigure {
  Q_OBJECT

 public:
  explicit RoutingHeatmapView(QWidget* parent = nullptr);
  ~RoutingHeatmapView() override;

  // Shows the series at its last checkpoint, all domains, the first columns in readable size.
  void setTraces(std::shared_ptr<const TraceSeries> series);
  bool hasTraces() const { return source_ != nullptr; }
  // Shows `message` instead of the heatmap (loading, or why there is nothing to show).
  void setMessage(const QString& message);

  void setStepIndex(int index);  // as the slider does
  int stepIndex() const;
  int64_t step() const;
  // "" for all domains.
  void setDomain(const QString& domain);
  QString domain() const;
  // Shows token column `col`'s path in the side panel (as a click on it does).
  void selectColumn(int col);
  int selectedColumn() const { return selected_col_; }
  // Milliseconds the last checkpoint change took to re-colour (values, marks, repaint).
  double lastRecolourMs() const { return last_recolour_ms_; }

  widgets::HeatmapView* heatmap() const { return heatmap_; }
  QSlider* slider() const { return slider_; }
  QComboBox* domainBox() const { return domain_box_; }
  QTextBrowser* tokenPanel() const { return panel_; }
  const RoutingHeatmapSource* source() const { return source_.get(); }

  // Figure: what the heatmap shows now (step, domain and visible tokens).
  QString figureName() const override { return QStringLiteral("routing-heatmap"); }
  QSize preferredFigureSize() const override { return {1400, 800}; }
  void paintFigure(QPainter& painter, const QRectF& target) override;
  // Every shown token at the current step: one line per token, one column per (layer, expert).
  QString toCsv() const override;

 Q_SIGNALS:
  void stepChanged(qint64 step);

 private:
  void rebuildSource();
  void refreshTitle();
  void refreshPanel();
  void syncScrollBar();

  std::shared_ptr<const TraceSeries> series_;
  std::shared_ptr<RoutingHeatmapSource> source_;
  widgets::HeatmapView* heatmap_;
  QSlider* slider_;
  QLabel* step_label_;
  QComboBox* domain_box_;
  QScrollBar* scroll_;
  QTextBrowser* panel_;
  QLabel* message_;
  int selected_col_ = -1;
  double last_recolour_ms_ = 0;
  bool syncing_ = false;
};

// HTML of one token's path through the layers at the source's checkpoint (the side panel).
QString tokenPathHtml(const RoutingHeatmapSource& source, int col);

}  // namespace routescope::plugins::moe
