#pragma once
// Report sections of traffic runs: the headline numbers (TSTT, Beckmann objective, gap,
// iterations; before/after for what-if runs; one row per algorithm for comparisons), the most
// congested links, and for the built-in Braess network the paradox explained with computed
// values. The map and convergence figures come from the plugin's figures.

#include <QList>

#include "plugins/sdk/run_data.h"
#include "widgets/report/report.h"

namespace routescope::plugins::traffic {

QList<widgets::ReportSection> trafficReportSections(const RunData& run);

}  // namespace routescope::plugins::traffic
