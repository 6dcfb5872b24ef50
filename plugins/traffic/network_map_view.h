#pragma once
// The network map: a VtkView that draws a traffic network with each directed link as an arrow
// ribbon on the right of its direction, width and colour by a chosen quantity (viridis for flow,
// v/c and time; a blue–white–red map centred on 0 for the difference between two runs), node
// discs (zones in orange), a colour bar, a legend and node numbers; optionally some links outlined
// thickly (the candidates a network design builds). 2D pan/zoom (middle drag or
// shift+left drag pans, wheel or right drag zooms); a click picks a link or a node.

#include <vtkSmartPointer.h>

#include <QPointF>
#include <optional>

#include "plugins/traffic/map_data.h"
#include "plugins/traffic/map_geometry.h"
#include "widgets/heatmap/colormap.h"
#include "widgets/vtk/vtk_view.h"

class vtkActor;
class vtkLegendBoxActor;
class vtkLookupTable;
class vtkScalarBarActor;
class vtkTextActor;

namespace routescope::plugins::traffic {

QString quantityName(LinkQuantity quantity);       // translated, with the unit
QString quantityShortName(LinkQuantity quantity);  // for the colour bar's title

class NetworkMapView : public widgets::VtkView {
  Q_OBJECT

 public:
  explicit NetworkMapView(QWidget* parent = nullptr);
  ~NetworkMapView() override;

  void setData(MapData data);
  const MapData& data() const { return data_; }
  // The run Difference compares with; setting one switches to LinkQuantity::Difference.
  void setBase(std::optional<MapData> base);
  const std::optional<MapData>& base() const { return base_; }
  void setQuantity(LinkQuantity quantity);
  LinkQuantity quantity() const { return quantity_; }
  // Replaces the default title (network name — quantity).
  void setTitle(const QString& title);
  // A fixed colour and width range (to compare several maps); nullopt: the open links' min..max.
  void setFixedRange(std::optional<std::pair<double, double>> range);
  void selectLink(int link);  // -1: none
  // Links drawn with a thick outline and listed in the legend as `label` (e.g. the candidate
  // links a network design builds); empty: none.
  void setHighlightedLinks(std::vector<int> links, const QString& label);
  const std::vector<int>& highlightedLinks() const { return highlighted_; }
  QString highlightLabel() const { return highlight_label_; }
  QString title() const;  // as drawn

  // The colour range of the current quantity (symmetric around 0 for Difference).
  double rangeLow() const { return low_; }
  double rangeHigh() const { return high_; }
  const widgets::Colormap& colormap() const { return colormap_; }
  // Where a link's shaft centre and a node's centre land in a snapshot of `pixels` (top-left
  // origin), for tests and overlays. The camera is parallel, so this is an affine map.
  QPointF linkCentreInImage(int link, const QSize& pixels) const;
  QPointF nodeInImage(int node, const QSize& pixels) const;

 Q_SIGNALS:
  void linkPicked(int link);
  void nodePicked(int node);
  void pickCleared();

 private:
  void rebuild();
  void resetCamera();
  void onPicked(const widgets::VtkPickResult& result);
  QPointF toImage(const QPointF& world, const QSize& pixels) const;

  MapData data_;
  std::optional<MapData> base_;
  LinkQuantity quantity_ = LinkQuantity::Flow;
  QString title_;
  std::optional<std::pair<double, double>> fixed_range_;
  int selected_link_ = -1;
  std::vector<int> highlighted_;
  QString highlight_label_;
  MapGeometry geometry_;
  widgets::Colormap colormap_;
  double low_ = 0.0, high_ = 1.0;
  std::vector<int> link_of_cell_;
  vtkSmartPointer<vtkActor> links_actor_, nodes_actor_, selection_actor_, highlight_actor_;
  vtkSmartPointer<vtkScalarBarActor> scalar_bar_;
  vtkSmartPointer<vtkLegendBoxActor> legend_;
  vtkSmartPointer<vtkTextActor> title_actor_;
};

}  // namespace routescope::plugins::traffic
