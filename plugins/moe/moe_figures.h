#pragma once
// Figures of MoE training runs, from their live metrics: training curves (loss and validation
// bits per byte against the unigram baseline), drop rate and expert-load entropy per MoE layer.
#include <memory>

#include "plugins/sdk/run_data.h"
#include "widgets/charts/chart_view.h"

namespace routescope::plugins::moe {

std::unique_ptr<widgets::ChartView> trainingCurvesFigure(const RunData& run);
std::unique_ptr<widgets::ChartView> bitsPerByteFigure(const RunData& run);
// One series per MoE layer of the metrics "<prefix>.layerN".
std::unique_ptr<widgets::ChartView> perLayerFigure(const RunData& run, const char* prefix,
                                                   const QString& figure_name, const QString& title,
                                                   const QString& y_title);

}  // namespace routescope::plugins::moe
