#pragma once
// Figures of the routing analyses, drawn from the analysis document (run_analysis_cache.h; the
// JSON of `routescope-cli moe analyze`). Each also exports its numbers as CSV (csv_figure.h) and
// comes with one sentence on what it measures, for the run view and the report.

#include <QString>
#include <QStringList>
#include <memory>
#include <nlohmann/json.hpp>

#include "widgets/figure/figure.h"

namespace routescope::plugins::moe {

// The analysis figures `analysis` can draw, in display order (gru-states only with GRU states).
QStringList analysisFigureNames(const nlohmann::json& analysis);
// Every analysis figure name, for runs whose analysis is not computed yet.
QStringList allAnalysisFigureNames();
// nullptr for an unknown name or when the analysis lacks the figure's input.
std::unique_ptr<widgets::Figure> createAnalysisFigure(const nlohmann::json& analysis, const QString& name);
// The tab title and the sentence on what a figure (analysis figures and routing-heatmap) measures.
QString figureTitle(const QString& name);
QString figureExplanation(const QString& name);

}  // namespace routescope::plugins::moe
