#pragma once
// Figures of the MoE runs that store a JSON document instead of traces: `moe compare` runs
// (comparison.json, backend/moe/analysis/compare_job.h) and `moe inspect-checkpoint` runs
// (router_summary.json of a real checkpoint's router weights). Each exports its numbers as CSV
// (csv_figure.h); titles and explanations come from figureTitle/figureExplanation.

#include <QString>
#include <QStringList>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "plugins/sdk/run_data.h"
#include "widgets/figure/figure.h"
#include "widgets/report/report.h"

namespace routescope::plugins::moe {

// The comparison figures of a comparison.json document, in display order.
QStringList comparisonFigureNames(const nlohmann::json& comparison);
// nullptr for an unknown name or when no compared run has the figure's input.
std::unique_ptr<widgets::Figure> createComparisonFigure(const nlohmann::json& comparison,
                                                        const QString& name);

// The router weight figures of a router_summary.json document (similarity needs the
// "cosine_similarity" key, which summaries written before issue 6 lack).
QStringList routerWeightFigureNames(const nlohmann::json& summary);
std::unique_ptr<widgets::Figure> createRouterWeightFigure(const nlohmann::json& summary, const QString& name);

// The document a `moe compare` run (comparison.json) or `moe inspect-checkpoint` run
// (router_summary.json) stores; null for other runs or when it cannot be read. Parsed once per
// run and kept, because the run browser asks for a run's figure names often and comparisons of
// many runs are megabytes of JSON.
nlohmann::json summaryDocument(const RunData& run);
// Figure names of such a run (empty for other runs) and the figure itself.
QStringList summaryFigureNames(const RunData& run);
std::unique_ptr<widgets::Figure> createSummaryFigure(const RunData& run, const QString& name);
// The run's report section: the headline numbers (compare) or the checkpoint's shape, and the figures.
std::optional<widgets::ReportSection> summaryReportSection(const RunData& run);

// How a compared run is named in legends: short id, router and seed.
QString comparedRunLabel(const nlohmann::json& run);

}  // namespace routescope::plugins::moe
