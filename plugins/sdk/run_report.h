#pragma once
// The report of one run, or a comparison of runs: what was run, config, seed, device,
// provenance, timings, metrics tables, every figure the study's plugin offers, and its sections.

#include <vector>

#include "plugins/sdk/plugin_loader.h"
#include "plugins/sdk/run_data.h"
#include "widgets/report/report.h"

namespace routescope::plugins {

widgets::FigureProvenance provenanceOf(const RunData& run);
// `plugin` may be null (no plugin for the run's study): the report then has no figures.
widgets::Report buildRunReport(const RunData& run, StudyPlugin* plugin);
// Runs side by side (configs, shared metrics' final values), then each run's own report.
widgets::Report buildComparisonReport(const std::vector<RunData>& runs, const LoadedPlugins& plugins);

}  // namespace routescope::plugins
