#pragma once
// Figures of the System study: the machine profile's sgemm GFLOP/s by matrix size and by thread
// count, and the training check's loss curves.

#include <memory>

#include "plugins/sdk/run_data.h"
#include "widgets/charts/chart_view.h"

namespace routescope::plugins::system {

// Bars: one group per matrix shape, one bar per thread count.
std::unique_ptr<widgets::ChartView> sgemmBySizeFigure(const RunData& run);
// Lines: GFLOP/s against thread count, one line per shape plus the peak.
std::unique_ptr<widgets::ChartView> sgemmByThreadsFigure(const RunData& run);
// Train and validation loss against step (log scale).
std::unique_ptr<widgets::ChartView> lossFigure(const RunData& run);

}  // namespace routescope::plugins::system
