#pragma once
// Report sections of network-design runs: the headline numbers (best and no-build TSTT, design,
// budget use, UE solves, time; surrogate accuracy; the experiment's reference), the experiment's
// methods side by side, the Pareto front as a table, and a sentence on each figure the run offers
// (the figures themselves come from the plugin's figure list).

#include <QList>

#include "plugins/sdk/run_data.h"
#include "widgets/report/report.h"

namespace routescope::plugins::traffic {

QList<widgets::ReportSection> networkDesignReportSections(const RunData& run);

}  // namespace routescope::plugins::traffic
