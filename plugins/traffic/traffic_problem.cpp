#include "plugins/traffic/traffic_problem.h"

#include <QFileInfo>

#include "backend/traffic/braess.h"
#include "backend/traffic/coordinates.h"
#include "backend/traffic/tntp_reader.h"

namespace routescope::plugins::traffic {
namespace {

namespace rt = routescope::traffic;

std::string text(const nlohmann::json& config, const char* key) {
  return config.contains(key) && config[key].is_string() ? config[key].get<std::string>() : std::string();
}

double number(const nlohmann::json& config, const char* key, double fallback) {
  return config.contains(key) && config[key].is_number() ? config[key].get<double>() : fallback;
}

TrafficProblem load(const std::string& net, const std::string& trips, const std::string& nodes) {
  TrafficProblem problem;
  if (net == "builtin:braess") {
    problem.network = rt::braessNetwork(true);
    problem.demand = rt::braessDemand();
    return problem;
  }
  problem.network = rt::readNetworkFile(net);
  if (!nodes.empty()) problem.network.coordinates = rt::readCoordinates(nodes, problem.network.nodes);
  if (!trips.empty()) problem.demand = rt::readTripsFile(trips, &problem.network);
  return problem;
}

}  // namespace

ProblemLoader problemFromConfig(const nlohmann::json& config) {
  return [config] {
    TrafficProblem problem = load(text(config, "net"), text(config, "trips"), text(config, "nodes"));
    problem.cost.toll_factor = number(config, "toll_factor", 0.0);
    problem.cost.distance_factor = number(config, "distance_factor", 0.0);
    problem.cost.system_optimum = config.value("system_optimum", false);
    const double scale = number(config, "demand_scale", 1.0);
    if (scale != 1.0) problem.demand.scale(scale);
    return problem;
  };
}

QString siblingFile(const QString& net_path, const QString& suffix) {
  const QString marker = QStringLiteral("_net.tntp");
  if (!net_path.endsWith(marker)) return {};
  const QString path = net_path.left(net_path.size() - marker.size()) + suffix;
  return QFileInfo::exists(path) ? path : QString();
}

ProblemLoader problemFromNetFile(const QString& net_path) {
  const std::string net = net_path.toStdString();
  const std::string trips = siblingFile(net_path, QStringLiteral("_trips.tntp")).toStdString();
  const std::string nodes = siblingFile(net_path, QStringLiteral("_node.tntp")).toStdString();
  return [net, trips, nodes] { return load(net, trips, nodes); };
}

}  // namespace routescope::plugins::traffic
