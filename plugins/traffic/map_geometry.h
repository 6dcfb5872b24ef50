#pragma once
// The network map's geometry, apart from VTK actors so it can be reasoned about (and tested) on
// its own: node positions scaled into the unit square, and per link an arrow-shaped ribbon drawn
// on the right-hand side of its direction, so that A→B and B→A sit side by side instead of on top
// of each other. Widths are in the same units as the positions.

#include <QPointF>
#include <array>
#include <vector>

#include "plugins/traffic/map_data.h"

namespace routescope::plugins::traffic {

struct MapScale {
  double node_radius = 0.0;
  double min_width = 0.0;
  double max_width = 0.0;
  double side_gap = 0.0;  // between a link's centre line and its ribbon
};

struct MapGeometry {
  std::vector<QPointF> nodes;  // positions scaled into [0, 1]², aspect kept
  MapScale scale;
  // Per link (same index as MapData::links): a shaft (quad: tail-inner, tail-outer, neck-outer,
  // neck-inner) and an arrow head (triangle: neck-inner, neck-outer widened, tip), both convex,
  // and the centre of the shaft. "Inner" is the side towards the line between the two nodes.
  std::vector<std::array<QPointF, 4>> shafts;
  std::vector<std::array<QPointF, 3>> heads;
  std::vector<QPointF> centres;
};

// `width_fraction` per link in [0, 1] (0: thinnest, 1: widest).
MapGeometry mapGeometry(const MapData& data, const std::vector<double>& width_fraction);

}  // namespace routescope::plugins::traffic
