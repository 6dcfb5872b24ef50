#pragma once
// What the MoE analysis and summary figures share: chart and matrix figures that keep the CSV of
// what they draw (written while they are built from the same numbers), and tolerant readers of
// the analysis JSON (a missing or non-numeric value reads as NaN, an empty cell in the CSV).

#include <QSize>
#include <QString>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "plugins/moe/csv_figure.h"
#include "widgets/charts/chart_view.h"
#include "widgets/heatmap/heatmap_view.h"

namespace routescope::plugins::moe::figure_support {

class CsvChart : public widgets::ChartView, public CsvFigure {
 public:
  QString csv;
  QString toCsv() const override { return csv; }
};

class CsvMatrix : public widgets::HeatmapView, public CsvFigure {
 public:
  QString csv;
  QString toCsv() const override { return csv; }
  QSize preferredFigureSize() const override { return {900, 700}; }
};

inline double num(const nlohmann::json& v) {
  return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

inline QString cell(double v) {
  return std::isfinite(v) ? QString::number(v, 'g', 6) : QString();
}

inline std::vector<double> values(const nlohmann::json& array) {
  std::vector<double> out;
  if (array.is_array())
    for (const auto& v : array) out.push_back(num(v));
  return out;
}

}  // namespace routescope::plugins::moe::figure_support
