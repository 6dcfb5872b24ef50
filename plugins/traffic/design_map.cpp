#include "plugins/traffic/design_map.h"

#include "plugins/traffic/ndp_artifacts.h"
#include "plugins/traffic/run_artifacts.h"

namespace routescope::plugins::traffic {

bool hasDesignMap(const RunData& run) {
  return hasSolution(run, "before_") && hasSolution(run, "after_") && hasArtifact(run, "candidates.csv");
}

std::unique_ptr<NetworkMapView> designMap(const RunData& run) {
  const DesignSummary design = designSummary(run);
  MapData after = readMapData(run, "after_");
  MapData before = readMapData(run, "before_");
  checkBuiltLinks(design, after.links.size());
  auto map = std::make_unique<NetworkMapView>();
  map->setFigureName(QStringLiteral("design-map"));
  const QString name = after.name;
  map->setData(std::move(after));
  map->setBase(std::move(before));
  map->setHighlightedLinks(design.built_links, NetworkMapView::tr("built candidate (thick outline): %1 of %2")
                                                   .arg(design.built_links.size())
                                                   .arg(design.candidates));
  // ndp-solve names its method; an experiment stores the GA+GNN design (the one under test).
  const nlohmann::json result = headlineResults(run);
  QString method = QString::fromStdString(result.value("method", std::string()));
  if (method.isEmpty() && run.record.kind == "ndp-experiment") method = QStringLiteral("ga-gnn");
  const QString what =
      method.isEmpty() ? NetworkMapView::tr("the design") : NetworkMapView::tr("the %1 design").arg(method);
  map->setTitle(NetworkMapView::tr("%1 — flow change by %2; %3").arg(name, what, budgetUseText(design)));
  return map;
}

}  // namespace routescope::plugins::traffic
