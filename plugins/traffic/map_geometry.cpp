#include "plugins/traffic/map_geometry.h"

#include <algorithm>
#include <cmath>

namespace routescope::plugins::traffic {
namespace {

std::vector<QPointF> normalised(const std::vector<QPointF>& positions) {
  if (positions.empty()) return {};
  double x0 = positions[0].x(), x1 = x0, y0 = positions[0].y(), y1 = y0;
  for (const QPointF& p : positions) {
    x0 = std::min(x0, p.x());
    x1 = std::max(x1, p.x());
    y0 = std::min(y0, p.y());
    y1 = std::max(y1, p.y());
  }
  const double extent = std::max(x1 - x0, y1 - y0);
  const double factor = extent > 0.0 ? 1.0 / extent : 1.0;
  std::vector<QPointF> out;
  out.reserve(positions.size());
  for (const QPointF& p : positions) out.emplace_back((p.x() - x0) * factor, (p.y() - y0) * factor);
  return out;
}

// Sizes follow the typical link length, not the whole map, so a dense city and the four-node
// Braess network both get readable links and nodes.
MapScale scaleFor(const std::vector<QPointF>& nodes, const MapData& data) {
  std::vector<double> lengths;
  for (const MapLink& l : data.links) {
    if (l.from < 0 || l.to < 0 || size_t(l.from) >= nodes.size() || size_t(l.to) >= nodes.size()) continue;
    const QPointF d = nodes[size_t(l.to)] - nodes[size_t(l.from)];
    const double length = std::hypot(d.x(), d.y());
    if (length > 0.0) lengths.push_back(length);
  }
  double unit = 0.1;
  if (!lengths.empty()) {
    std::nth_element(lengths.begin(), lengths.begin() + long(lengths.size() / 2), lengths.end());
    unit = std::min(lengths[lengths.size() / 2], 0.5);
  }
  return {0.09 * unit, 0.015 * unit, 0.11 * unit, 0.012 * unit};
}

}  // namespace

MapGeometry mapGeometry(const MapData& data, const std::vector<double>& width_fraction) {
  MapGeometry g;
  g.nodes = normalised(data.positions);
  g.scale = scaleFor(g.nodes, data);
  const MapScale& s = g.scale;
  for (size_t a = 0; a < data.links.size(); ++a) {
    const MapLink& l = data.links[a];
    std::array<QPointF, 4> shaft{};
    std::array<QPointF, 3> head{};
    QPointF centre;
    const bool valid =
        l.from >= 0 && l.to >= 0 && size_t(l.from) < g.nodes.size() && size_t(l.to) < g.nodes.size();
    const QPointF p = valid ? g.nodes[size_t(l.from)] : QPointF();
    const QPointF q = valid ? g.nodes[size_t(l.to)] : QPointF();
    const double length = std::hypot(q.x() - p.x(), q.y() - p.y());
    if (valid && length > 2.0 * s.node_radius) {
      const QPointF dir = (q - p) / length;
      const QPointF right(dir.y(), -dir.x());
      const double f = a < width_fraction.size() ? std::clamp(width_fraction[a], 0.0, 1.0) : 0.0;
      const double width = s.min_width + (s.max_width - s.min_width) * f;
      const QPointF inner_tail = p + dir * s.node_radius + right * s.side_gap;
      const QPointF inner_tip = q - dir * s.node_radius + right * s.side_gap;
      const double visible = length - 2.0 * s.node_radius;
      const double head_length = std::min(0.35 * visible, std::max(1.5 * width, 0.9 * s.node_radius));
      const QPointF inner_neck = inner_tip - dir * head_length;
      // The head reaches beyond the shaft so the direction reads even on thin links, but only
      // outwards, so that the two directions of a two-way link never overlap.
      const double head_width = std::max(1.6 * width, 0.6 * s.node_radius);
      shaft = {inner_tail, inner_tail + right * width, inner_neck + right * width, inner_neck};
      head = {inner_neck, inner_neck + right * head_width, inner_tip};
      centre = (inner_tail + inner_neck) / 2.0 + right * (width / 2.0);
    } else {
      shaft.fill(p);
      head.fill(p);
      centre = p;
    }
    g.shafts.push_back(shaft);
    g.heads.push_back(head);
    g.centres.push_back(centre);
  }
  return g;
}

}  // namespace routescope::plugins::traffic
