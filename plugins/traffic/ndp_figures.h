#pragma once
// Which network-design figures a run offers, building them, and each figure's data as CSV. A
// figure is offered only when its artifact exists and reads cleanly, so a malformed CSV yields no
// figure rather than an empty or misleading one.

#include <QString>
#include <QStringList>
#include <memory>

#include "plugins/sdk/run_data.h"
#include "widgets/figure/figure.h"

namespace routescope::plugins::traffic {

// design-map, ga-convergence, surrogate-scatter, surrogate-flow-scatter, pareto-front, gap-vs-time
// (those whose artifacts the run has).
QStringList networkDesignFigureNames(const RunData& run);
// nullptr for a name the run does not offer.
std::unique_ptr<widgets::Figure> createNetworkDesignFigure(const RunData& run, const QString& name);
bool isNetworkDesignFigure(const QString& name);
// The numbers a figure draws, with a header row; empty when the run does not offer it.
QString networkDesignFigureCsv(const RunData& run, const QString& name);
// One sentence on what the figure shows and how to read it (for the report and the run view).
QString networkDesignFigureExplanation(const QString& name);

}  // namespace routescope::plugins::traffic
