#include "plugins/traffic/network_map_view.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCoordinate.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkImageData.h>
#include <vtkInteractorStyleImage.h>
#include <vtkLegendBoxActor.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace routescope::plugins::traffic {
namespace {

constexpr double kZoneColour[3] = {0.96, 0.55, 0.13};
constexpr double kNodeColour[3] = {0.30, 0.30, 0.30};
constexpr double kClosedColour[3] = {0.78, 0.78, 0.78};
// Highlighted links: a thick green outline, a colour neither colour map (viridis, blue–white–red),
// the zones' orange, the closed links' grey nor the picked link's magenta uses.
constexpr double kHighlightColour[3] = {0.0, 0.75, 0.3};
// Outline thickness as a share of the widest arrow.
constexpr double kHighlightThickness = 0.3;
// The outline encloses at least this width fraction, so a built link whose flow hardly changed
// (a hairline arrow) is still marked.
constexpr double kHighlightMinWidth = 0.6;
constexpr int kDiscSegments = 24;
// Node numbers are drawn only up to this many nodes; beyond it they would hide the links.
constexpr int kMaxLabelledNodes = 150;
// The colour bar takes the right part of the view; the map is fitted into the rest.
constexpr double kColourBarShare = 0.22;

void addRgb(vtkUnsignedCharArray* colours, const double rgb[3]) {
  colours->InsertNextTuple3(rgb[0] * 255.0, rgb[1] * 255.0, rgb[2] * 255.0);
}

void addRgb(vtkUnsignedCharArray* colours, QRgb rgb) {
  colours->InsertNextTuple3(qRed(rgb), qGreen(rgb), qBlue(rgb));
}

template <size_t N>
void addPolygon(vtkPoints* points, vtkCellArray* cells, const std::array<QPointF, N>& corners, double z) {
  vtkIdType ids[N];
  for (size_t i = 0; i < N; ++i) ids[i] = points->InsertNextPoint(corners[i].x(), corners[i].y(), z);
  cells->InsertNextCell(vtkIdType(N), ids);
}

std::array<QPointF, kDiscSegments> disc(const QPointF& centre, double radius) {
  std::array<QPointF, kDiscSegments> corners;
  for (int i = 0; i < kDiscSegments; ++i) {
    const double angle = 2.0 * std::numbers::pi * i / kDiscSegments;
    corners[size_t(i)] = centre + QPointF(std::cos(angle), std::sin(angle)) * radius;
  }
  return corners;
}

// Flat colours: no lighting, so a pixel shows exactly the colour map entry (the tests rely on it).
vtkSmartPointer<vtkActor> flatActor(vtkPolyData* data, bool cell_colours) {
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputData(data);
  if (cell_colours) {
    mapper->SetScalarModeToUseCellData();
    mapper->SetColorModeToDirectScalars();
    mapper->ScalarVisibilityOn();
  } else {
    mapper->ScalarVisibilityOff();
  }
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->LightingOff();
  return actor;
}

// Around a link's arrow: tail, along the outer edge, out to the head, the tip, back along the
// inner edge.
std::array<QPointF, 6> arrowRing(const MapGeometry& geometry, size_t link) {
  const auto& shaft = geometry.shafts[link];
  const auto& head = geometry.heads[link];
  return {shaft[0], shaft[1], shaft[2], head[1], head[2], shaft[0]};
}

// Outlines of `links` as one actor at height `z`: bands `thickness` wide (world units) along each
// arrow's ring, with a disc at every corner to close the joints. Polygons, not wide lines: the
// OpenGL core profile draws lines one pixel wide whatever the requested width (seen under Xvfb).
vtkSmartPointer<vtkActor> outlineActor(const MapGeometry& geometry, const std::vector<int>& links,
                                       double thickness, double z) {
  vtkNew<vtkPoints> points;
  vtkNew<vtkCellArray> cells;
  const double half = thickness / 2.0;
  for (const int link : links) {
    if (link < 0 || size_t(link) >= geometry.shafts.size()) continue;
    const auto ring = arrowRing(geometry, size_t(link));
    for (size_t i = 0; i + 1 < ring.size(); ++i) {
      const QPointF d = ring[i + 1] - ring[i];
      const double length = std::hypot(d.x(), d.y());
      if (length <= 0.0) continue;
      const QPointF normal = QPointF(-d.y(), d.x()) * (half / length);
      addPolygon(points, cells,
                 std::array<QPointF, 4>{ring[i] + normal, ring[i] - normal, ring[i + 1] - normal,
                                        ring[i + 1] + normal},
                 z);
      addPolygon(points, cells, disc(ring[i], half), z);
    }
  }
  vtkNew<vtkPolyData> data;
  data->SetPoints(points);
  data->SetPolys(cells);
  auto actor = flatActor(data, false);
  actor->SetPickable(false);
  return actor;
}

// A legend icon: the entry's colour as a disc or a bar. Icons keep their own colour, while a
// vtkLegendBoxActor symbol would also colour the entry's text.
// `hollow`: the outline of a bar, for outlined links.
vtkSmartPointer<vtkImageData> icon(const double rgb[3], bool round, bool hollow = false) {
  constexpr int kSide = 24;
  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(kSide, kSide, 1);
  image->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
  for (int y = 0; y < kSide; ++y) {
    for (int x = 0; x < kSide; ++x) {
      auto* p = static_cast<unsigned char*>(image->GetScalarPointer(x, y, 0));
      const double dx = x - (kSide - 1) / 2.0, dy = y - (kSide - 1) / 2.0;
      const bool bar = std::abs(dy) <= (hollow ? 7.0 : 3.0) && std::abs(dx) <= kSide / 2.0 - 1;
      const bool hole = hollow && std::abs(dy) <= 3.5 && std::abs(dx) <= kSide / 2.0 - 4.5;
      const bool inside = round ? dx * dx + dy * dy <= (kSide / 2.0 - 1) * (kSide / 2.0 - 1) : bar && !hole;
      p[0] = static_cast<unsigned char>(rgb[0] * 255.0);
      p[1] = static_cast<unsigned char>(rgb[1] * 255.0);
      p[2] = static_cast<unsigned char>(rgb[2] * 255.0);
      p[3] = inside ? 255 : 0;
    }
  }
  return image;
}

}  // namespace

QString quantityShortName(LinkQuantity quantity) {
  switch (quantity) {
    case LinkQuantity::Flow:
      return NetworkMapView::tr("flow");
    case LinkQuantity::VolumeCapacity:
      return NetworkMapView::tr("v/c");
    case LinkQuantity::TravelTime:
      return NetworkMapView::tr("time (min)");
    case LinkQuantity::Difference:
      return NetworkMapView::tr("Δ flow");
  }
  return {};
}

QString quantityName(LinkQuantity quantity) {
  switch (quantity) {
    case LinkQuantity::Flow:
      return NetworkMapView::tr("flow (vehicles per hour)");
    case LinkQuantity::VolumeCapacity:
      return NetworkMapView::tr("volume / capacity");
    case LinkQuantity::TravelTime:
      return NetworkMapView::tr("travel time (minutes)");
    case LinkQuantity::Difference:
      return NetworkMapView::tr("flow difference to the base run");
  }
  return {};
}

NetworkMapView::NetworkMapView(QWidget* parent) : VtkView(parent) {
  setFigureName(QStringLiteral("network-map"));
  renderer()->SetBackground(1.0, 1.0, 1.0);
  renderer()->GetActiveCamera()->ParallelProjectionOn();
  // A map is flat: pan and zoom only (vtkInteractorStyleImage in 2D mode never rotates).
  vtkNew<vtkInteractorStyleImage> style;
  style->SetInteractionModeToImage2D();
  interactor()->SetInteractorStyle(style);
  connect(this, &VtkView::picked, this, &NetworkMapView::onPicked);
}

NetworkMapView::~NetworkMapView() = default;

void NetworkMapView::setData(MapData data) {
  data_ = std::move(data);
  selected_link_ = -1;
  rebuild();
  resetCamera();
}

void NetworkMapView::setBase(std::optional<MapData> base) {
  base_ = std::move(base);
  quantity_ = base_ ? LinkQuantity::Difference
                    : (quantity_ == LinkQuantity::Difference ? LinkQuantity::Flow : quantity_);
  rebuild();
}

void NetworkMapView::setQuantity(LinkQuantity quantity) {
  quantity_ = quantity;
  rebuild();
}

void NetworkMapView::setTitle(const QString& title) {
  title_ = title;
  rebuild();
}

void NetworkMapView::setFixedRange(std::optional<std::pair<double, double>> range) {
  fixed_range_ = range;
  rebuild();
}

void NetworkMapView::selectLink(int link) {
  selected_link_ = link;
  rebuild();
}

void NetworkMapView::setHighlightedLinks(std::vector<int> links, const QString& label) {
  highlighted_ = std::move(links);
  highlight_label_ = label;
  rebuild();
}

QString NetworkMapView::title() const {
  return title_.isEmpty() ? data_.name + QStringLiteral(" — ") + quantityName(quantity_) : title_;
}

void NetworkMapView::rebuild() {
  renderer()->RemoveAllViewProps();
  link_of_cell_.clear();
  const bool difference = quantity_ == LinkQuantity::Difference;
  colormap_ =
      widgets::Colormap(difference ? widgets::ColormapKind::BlueWhiteRed : widgets::ColormapKind::Viridis);

  // Range and widths from the open links' values.
  std::vector<double> values(data_.links.size(), 0.0);
  double lo = 0.0, hi = 0.0, magnitude = 0.0;
  bool first = true;
  for (size_t a = 0; a < data_.links.size(); ++a) {
    values[a] = linkValue(data_, int(a), quantity_, base_ ? &*base_ : nullptr);
    if (data_.links[a].closed && !difference) continue;
    lo = first ? values[a] : std::min(lo, values[a]);
    hi = first ? values[a] : std::max(hi, values[a]);
    magnitude = std::max(magnitude, std::abs(values[a]));
    first = false;
  }
  if (fixed_range_) {
    lo = fixed_range_->first;
    hi = fixed_range_->second;
    magnitude = std::max(std::abs(lo), std::abs(hi));
  } else if (difference) {
    const double m = magnitude > 0.0 ? magnitude : 1.0;
    lo = -m;
    hi = m;
  } else if (hi <= lo) {
    hi = lo + 1.0;
  }
  low_ = lo;
  high_ = hi;
  std::vector<double> width(values.size(), 0.0);
  for (size_t a = 0; a < values.size(); ++a)
    width[a] = magnitude > 0.0 && !data_.links[a].closed ? std::abs(values[a]) / magnitude : 0.0;
  geometry_ = mapGeometry(data_, width);

  // Links: a shaft and a head per link, cell → link through link_of_cell_.
  vtkNew<vtkPoints> link_points;
  vtkNew<vtkCellArray> link_cells;
  vtkNew<vtkUnsignedCharArray> link_colours;
  link_colours->SetNumberOfComponents(3);
  // Closed links first, so open links are drawn over them.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t a = 0; a < data_.links.size(); ++a) {
      const bool closed = data_.links[a].closed;
      if (closed != (pass == 0)) continue;
      const double z = closed ? 0.0 : 0.001;
      addPolygon(link_points, link_cells, geometry_.shafts[a], z);
      addPolygon(link_points, link_cells, geometry_.heads[a], z);
      for (int cell = 0; cell < 2; ++cell) {
        if (closed)
          addRgb(link_colours, kClosedColour);
        else
          addRgb(link_colours, colormap_.map(float(values[a]), float(lo), float(hi)));
        link_of_cell_.push_back(int(a));
      }
    }
  }
  vtkNew<vtkPolyData> links;
  links->SetPoints(link_points);
  links->SetPolys(link_cells);
  links->GetCellData()->SetScalars(link_colours);
  links_actor_ = flatActor(links, true);
  if (difference) {
    // White means "no change", invisible on the white background without an outline.
    links_actor_->GetProperty()->EdgeVisibilityOn();
    links_actor_->GetProperty()->SetEdgeColor(0.55, 0.55, 0.55);
  }
  renderer()->AddActor(links_actor_);

  // Nodes: one disc per node (cell id = node index), above the links.
  vtkNew<vtkPoints> node_points;
  vtkNew<vtkCellArray> node_cells;
  vtkNew<vtkUnsignedCharArray> node_colours;
  node_colours->SetNumberOfComponents(3);
  for (int n = 0; n < int(geometry_.nodes.size()); ++n) {
    addPolygon(node_points, node_cells, disc(geometry_.nodes[size_t(n)], geometry_.scale.node_radius), 0.002);
    addRgb(node_colours, data_.isZone(n) ? kZoneColour : kNodeColour);
  }
  vtkNew<vtkPolyData> nodes;
  nodes->SetPoints(node_points);
  nodes->SetPolys(node_cells);
  nodes->GetCellData()->SetScalars(node_colours);
  nodes_actor_ = flatActor(nodes, true);
  renderer()->AddActor(nodes_actor_);

  if (int(geometry_.nodes.size()) <= kMaxLabelledNodes) {
    for (int n = 0; n < int(geometry_.nodes.size()); ++n) {
      vtkNew<vtkTextActor> label;
      label->SetInput(std::to_string(n + 1).c_str());
      label->GetTextProperty()->SetJustificationToCentered();
      label->GetTextProperty()->SetVerticalJustificationToCentered();
      label->GetTextProperty()->SetFontSize(data_.nodes <= 12 ? 16 : 11);
      label->GetTextProperty()->BoldOn();
      label->GetTextProperty()->SetColor(1.0, 1.0, 1.0);
      label->GetPositionCoordinate()->SetCoordinateSystemToWorld();
      label->GetPositionCoordinate()->SetValue(geometry_.nodes[size_t(n)].x(), geometry_.nodes[size_t(n)].y(),
                                               0.003);
      label->SetPickable(false);
      renderer()->AddActor2D(label);
    }
  }

  if (!highlighted_.empty()) {
    std::vector<double> casing = width;
    for (const int link : highlighted_)
      if (link >= 0 && size_t(link) < casing.size())
        casing[size_t(link)] = std::min(1.0, std::max(casing[size_t(link)] + 0.3, kHighlightMinWidth));
    highlight_actor_ = outlineActor(mapGeometry(data_, casing), highlighted_,
                                    kHighlightThickness * geometry_.scale.max_width, 0.0012);
    highlight_actor_->GetProperty()->SetColor(kHighlightColour[0], kHighlightColour[1], kHighlightColour[2]);
    renderer()->AddActor(highlight_actor_);
  }

  if (selected_link_ >= 0 && size_t(selected_link_) < data_.links.size()) {
    selection_actor_ = outlineActor(geometry_, {selected_link_}, 0.2 * geometry_.scale.max_width, 0.0015);
    selection_actor_->GetProperty()->SetColor(0.9, 0.0, 0.55);
    renderer()->AddActor(selection_actor_);
  }

  // Colour bar with the same 256 entries the links use.
  vtkNew<vtkLookupTable> table;
  table->SetNumberOfTableValues(widgets::Colormap::kEntries);
  for (int i = 0; i < widgets::Colormap::kEntries; ++i) {
    const QRgb c = colormap_.entry(i);
    table->SetTableValue(i, qRed(c) / 255.0, qGreen(c) / 255.0, qBlue(c) / 255.0, 1.0);
  }
  table->SetRange(lo, hi);
  scalar_bar_ = vtkSmartPointer<vtkScalarBarActor>::New();
  scalar_bar_->SetLookupTable(table);
  scalar_bar_->SetTitle(quantityShortName(quantity_).toStdString().c_str());
  scalar_bar_->SetNumberOfLabels(5);
  scalar_bar_->SetLabelFormat("%-#8.4g");
  scalar_bar_->SetPosition(0.84, 0.1);
  scalar_bar_->SetWidth(0.12);
  scalar_bar_->SetHeight(0.8);
  scalar_bar_->SetBarRatio(0.3);
  scalar_bar_->UnconstrainedFontSizeOn();
  for (vtkTextProperty* text : {scalar_bar_->GetTitleTextProperty(), scalar_bar_->GetLabelTextProperty()}) {
    text->SetColor(0.0, 0.0, 0.0);
    text->ShadowOff();
    text->ItalicOff();
    text->SetFontSize(13);
  }
  scalar_bar_->GetTitleTextProperty()->BoldOn();
  scalar_bar_->SetPickable(false);
  renderer()->AddActor2D(scalar_bar_);

  legend_ = vtkSmartPointer<vtkLegendBoxActor>::New();
  double black[3] = {0.0, 0.0, 0.0};
  std::vector<std::pair<QString, vtkSmartPointer<vtkImageData>>> entries{
      {tr("zone (origin/destination)"), icon(kZoneColour, true)},
      {tr("node"), icon(kNodeColour, true)},
      {tr("closed link"), icon(kClosedColour, false)},
      {tr("arrow on the right of its direction, wider for larger |value|"), icon(black, false)}};
  if (!highlighted_.empty()) entries.push_back({highlight_label_, icon(kHighlightColour, false, true)});
  legend_->SetNumberOfEntries(int(entries.size()));
  for (int i = 0; i < int(entries.size()); ++i) {
    legend_->SetEntryString(i, entries[size_t(i)].first.toStdString().c_str());
    legend_->SetEntryIcon(i, entries[size_t(i)].second);
    legend_->SetEntryColor(i, black);
  }
  legend_->GetEntryTextProperty()->SetColor(0.0, 0.0, 0.0);
  legend_->GetEntryTextProperty()->ShadowOff();
  legend_->BorderOff();
  legend_->SetPosition(0.01, 0.01);
  // Four entries in 16 % of the height; each further entry 4 % more, so rows keep their size.
  legend_->SetPosition2(0.42, 0.04 * double(entries.size()));
  legend_->SetPickable(false);
  renderer()->AddActor2D(legend_);

  title_actor_ = vtkSmartPointer<vtkTextActor>::New();
  title_actor_->SetInput(title().toStdString().c_str());
  title_actor_->GetTextProperty()->SetColor(0.0, 0.0, 0.0);
  title_actor_->GetTextProperty()->SetFontSize(16);
  title_actor_->GetTextProperty()->BoldOn();
  title_actor_->GetTextProperty()->SetVerticalJustificationToTop();
  title_actor_->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
  title_actor_->GetPositionCoordinate()->SetValue(0.01, 0.98);
  title_actor_->SetPickable(false);
  renderer()->AddActor2D(title_actor_);
  update();
}

void NetworkMapView::resetCamera() {
  // Fit the nodes (plus their radius) into the view left of the colour bar, for the figure's
  // preferred aspect (exports re-render at their own size with the same camera).
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  if (!geometry_.nodes.empty()) {
    x0 = x1 = geometry_.nodes[0].x();
    y0 = y1 = geometry_.nodes[0].y();
    for (const QPointF& p : geometry_.nodes) {
      x0 = std::min(x0, p.x());
      x1 = std::max(x1, p.x());
      y0 = std::min(y0, p.y());
      y1 = std::max(y1, p.y());
    }
  }
  const double pad = 2.5 * geometry_.scale.node_radius + 0.02;
  x0 -= pad;
  x1 += pad;
  y0 -= pad;
  y1 += pad;
  // Room for the title above and the legend below.
  const double height = (y1 - y0) * 1.35;
  const double width = (x1 - x0) / (1.0 - kColourBarShare);
  const QSize preferred = preferredFigureSize();
  const double aspect = double(preferred.width()) / preferred.height();
  const double half_height = std::max(height, width / aspect) / 2.0;
  vtkCamera* camera = renderer()->GetActiveCamera();
  const double cx = x0 + width / 2.0, cy = (y0 + y1) / 2.0 - (y1 - y0) * 0.02;
  camera->SetFocalPoint(cx, cy, 0.0);
  camera->SetPosition(cx, cy, 10.0);
  camera->SetViewUp(0.0, 1.0, 0.0);
  camera->SetParallelScale(half_height);
  renderer()->ResetCameraClippingRange(-1, 2, -1, 2, -1, 1);
  update();
}

QPointF NetworkMapView::toImage(const QPointF& world, const QSize& pixels) const {
  vtkCamera* camera = renderer()->GetActiveCamera();
  double focal[3];
  camera->GetFocalPoint(focal);
  const double per_unit = pixels.height() / (2.0 * camera->GetParallelScale());
  return {pixels.width() / 2.0 + (world.x() - focal[0]) * per_unit,
          pixels.height() / 2.0 - (world.y() - focal[1]) * per_unit};
}

QPointF NetworkMapView::linkCentreInImage(int link, const QSize& pixels) const {
  return toImage(geometry_.centres.at(size_t(link)), pixels);
}

QPointF NetworkMapView::nodeInImage(int node, const QSize& pixels) const {
  return toImage(geometry_.nodes.at(size_t(node)), pixels);
}

void NetworkMapView::onPicked(const widgets::VtkPickResult& result) {
  if (result.hit && result.prop == links_actor_.Get() && result.cell_id >= 0 &&
      size_t(result.cell_id) < link_of_cell_.size()) {
    const int link = link_of_cell_[size_t(result.cell_id)];
    selectLink(link);
    Q_EMIT linkPicked(link);
  } else if (result.hit && result.prop == nodes_actor_.Get() && result.cell_id >= 0) {
    Q_EMIT nodePicked(int(result.cell_id));
  } else {
    Q_EMIT pickCleared();
  }
}

}  // namespace routescope::plugins::traffic
